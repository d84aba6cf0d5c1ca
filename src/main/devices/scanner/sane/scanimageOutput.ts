/**
 * Reads scanimage's stderr and decides how a batch ended.
 *
 * The exit code alone is not enough (devices.md §2.1): an error raised in `sane_start` for page
 * N+1 — a jam on the 4th sheet — ends the batch with exit 0, and the only trace is the line
 * `scanimage: sane_start: Document feeder jammed`. "Out of documents" after at least one page
 * is the normal end of a feeder batch. scanimage runs with LC_ALL=C so these lines are English.
 */
import type { ScanErrorCode } from '../../../../shared/scanning/errors';
import { ScanDeviceError } from '../port';

/** What one stderr line says. */
export type StderrEvent =
  | { readonly kind: 'progress'; readonly percent: number }
  | { readonly kind: 'page-start'; readonly page: number }
  | { readonly kind: 'page-end'; readonly page: number; readonly status: number }
  | { readonly kind: 'status'; readonly code: ScanErrorCode; readonly text: string }
  | { readonly kind: 'batch-end'; readonly pages: number }
  | { readonly kind: 'other'; readonly text: string };

// sane_strstatus() texts (sane-backends sanei/sane_strstatus.c), in English under LC_ALL=C.
const statusTexts: ReadonlyArray<readonly [RegExp, ScanErrorCode]> = [
  [/document feeder jammed/i, 'paper-jam'],
  [/out of documents/i, 'feeder-empty'],
  [/cover is open/i, 'cover-open'],
  [/device busy/i, 'busy'],
  [/access to resource has been denied/i, 'access-denied'],
  [/error during device i\/o/i, 'communication'],
  [/operation was cancell?ed/i, 'cancelled'],
  [/operation not supported/i, 'unsupported-setting'],
  [/out of memory/i, 'failed'],
];

/** SANE_Status → our code, for an exit code with no stderr explanation. */
const exitCodes: Readonly<Record<number, ScanErrorCode>> = {
  1: 'offline',
  2: 'cancelled',
  3: 'busy',
  4: 'unsupported-setting',
  6: 'paper-jam',
  7: 'feeder-empty',
  8: 'cover-open',
  9: 'communication',
  10: 'failed',
  11: 'access-denied',
};

/** Classifies one stderr line (lines are split on both CR and LF). */
export function parseStderrLine(line: string): StderrEvent | null {
  const text = line.trim();
  if (!text) return null;
  let m = /^Progress: (\d+(?:\.\d+)?)%$/.exec(text);
  if (m) return { kind: 'progress', percent: Math.min(100, Number(m[1])) };
  m = /^Scanning page (\d+)$/.exec(text);
  if (m) return { kind: 'page-start', page: Number(m[1]) };
  m = /^Scanned page (\d+)\. \(scanner status = (\d+)\)$/.exec(text);
  if (m) return { kind: 'page-end', page: Number(m[1]), status: Number(m[2]) };
  m = /^Batch terminated, (\d+) pages? scanned$/.exec(text);
  if (m) return { kind: 'batch-end', pages: Number(m[1]) };
  if (/^scanimage: (open of device .* failed|no SANE devices found)/i.test(text)) {
    const status = statusTexts.find(([re]) => re.test(text));
    // "open … failed: Invalid argument" is how a missing or unplugged device shows.
    return { kind: 'status', code: status && status[1] !== 'failed' ? status[1] : 'offline', text };
  }
  if (
    /^scanimage: (setting of option|attempted to set|value for .* is outside|unrecognized option|option .* requires|invalid)/i.test(
      text,
    )
  ) {
    return { kind: 'status', code: 'unsupported-setting', text };
  }
  m = /^scanimage: sane_\w+: (.*)$/.exec(text);
  if (m) {
    const status = statusTexts.find(([re]) => re.test(m?.[1] ?? ''));
    if (status) return { kind: 'status', code: status[1], text };
    return { kind: 'status', code: 'communication', text };
  }
  return { kind: 'other', text };
}

/** The facts of a finished scanimage run. */
export type ScanimageRun = {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly statuses: ReadonlyArray<{ readonly code: ScanErrorCode; readonly text: string }>;
  readonly pagesDelivered: number;
  readonly cancelRequested: boolean;
};

/** Returns the batch's error, or null when it ended normally. */
export function interpretScanimageRun(run: ScanimageRun): ScanDeviceError | null {
  if (run.cancelRequested) return new ScanDeviceError('cancelled', 'cancelled by the clerk');
  for (const status of run.statuses) {
    // NO_DOCS after at least one page is how every feeder batch ends.
    if (status.code === 'feeder-empty' && run.pagesDelivered > 0) continue;
    return new ScanDeviceError(status.code, status.text.replace(/^scanimage: /, ''));
  }
  if (run.signal) {
    return new ScanDeviceError('communication', `scanimage was stopped by ${run.signal}`);
  }
  if (run.exitCode !== 0 && run.exitCode !== null) {
    const code = exitCodes[run.exitCode] ?? 'failed';
    if (code === 'feeder-empty' && run.pagesDelivered > 0) return null;
    return new ScanDeviceError(code, `scanimage exited with status ${run.exitCode}`);
  }
  if (run.pagesDelivered === 0) {
    return new ScanDeviceError('feeder-empty', 'the scanner delivered no pages');
  }
  return null;
}
