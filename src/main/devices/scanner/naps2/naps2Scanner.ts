/**
 * The Windows adapter: NAPS2.Console out of process (naps2Console.ts builds and parses).
 *
 * NAPS2.Console exports images after the scan, so pages reach us together when it exits,
 * while "Scanned page N." lines stream progress. On a failure mid-batch NAPS2 still exports
 * the pages it scanned; they are delivered and then the error is reported. Cancel kills the
 * process, and nothing found afterwards is delivered (an export cut short could be partial).
 * NOT VERIFIED on Windows: see docs/scanning.md.
 */
import { execFile, spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

import type { Naps2Scanner as Naps2Config } from '../../../../shared/ipc/contracts/scanner';
import { ScanDeviceError } from '../port';
import type { DeviceCapabilities, ScanRequest, ScanSink, ScannerPort } from '../port';

import {
  buildNaps2ListArgs,
  buildNaps2ScanArgs,
  naps2OutputPattern,
  parseNaps2DeviceList,
  parseNaps2Line,
} from './naps2Console';

/** ScannerPort over NAPS2.Console. */
export class Naps2Scanner implements ScannerPort {
  readonly kind = 'naps2' as const;

  constructor(
    private readonly config: Pick<Naps2Config, 'consolePath' | 'driver' | 'device' | 'profile'>,
  ) {}

  /** NAPS2's console reports no capabilities; these are what its options accept. */
  capabilities(): Promise<DeviceCapabilities> {
    return Promise.resolve({
      sources: ['flatbed', 'feeder', 'duplex'],
      colourModes: ['bilevel', 'gray', 'color'],
      resolutions: [100, 150, 200, 300, 400, 600],
    });
  }

  /** Device names for this driver (`--listdevices`), on the clerk's request. */
  listDevices(): Promise<string[]> {
    return new Promise((resolve, reject) => {
      execFile(
        this.config.consolePath,
        buildNaps2ListArgs(this.config.driver),
        { timeout: 60_000, windowsHide: true },
        (error, stdout) => {
          if (error && !stdout) reject(new ScanDeviceError('offline', `NAPS2: ${error.message}`));
          else resolve(parseNaps2DeviceList(stdout));
        },
      );
    });
  }

  async scan(request: ScanRequest, sink: ScanSink): Promise<void> {
    const { settings, signal, workDir } = request;
    const sep = process.platform === 'win32' ? '\\' : '/';
    const args = buildNaps2ScanArgs(
      this.config,
      settings,
      naps2OutputPattern(workDir, settings, sep),
    );
    const child = spawn(this.config.consolePath, args, { windowsHide: true });
    let cancelled = false;
    const errors: ScanDeviceError[] = [];
    let noPages = false;
    const onAbort = () => {
      cancelled = true;
      child.kill();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    let rest = '';
    const onData = (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split(/\r?\n/);
      rest = parts.pop() ?? '';
      for (const part of parts) {
        const line = parseNaps2Line(part);
        if (line?.kind === 'page-scanned')
          sink.progress({ scanningPage: line.page + 1, pagePercent: null });
        if (line?.kind === 'error') errors.push(new ScanDeviceError(line.code, line.text));
        if (line?.kind === 'no-pages') noPages = true;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('error', (error) => {
        errors.push(
          new ScanDeviceError('offline', `NAPS2.Console could not start: ${error.message}`),
        );
        resolve(null);
      });
      child.once('close', (code) => resolve(code));
    });
    signal.removeEventListener('abort', onAbort);
    if (rest) onData(Buffer.from('\n'));
    const files = (await readdir(workDir).catch(() => [] as string[]))
      .filter((n) => /^page\d+\.(tif|jpg)$/i.test(n))
      .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
    let delivered = 0;
    for (const name of files) {
      const file = path.join(workDir, name);
      if (!cancelled) {
        const bytes = new Uint8Array(await readFile(file));
        const side = settings.source === 'duplex' ? (delivered % 2 === 0 ? 'front' : 'back') : null;
        sink.page({
          kind: 'encoded',
          bytes,
          dpi: settings.dpi,
          side,
          colourMode: settings.colourMode,
        });
        delivered += 1;
      }
      await rm(file, { force: true });
    }
    if (cancelled) throw new ScanDeviceError('cancelled', 'cancelled by the clerk');
    const first = errors.find((e) => !(e.code === 'feeder-empty' && delivered > 0));
    if (first) throw first;
    if (delivered === 0) {
      throw new ScanDeviceError(
        settings.source === 'flatbed' && !noPages ? 'failed' : 'feeder-empty',
        `NAPS2.Console exited with ${String(exitCode)} and no pages`,
      );
    }
  }
}
