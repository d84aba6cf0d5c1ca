/**
 * The eSCL adapter: network MFPs over HTTP with Node's fetch, on every platform.
 *
 * Flow (devices.md §2.3, NAPS2.Escl): ScannerCapabilities → ScannerStatus (refuse early on a
 * jam, empty feeder, open hatch or a scanner that is down) → POST ScanJobs (201 + Location;
 * 503 busy → wait Retry-After and retry; 409 → for BlackAndWhite1, retry once as Grayscale8
 * JPEG and threshold in main, as NAPS2 does; otherwise read ScannerStatus for the reason) →
 * GET {job}/NextDocument until 404 (end of job); a 503 there means "not ready yet" while the
 * job is Pending/Processing, or the reason the job Aborted. Cancel = abort the request in
 * flight (so no partial page is delivered) and DELETE the job.
 */
import type { ScanSettings } from '../../../../shared/ipc/contracts/scanner';
import { mmToThreeHundredths, paperSizes } from '../../../../shared/scanning/paperSizes';
import { ScanDeviceError } from '../port';
import type { DeviceCapabilities, ScanRequest, ScanSink, ScannerPort } from '../port';

import { buildScanSettings, parseCapabilities, parseStatus } from './esclXml';
import type { EsclCapabilities, EsclColorMode, EsclInputCaps, EsclStatus } from './esclXml';

export type EsclScannerOptions = {
  /** The eSCL root, e.g. `http://10.0.0.7/eSCL`. */
  readonly url: string;
  /** Longest wait between retries (Retry-After is honoured up to this). */
  readonly maxRetryDelayMs?: number;
  /** Give up on a busy scanner or a page that never comes after this long. */
  readonly busyTimeoutMs?: number;
  /** Per-request timeout. */
  readonly requestTimeoutMs?: number;
};

/** Maps a ScannerStatus to the error it means for a scan from `feeder` (or null: go ahead). */
export function statusError(status: EsclStatus, feeder: boolean): ScanDeviceError | null {
  const adf = status.adfState ?? '';
  if (status.state === 'Down') return new ScanDeviceError('offline', 'scanner state Down');
  if (/Jam|Mispick|MultipickDetected/i.test(adf)) return new ScanDeviceError('paper-jam', adf);
  if (/HatchOpen|DoorOpen|CoverOpen/i.test(adf)) return new ScanDeviceError('cover-open', adf);
  if (feeder && /AdfEmpty/i.test(adf)) return new ScanDeviceError('feeder-empty', adf);
  return null;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** ScannerPort over eSCL. */
export class EsclScanner implements ScannerPort {
  readonly kind = 'escl' as const;
  private readonly root: string;

  constructor(private readonly options: EsclScannerOptions) {
    this.root = options.url.replace(/\/+$/, '');
  }

  private async request(
    path: string,
    init: RequestInit & { signal?: AbortSignal } = {},
  ): Promise<Response> {
    const url = /^https?:/.test(path) ? path : `${this.root}${path}`;
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await fetch(url, { ...init, signal });
    } catch (error) {
      if (init.signal?.aborted) throw new ScanDeviceError('cancelled', 'cancelled by the clerk');
      // undici wraps the socket error (sometimes an AggregateError over IPv4/IPv6 tries).
      const cause = (error as { cause?: { code?: string; errors?: Array<{ code?: string }> } })
        .cause;
      const codes = [cause?.code, ...(cause?.errors ?? []).map((e) => e.code)].filter(Boolean);
      const text = codes.length ? codes.join(', ') : String(cause ?? error);
      const offline = /ECONNREFUSED|EHOSTUNREACH|ENOTFOUND|ENETUNREACH|EHOSTDOWN/.test(text);
      throw new ScanDeviceError(offline ? 'offline' : 'communication', `${url}: ${text}`);
    }
  }

  private async text(path: string, signal?: AbortSignal): Promise<string> {
    const res = await this.request(path, signal ? { signal } : {});
    if (!res.ok) throw new ScanDeviceError('communication', `GET ${path}: HTTP ${res.status}`);
    return res.text();
  }

  async esclCapabilities(): Promise<EsclCapabilities> {
    return parseCapabilities(await this.text('/ScannerCapabilities'));
  }

  async status(signal?: AbortSignal): Promise<EsclStatus> {
    return parseStatus(await this.text('/ScannerStatus', signal));
  }

  async capabilities(): Promise<DeviceCapabilities> {
    const caps = await this.esclCapabilities();
    const all = [caps.platen, caps.adfSimplex, caps.adfDuplex].filter((c) => !!c);
    const modes = new Set(all.flatMap((c) => c.colorModes));
    const first = all[0];
    return {
      ...(caps.model ? { model: caps.model } : {}),
      sources: [
        ...(caps.platen ? (['flatbed'] as const) : []),
        ...(caps.adfSimplex ? (['feeder'] as const) : []),
        ...(caps.adfDuplex ? (['duplex'] as const) : []),
      ],
      colourModes: [
        // Bilevel is always possible: gray is thresholded in main when the device has no BW.
        ...(modes.has('BlackAndWhite1') || modes.has('Grayscale8') ? (['bilevel'] as const) : []),
        ...(modes.has('Grayscale8') ? (['gray'] as const) : []),
        ...(modes.has('RGB24') ? (['color'] as const) : []),
      ],
      resolutions: [...new Set(all.flatMap((c) => c.resolutions))].sort((a, b) => a - b),
      ...(first ? { maxWidthMm: (first.maxWidth / 300) * 25.4 } : {}),
      ...(first ? { maxHeightMm: (first.maxHeight / 300) * 25.4 } : {}),
    };
  }

  async scan(request: ScanRequest, sink: ScanSink): Promise<void> {
    const { settings, signal } = request;
    const caps = await this.esclCapabilities();
    const input =
      settings.source === 'flatbed'
        ? caps.platen
        : settings.source === 'duplex'
          ? caps.adfDuplex
          : caps.adfSimplex;
    if (!input) {
      throw new ScanDeviceError(
        'unsupported-setting',
        `no ${settings.source} input on this scanner`,
      );
    }
    const feeder = settings.source !== 'flatbed';
    const before = statusError(await this.status(signal), feeder);
    if (before) throw before;
    const job = await this.createJob(settings, input, signal);
    try {
      await this.readPages(job.location, job.dpi, settings, signal, sink, request.maxPages);
    } catch (error) {
      if (signal.aborted) {
        await this.request(job.location, { method: 'DELETE' }).catch(() => undefined);
        throw new ScanDeviceError('cancelled', 'cancelled by the clerk');
      }
      throw error;
    }
  }

  private async createJob(
    settings: ScanSettings,
    input: EsclInputCaps,
    signal: AbortSignal,
  ): Promise<{ location: string; dpi: number }> {
    const dpi = nearest(input.resolutions, settings.dpi);
    const paper = paperSizes[settings.paperSize];
    const wantBw = settings.colourMode === 'bilevel' && input.colorModes.includes('BlackAndWhite1');
    const attempts: Array<{ colorMode: EsclColorMode; format: string }> = [];
    if (wantBw)
      attempts.push({ colorMode: 'BlackAndWhite1', format: pick(input.formats, 'image/png') });
    attempts.push({
      colorMode: settings.colourMode === 'color' ? 'RGB24' : 'Grayscale8',
      format: pick(input.formats, 'image/jpeg'),
    });
    const deadline = Date.now() + (this.options.busyTimeoutMs ?? 60_000);
    for (let i = 0; i < attempts.length;) {
      const attempt = attempts[i] as { colorMode: EsclColorMode; format: string };
      const body = buildScanSettings({
        inputSource: settings.source === 'flatbed' ? 'Platen' : 'Feeder',
        duplex: settings.source === 'duplex',
        colorMode: attempt.colorMode,
        resolution: dpi,
        width: Math.min(input.maxWidth, mmToThreeHundredths(paper.widthMm)),
        height: Math.min(input.maxHeight, mmToThreeHundredths(paper.heightMm)),
        format: attempt.format,
      });
      const res = await this.request('/ScanJobs', {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml' },
        body,
        signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 201) {
        const location = res.headers.get('Location');
        if (!location) throw new ScanDeviceError('communication', 'ScanJobs gave no Location');
        return { location: new URL(location, `${this.root}/`).href.replace(/\/+$/, ''), dpi };
      }
      if (res.status === 503) {
        if (Date.now() > deadline)
          throw new ScanDeviceError('busy', 'ScanJobs: HTTP 503 until timeout');
        await sleep(this.retryDelay(res), signal);
        if (signal.aborted) throw new ScanDeviceError('cancelled', 'cancelled by the clerk');
        continue;
      }
      if (res.status === 409) {
        const reason = statusError(await this.status(signal), settings.source !== 'flatbed');
        if (reason) throw reason;
        if (i + 1 < attempts.length) {
          i += 1; // NAPS2: a refused BlackAndWhite1 is retried as Grayscale8 JPEG.
          continue;
        }
        throw new ScanDeviceError(
          'unsupported-setting',
          `ScanJobs: HTTP 409 for ${attempt.colorMode} ${attempt.format} at ${dpi} dpi`,
        );
      }
      throw new ScanDeviceError('communication', `ScanJobs: HTTP ${res.status}`);
    }
    throw new ScanDeviceError('unsupported-setting', 'no scan settings the scanner accepts');
  }

  private retryDelay(res: Response): number {
    const seconds = Number(res.headers.get('Retry-After'));
    const wanted = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
    return Math.min(wanted, this.options.maxRetryDelayMs ?? 5000);
  }

  private async readPages(
    job: string,
    dpi: number,
    settings: ScanSettings,
    signal: AbortSignal,
    sink: ScanSink,
    maxPages = Infinity,
  ): Promise<void> {
    let delivered = 0;
    let waitingSince = Date.now();
    for (;;) {
      if (signal.aborted) throw new ScanDeviceError('cancelled', 'cancelled by the clerk');
      sink.progress({ scanningPage: delivered + 1, pagePercent: null });
      const res = await this.request(`${job}/NextDocument`, { signal });
      if (res.status === 200) {
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (signal.aborted) throw new ScanDeviceError('cancelled', 'cancelled by the clerk');
        const side = settings.source === 'duplex' ? (delivered % 2 === 0 ? 'front' : 'back') : null;
        sink.page({ kind: 'encoded', bytes, dpi, side, colourMode: settings.colourMode });
        delivered += 1;
        waitingSince = Date.now();
        if (delivered >= maxPages) {
          // Enough pages (a test scan): end the job so the feeder stops.
          await this.request(job, { method: 'DELETE' }).catch(() => undefined);
          return;
        }
        continue;
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 404) {
        // End of job. No page at all from the feeder means it was empty.
        if (delivered === 0 && settings.source !== 'flatbed') {
          const reason = statusError(await this.status(signal), true);
          throw reason ?? new ScanDeviceError('feeder-empty', 'the job ended with no pages');
        }
        return;
      }
      // Gone: the job was cancelled at the device (its panel, or its own timeout).
      if (res.status === 410) {
        throw new ScanDeviceError('cancelled', 'the scanner cancelled the job (HTTP 410)');
      }
      if (res.status === 503) {
        const status = await this.status(signal);
        const info = status.jobs.find(
          (j) => job.endsWith(j.uri) || j.uri.endsWith(new URL(job).pathname),
        );
        // A job cancelled at the device is a cancel, however we learn it (410 or the status).
        if (info && /Canceled|Cancelled/i.test(info.state)) {
          throw new ScanDeviceError('cancelled', `the scanner cancelled the job (${info.state})`);
        }
        if (info && /Aborted/i.test(info.state)) {
          throw (
            statusError(status, true) ?? new ScanDeviceError('communication', `job ${info.state}`)
          );
        }
        if (Date.now() - waitingSince > (this.options.busyTimeoutMs ?? 60_000)) {
          throw new ScanDeviceError('communication', 'NextDocument: no page before timeout');
        }
        await sleep(this.retryDelay(res), signal);
        continue;
      }
      throw new ScanDeviceError('communication', `NextDocument: HTTP ${res.status}`);
    }
  }
}

function nearest(offered: readonly number[], dpi: number): number {
  if (!offered.length) return dpi;
  return offered.reduce((best, d) => (Math.abs(d - dpi) < Math.abs(best - dpi) ? d : best));
}

function pick(formats: readonly string[], preferred: string): string {
  if (formats.includes(preferred)) return preferred;
  if (formats.includes('image/jpeg')) return 'image/jpeg';
  throw new ScanDeviceError('unsupported-setting', `the scanner offers only ${formats.join(', ')}`);
}
