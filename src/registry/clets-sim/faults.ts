/**
 * The simulator's fault settings and the control-line commands that change them (DELAY, DROP,
 * DOWN/UP, REJECT …; docs/clets-sim-protocol.md). Parsing is pure; the server applies the result.
 */
import { TAG_PATTERN } from '../../shared/clets';

import type { RejectRule } from './engine';

/** Current fault settings. */
export type Faults = {
  /** Milliseconds to hold every answer before writing it. */
  delayMs: number;
  /** Close the connection on every Nth message received (0 = never). */
  dropEvery: number;
  /** before: the Nth message is lost unprocessed; after: it is processed, its answer is lost. */
  dropMode: 'before' | 'after';
  /** Refuse connections until this time (ms since epoch); Infinity = until UP; 0 = up. */
  downUntil: number;
  /** Injected "invalid field" rules. */
  rules: RejectRule[];
};

/** No faults. */
export function noFaults(): Faults {
  return { delayMs: 0, dropEvery: 0, dropMode: 'after', downUntil: 0, rules: [] };
}

/** What a control line asks for. */
export type ControlCommand =
  | { readonly cmd: 'delay'; readonly ms: number }
  | { readonly cmd: 'drop-now' }
  | { readonly cmd: 'drop-every'; readonly every: number; readonly mode: 'before' | 'after' }
  | { readonly cmd: 'down'; readonly ms: number | null }
  | { readonly cmd: 'up' }
  | { readonly cmd: 'reject'; readonly rule: RejectRule }
  | { readonly cmd: 'reject-clear' }
  | { readonly cmd: 'reset' }
  | { readonly cmd: 'stats' }
  | { readonly cmd: 'records' }
  | { readonly cmd: 'help' };

/** The control commands, for HELP and the docs. */
export const CONTROL_HELP = [
  'DELAY <ms>                 hold every answer <ms> milliseconds (0 = off)',
  'DROP NOW                   close every client connection now',
  'DROP EVERY <n> [BEFORE|AFTER]  close the connection on every nth message (0 = off); AFTER (default) processes it first',
  'DOWN [<ms>]                refuse connections for <ms> (or until UP); open connections are closed',
  'UP                         accept connections again',
  'REJECT <TAG> <text>        refuse any record whose TAG value contains <text> as an invalid field',
  'REJECT CLEAR               remove the REJECT rules',
  'RESET                      all faults off',
  'STATS                      counters as JSON',
  'RECORDS                    the records on file as JSON',
  'HELP                       this list',
];

const MAX_MS = 24 * 3_600_000;

function ms(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || n > MAX_MS) {
    throw new RangeError(`${what} needs a whole number of milliseconds from 0 to ${MAX_MS}`);
  }
  return n;
}

/** Parses one control line; throws a RangeError whose message says what to write instead. */
export function parseControl(line: string): ControlCommand {
  const parts = line.trim().split(/\s+/);
  const word = (parts[0] ?? '').toUpperCase();
  const arg = parts[1]?.toUpperCase();
  switch (word) {
    case 'DELAY':
      return { cmd: 'delay', ms: ms(parts[1], 'DELAY') };
    case 'DROP': {
      if (arg === 'NOW') return { cmd: 'drop-now' };
      if (arg === 'EVERY') {
        const every = Number(parts[2]);
        if (!/^\d+$/.test(parts[2] ?? '') || every > 1_000_000) {
          throw new RangeError('DROP EVERY needs a whole number, e.g. DROP EVERY 10');
        }
        const mode = (parts[3] ?? 'AFTER').toUpperCase();
        if (mode !== 'BEFORE' && mode !== 'AFTER') {
          throw new RangeError('DROP EVERY <n> takes BEFORE or AFTER');
        }
        return { cmd: 'drop-every', every, mode: mode === 'BEFORE' ? 'before' : 'after' };
      }
      throw new RangeError('Use DROP NOW or DROP EVERY <n> [BEFORE|AFTER]');
    }
    case 'DOWN':
      return { cmd: 'down', ms: parts[1] === undefined ? null : ms(parts[1], 'DOWN') };
    case 'UP':
      return { cmd: 'up' };
    case 'REJECT': {
      if (arg === 'CLEAR') return { cmd: 'reject-clear' };
      const tag = parts[1] ?? '';
      const contains = line.trim().split(/\s+/).slice(2).join(' ');
      if (!TAG_PATTERN.test(tag) || contains === '') {
        throw new RangeError('Use REJECT <TAG> <text>, e.g. REJECT NAM REJECTME');
      }
      return { cmd: 'reject', rule: { tag, contains } };
    }
    case 'RESET':
      return { cmd: 'reset' };
    case 'STATS':
      return { cmd: 'stats' };
    case 'RECORDS':
      return { cmd: 'records' };
    case 'HELP':
      return { cmd: 'help' };
    default:
      throw new RangeError(`Unknown control command "${parts[0] ?? ''}"; send HELP for the list`);
  }
}
