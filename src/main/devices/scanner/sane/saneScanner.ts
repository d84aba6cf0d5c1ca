/**
 * The SANE adapter: drives `scanimage` out of process (a crashing backend cannot take the
 * workstation down) and streams pages as they land.
 *
 * - pages: `--batch-print` names each file once complete; it is read, parsed (PNM) and deleted,
 *   in order; a file outside the job folder is ignored;
 * - progress: `-p` lines on stderr (`Progress: 45.3%`, `Scanning page N`);
 * - cancel: SIGINT to scanimage's PID (devices.md §2.1): it stops the scanner and deletes the
 *   partial page; after the abort no page is delivered; SIGKILL if it has not exited in 10 s;
 * - end: stderr is parsed (scanimageOutput.ts), because a jam on a later sheet exits 0.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

import type { SaneScanner as SaneScannerConfig } from '../../../../shared/ipc/contracts/scanner';
import { parsePnm } from '../../../pages/rawImage';
import { ScanDeviceError } from '../port';
import type { DeviceCapabilities, ScanRequest, ScanSink, ScannerPort } from '../port';

import { buildScanimageArgs } from './scanimageArgs';
import { interpretScanimageRun, parseStderrLine } from './scanimageOutput';
import { runSane, scanimageEnv } from './saneConfig';
import { matchMode, matchSource, offeredResolutions, parseSaneOptions } from './saneOptions';
import type { SaneOptionTable } from './saneOptions';

export type SaneScannerOptions = {
  readonly config: Pick<SaneScannerConfig, 'device' | 'options'>;
  readonly saneConfigDir: string;
  /** Path of scanimage (tests may point at another build); default from PATH. */
  readonly scanimage?: string;
  /** No output at all for this long ends the batch as a communication error. */
  readonly stallTimeoutMs?: number;
  /**
   * How long scanimage may take to exit after it has printed "Batch terminated". Its outcome is
   * known by then; a backend that hangs in sane_cancel/sane_close must not hold the counter's
   * only scan slot, so it is killed after this grace (default 10 s).
   */
  readonly exitGraceMs?: number;
};

/** ScannerPort over `scanimage`. */
export class SaneScanner implements ScannerPort {
  readonly kind = 'sane' as const;
  private table: SaneOptionTable | null = null;

  constructor(private readonly options: SaneScannerOptions) {}

  private get program(): string {
    return this.options.scanimage ?? 'scanimage';
  }

  /** The device's option table (`scanimage -A`), read once per adapter. */
  async optionTable(): Promise<SaneOptionTable> {
    if (this.table) return this.table;
    try {
      const { stdout } = await runSane(
        this.program,
        ['-d', this.options.config.device, '-A'],
        this.options.saneConfigDir,
      );
      this.table = parseSaneOptions(stdout);
      return this.table;
    } catch (error) {
      if (error instanceof ScanDeviceError) throw error;
      const text = String((error as { stderr?: string }).stderr ?? (error as Error).message);
      const status = text
        .split(/[\r\n]+/)
        .map(parseStderrLine)
        .find((e) => e?.kind === 'status');
      throw new ScanDeviceError(
        status?.kind === 'status' ? status.code : 'offline',
        text.trim().slice(0, 300),
      );
    }
  }

  async capabilities(): Promise<DeviceCapabilities> {
    const table = await this.optionTable();
    const x = table.get('x')?.range?.max ?? table.get('page-width')?.range?.max;
    const y = table.get('y')?.range?.max ?? table.get('page-height')?.range?.max;
    return {
      sources: (['flatbed', 'feeder', 'duplex'] as const).filter((s) => matchSource(table, s)),
      colourModes: (['bilevel', 'gray', 'color'] as const).filter((m) => matchMode(table, m)),
      resolutions: offeredResolutions(table),
      ...(x ? { maxWidthMm: x } : {}),
      ...(y ? { maxHeightMm: y } : {}),
    };
  }

  async scan(request: ScanRequest, sink: ScanSink): Promise<void> {
    const table = await this.optionTable();
    const { settings, signal, workDir } = request;
    const plan = buildScanimageArgs(
      this.options.config.device,
      table,
      settings,
      this.options.config.options,
      workDir,
      request.maxPages,
    );
    if (signal.aborted) throw new ScanDeviceError('cancelled', 'cancelled before the scan began');
    const child = spawn(this.program, plan.args, {
      env: scanimageEnv(this.options.saneConfigDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const statuses: { code: ScanDeviceError['code']; text: string }[] = [];
    let cancelRequested = false;
    let killedAfterBatchEnd = false;
    let delivered = 0;
    let scanningPage: number | null = null;
    let chain = Promise.resolve();
    let lastActivity = Date.now();
    const side = () =>
      settings.source === 'duplex' ? (delivered % 2 === 0 ? 'front' : 'back') : null;

    const deliver = async (file: string) => {
      const bytes = await readFile(file);
      await rm(file, { force: true });
      if (cancelRequested) return;
      const raw = parsePnm(bytes);
      sink.page({ kind: 'raw', raw, dpi: plan.dpi, side: side() });
      delivered += 1;
    };
    const onAbort = () => {
      cancelRequested = true;
      child.kill('SIGINT');
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 10_000).unref();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const watchdog = setInterval(() => {
      if (Date.now() - lastActivity > (this.options.stallTimeoutMs ?? 120_000)) {
        statuses.push({ code: 'communication', text: 'the scanner stopped responding' });
        child.kill('SIGINT');
        lastActivity = Date.now();
      }
    }, 1000);
    watchdog.unref();

    lines(child.stdout, '\n', (line) => {
      lastActivity = Date.now();
      const file = path.resolve(line.trim());
      if (cancelRequested || path.dirname(file) !== path.resolve(workDir)) return;
      chain = chain.then(() => deliver(file));
    });
    lines(child.stderr, /[\r\n]+/, (line) => {
      lastActivity = Date.now();
      const event = parseStderrLine(line);
      if (!event || cancelRequested) return;
      if (event.kind === 'status') statuses.push({ code: event.code, text: event.text });
      if (event.kind === 'batch-end') {
        setTimeout(() => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          killedAfterBatchEnd = true;
          child.kill('SIGKILL');
        }, this.options.exitGraceMs ?? 10_000).unref();
      }
      if (event.kind === 'page-start') scanningPage = event.page;
      if (event.kind === 'page-start' || event.kind === 'progress') {
        const percent = event.kind === 'progress' ? event.percent : 0;
        sink.progress({ scanningPage, pagePercent: percent });
      }
    });

    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      child.once('error', (error) => {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        statuses.push({
          code: missing ? 'offline' : 'failed',
          text: missing
            ? `${this.program} is not installed (apt install sane-utils)`
            : error.message,
        });
        resolve({ code: null, signal: null });
      });
      child.once('close', (code, sig) => resolve({ code, signal: sig }));
    });
    clearInterval(watchdog);
    signal.removeEventListener('abort', onAbort);
    try {
      await chain;
    } catch (error) {
      statuses.push({ code: 'failed', text: `a page could not be read: ${String(error)}` });
    }
    await emptyDir(workDir);
    const error = interpretScanimageRun({
      exitCode: exit.code,
      signal: cancelRequested || killedAfterBatchEnd ? null : exit.signal,
      statuses,
      pagesDelivered: delivered,
      cancelRequested,
    });
    if (error) throw error;
  }
}

/** Calls `onLine` for each separated line of a stream (the last partial line at the end). */
function lines(
  stream: NodeJS.ReadableStream,
  separator: string | RegExp,
  onLine: (line: string) => void,
): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split(separator);
    rest = parts.pop() ?? '';
    for (const part of parts) onLine(part);
  });
  stream.on('end', () => rest && onLine(rest));
}

/** Removes leftovers (a cancelled `.part` file, unread pages) so no page image lingers on disk. */
async function emptyDir(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.map((n) => rm(path.join(dir, n), { force: true, recursive: true })));
}
