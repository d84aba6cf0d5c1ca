/**
 * Node I/O for the CLI: file and stdin reading with one-line, clerk-readable errors, and JSON
 * parsing that says where the JSON is broken.
 */
import { readFile } from 'node:fs/promises';
import { CliInputError, type CliIo } from './command';

/** Reads a UTF-8 text file, turning Node's error codes into one sentence naming the file. */
async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliInputError(`File not found: ${path}`);
    if (code === 'EISDIR') throw new CliInputError(`${path} is a folder, not a file`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw new CliInputError(`Cannot read ${path}: permission denied`);
    }
    throw new CliInputError(`Cannot read ${path}: ${(e as Error).message}`);
  }
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The real I/O used by bin/ccpor.cjs. */
export const nodeIo: CliIo = { readFile: readTextFile, readStdin: readAllStdin };

/** 1-based line and column of a character offset in `text`. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Parses JSON from `source` (a file name or "standard input"), or throws a one-line
 * {@link CliInputError} such as `order.json is not valid JSON: Expected ',' or '}' (line 3, column 5)`.
 */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    if (text.trim() === '') throw new CliInputError(`${source} is empty; expected JSON`);
    const at = /at position (\d+)/.exec(message);
    // V8 sometimes quotes the whole input in its message; keep only the first clause.
    const what = (message.split(/ in JSON| at position|, "/)[0] ?? 'Unexpected text').trim();
    const where = at ? ` (${lineColumn(text, Number(at[1]))})` : '';
    throw new CliInputError(`${source} is not valid JSON: ${what}${where}`);
  }
}
