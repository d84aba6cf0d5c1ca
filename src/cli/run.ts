/**
 * The `ccpor` dispatcher: finds the command in the registry (commands/index.ts), checks the
 * argument count and options, runs it, and turns the result or error into stdout, ONE stderr line
 * and an exit code. It does no I/O itself (main.ts writes the result), so tests can call it.
 */
import { CletsFormatError } from '../shared/clets';
import { InvalidDateError } from '../shared/time/dates';
import { InvalidInstantError, InvalidTimeError } from '../shared/time/zoned';
import * as registered from './commands';
import {
  CliInputError,
  CliUsageError,
  EXIT,
  type CliCommand,
  type CliGroup,
  type CliIo,
  type CliOutput,
} from './command';

/** What a run produced: text for stdout and stderr, and the exit code. */
export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

const GROUPS: readonly CliGroup[] = Object.values(registered satisfies Record<string, CliGroup>);

const HELP_FLAGS = new Set(['--help', '-h', 'help']);

function usageLine(group: CliGroup, cmd: CliCommand): string {
  const args = cmd.args.map((a) => (a.optional ? `[${a.name}]` : a.name));
  const opts = (cmd.options ?? []).map((o) => `[--${o.name} ${o.value}]`);
  return ['ccpor', group.name, cmd.name, ...args, ...opts].join(' ');
}

function groupHelp(group: CliGroup): string {
  const lines = [`${group.name}: ${group.summary}`];
  for (const cmd of group.commands) {
    lines.push(`  ${usageLine(group, cmd)}`, `      ${cmd.summary}`);
    for (const o of cmd.options ?? []) lines.push(`      --${o.name} ${o.value}: ${o.help}`);
  }
  return lines.join('\n');
}

/** The full help text (`ccpor --help`). */
export function helpText(): string {
  return [
    'ccpor: command line of the CCPOR clerk workstation',
    '',
    ...GROUPS.flatMap((g) => [groupHelp(g), '']),
    'Output is JSON on stdout (clets encode prints message lines).',
    'Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 internal error.',
  ].join('\n');
}

/** Splits the words after the command name into positional arguments and `--name value` options. */
function parseWords(group: CliGroup, cmd: CliCommand, words: readonly string[]) {
  const args: string[] = [];
  const options: Record<string, string> = {};
  const known = new Set((cmd.options ?? []).map((o) => o.name));
  const usage = `usage: ${usageLine(group, cmd)}`;
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] as string;
    if (w === '--') {
      args.push(...words.slice(i + 1));
      break;
    }
    if (!w.startsWith('--')) {
      args.push(w);
      continue;
    }
    const eq = w.indexOf('=');
    const name = w.slice(2, eq === -1 ? undefined : eq);
    if (!known.has(name)) throw new CliUsageError(`Unknown option --${name}; ${usage}`);
    const value = eq === -1 ? words[(i += 1)] : w.slice(eq + 1);
    if (value === undefined) throw new CliUsageError(`Option --${name} needs a value; ${usage}`);
    options[name] = value;
  }
  const required = cmd.args.filter((a) => !a.optional).length;
  if (args.length < required || args.length > cmd.args.length) {
    const expected = cmd.args.length === 0 ? 'no arguments' : cmd.args.map((a) => a.name).join(' ');
    throw new CliUsageError(`${group.name} ${cmd.name} takes ${expected}; ${usage}`);
  }
  return { args, options };
}

function render(out: CliOutput): string {
  if ('lines' in out) return out.lines.map((l) => `${l}\n`).join('');
  return `${JSON.stringify(out.json, null, 2)}\n`;
}

/** Errors that mean "the input is wrong" rather than "ccpor is broken". */
function isInputError(e: unknown): e is Error {
  return (
    e instanceof CliInputError ||
    e instanceof InvalidDateError ||
    e instanceof InvalidInstantError ||
    e instanceof InvalidTimeError ||
    e instanceof CletsFormatError ||
    e instanceof RangeError
  );
}

/** One stderr line: `ccpor: <message>` with any line breaks folded into spaces. */
function oneLine(message: string): string {
  return `ccpor: ${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`;
}

/** Runs `ccpor` with the words after the program name. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliRun> {
  const [first, second, ...rest] = argv;
  try {
    if (first === undefined) {
      throw new CliUsageError('No command given; try ccpor --help');
    }
    if (HELP_FLAGS.has(first)) return { code: EXIT.ok, stdout: `${helpText()}\n`, stderr: '' };
    const group = GROUPS.find((g) => g.name === first);
    if (!group) {
      const names = GROUPS.map((g) => g.name).join(', ');
      throw new CliUsageError(`Unknown command "${first}"; commands are ${names} (ccpor --help)`);
    }
    if (second !== undefined && HELP_FLAGS.has(second)) {
      return { code: EXIT.ok, stdout: `${groupHelp(group)}\n`, stderr: '' };
    }
    const cmd = group.commands.find((c) => c.name === second);
    if (!cmd) {
      const names = group.commands.map((c) => c.name).join(', ');
      const what = second === undefined ? 'needs a command' : `has no command "${second}"`;
      throw new CliUsageError(`${group.name} ${what}; choose one of ${names}`);
    }
    if (rest.some((w) => w === '--help' || w === '-h')) {
      return { code: EXIT.ok, stdout: `${groupHelp({ ...group, commands: [cmd] })}\n`, stderr: '' };
    }
    const out = await cmd.run({ ...parseWords(group, cmd, rest), io });
    return {
      code: out.exitCode ?? EXIT.ok,
      stdout: render(out),
      stderr: out.error === undefined ? '' : oneLine(out.error),
    };
  } catch (e) {
    if (e instanceof CliUsageError)
      return { code: EXIT.usage, stdout: '', stderr: oneLine(e.message) };
    if (isInputError(e)) return { code: EXIT.invalid, stdout: '', stderr: oneLine(e.message) };
    const message = e instanceof Error ? e.message : String(e);
    return {
      code: EXIT.internal,
      stdout: '',
      stderr: oneLine(`internal error (please report): ${message}`),
    };
  }
}
