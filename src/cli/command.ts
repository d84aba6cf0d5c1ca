/**
 * The shape of a `ccpor` command and the errors commands throw.
 *
 * Commands are plain data + a `run` function so that the dispatcher (run.ts) owns argument
 * checking, help text, output and exit codes, and a new command is one table entry
 * (see commands/index.ts).
 */

/** Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 internal error (a bug in ccpor). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** The I/O a command may use; the real one is in io.ts, tests pass a fake. */
export type CliIo = {
  /** Reads a text file; throws {@link CliInputError} naming the problem (missing, folder …). */
  readFile(path: string): Promise<string>;
  /** Reads all of standard input as text. */
  readStdin(): Promise<string>;
};

/** A positional argument, e.g. `{ name: 'YYYY-MM-DD' }`. */
export type CliArg = { readonly name: string; readonly optional?: boolean };

/** A `--name VALUE` option. */
export type CliOption = { readonly name: string; readonly value: string; readonly help: string };

/** What a command gets: its positional arguments (already counted) and options. */
export type CliInput = {
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | undefined>>;
  readonly io: CliIo;
};

/**
 * What a command returns. `json` is printed as JSON; `lines` as plain lines (for message text).
 * `exitCode: 1` with `error` reports invalid input while still printing the details on stdout.
 */
export type CliOutput = ({ readonly json: unknown } | { readonly lines: readonly string[] }) & {
  readonly exitCode?: 0 | 1;
  /** One line for stderr, e.g. "order.json has 3 problems". */
  readonly error?: string;
};

/** One command: `ccpor <group> <name> ARGS… [--option VALUE]`. */
export type CliCommand = {
  readonly name: string;
  readonly summary: string;
  readonly args: readonly CliArg[];
  readonly options?: readonly CliOption[];
  run(input: CliInput): Promise<CliOutput> | CliOutput;
};

/** A group of commands under one first word (`calendar`, `clets`, `order`, …). */
export type CliGroup = {
  readonly name: string;
  readonly summary: string;
  readonly commands: readonly CliCommand[];
};

/** Invalid input (bad date, missing file, malformed JSON …): exit 1 with a one-line message. */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}

/** The command line itself is wrong (unknown command, wrong argument count): exit 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
