/**
 * The scanner service: one batch at a time, pages through the pipeline in scanner order, and
 * the `scanner:*` events. Plain Node (no `electron`), shared by both shells.
 *
 * A batch: the adapter delivers complete pages; each is encoded/checked by the page pipeline
 * (src/main/pages) in order and published as `scanner:page-arrived` with its bytes; progress is
 * published at most every 200 ms; the batch ends with exactly one `scanner:batch-finished` or
 * `scanner:batch-failed` (which is also how a cancel ends). Pages published before a failure
 * stay with the renderer. Page images live in main only while being processed.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';

import type {
  BatchSummary,
  PageArrived,
  ScanSettings,
  TestScanResult,
} from '../../../shared/ipc/contracts/scanner';
import { scanSettingsSchema } from '../../../shared/ipc/contracts/scanner';
import { ServiceError } from '../../../shared/ipc/envelope';
import { pageFromEncoded, pageFromRaw } from '../../pages/pipeline';

import { createAdapter } from './adapters';
import type { AdapterOptions } from './adapters';
import { ScanDeviceError, toScanDeviceError } from './port';
import { clerkError } from './scannerEvents';
import type { ScannerPublish } from './scannerEvents';
import type { DeliveredPage, ScanProgress, ScannerPort } from './port';
import { ScannerStore } from './scannerStore';

export type { ScannerEvent, ScannerPublish } from './scannerEvents';
import { writeSaneConfigDir } from './sane/saneConfig';

export type ScannerServiceOptions = {
  readonly dataDir: string;
  readonly publish: ScannerPublish;
  /** Where jobs keep their temporary page files (default `<dataDir>/scanning/work`). */
  readonly workRoot?: string;
  readonly adapters?: AdapterOptions;
};

type Job = {
  summary: BatchSummary;
  readonly abort: AbortController;
  cancelRequested: boolean;
  done: Promise<void>;
};

export class ScannerService {
  readonly store: ScannerStore;
  private readonly jobs = new Map<string, Job>();
  private active: Job | null = null;
  private readonly adapterCache = new Map<string, ScannerPort>();
  private saneReady: Promise<void> | null = null;

  constructor(private readonly options: ScannerServiceOptions) {
    this.store = new ScannerStore(options.dataDir);
  }

  private get workRoot(): string {
    return this.options.workRoot ?? path.join(this.store.dir, 'work');
  }

  /** Writes the private SANE_CONFIG_DIR once per process (and after every SANE setup change). */
  async ensureSaneConfig(): Promise<string> {
    this.saneReady ??= this.store
      .read()
      .then((file) => writeSaneConfigDir(this.store.saneConfigDir, file.sane));
    try {
      await this.saneReady;
    } catch (error) {
      this.saneReady = null; // try again next time (e.g. after IT fixes the folder)
      throw error;
    }
    return this.store.saneConfigDir;
  }

  /** Drops cached adapters (their option tables) after a settings change. */
  invalidate(): void {
    this.adapterCache.clear();
    this.saneReady = null;
  }

  async adapterFor(id: string): Promise<ScannerPort> {
    const config = await this.store.get(id);
    const key = JSON.stringify(config);
    let adapter = this.adapterCache.get(key);
    if (!adapter) {
      const saneConfigDir = config.kind === 'sane' ? await this.ensureSaneConfig() : '';
      adapter = createAdapter(config, saneConfigDir, this.options.adapters);
      this.adapterCache.set(key, adapter);
    }
    return adapter;
  }

  /** The scanner to use: the given one, the default, or the only one configured. */
  async resolveScanner(scannerId?: string): Promise<string> {
    const file = await this.store.read();
    const id =
      scannerId ??
      file.defaults.scannerId ??
      (file.scanners.length === 1 ? file.scanners[0]?.id : undefined);
    if (!id) {
      throw new ServiceError(
        'not-found',
        'No scanner is set up as the default. Choose one on the Devices page.',
      );
    }
    await this.store.get(id);
    return id;
  }

  private async settingsFor(overrides?: Partial<ScanSettings>): Promise<ScanSettings> {
    const file = await this.store.read();
    return scanSettingsSchema.parse({ ...file.defaults.settings, ...overrides });
  }

  getBatch(jobId: string): BatchSummary {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new ServiceError('not-found', 'That scan is no longer known to the workstation.');
    return job.summary;
  }

  /** Starts a batch; returns at once with its job id while pages stream as events. */
  async startBatch(input: {
    scannerId?: string;
    settings?: Partial<ScanSettings>;
  }): Promise<BatchSummary> {
    const scannerId = await this.resolveScanner(input.scannerId);
    const settings = await this.settingsFor(input.settings);
    const adapter = await this.adapterFor(scannerId);
    const job = await this.begin(scannerId, settings);
    job.done = this.run(job, adapter, settings, this.options.publish);
    return job.summary;
  }

  /** Cancels a running batch; it ends with `scanner:batch-failed` (`cancelled`). */
  cancelBatch(jobId: string): BatchSummary {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new ServiceError('not-found', 'That scan is no longer known to the workstation.');
    if (job.summary.state === 'scanning') {
      job.cancelRequested = true;
      job.summary = { ...job.summary, state: 'cancelling' };
      job.abort.abort();
    }
    return job.summary;
  }

  /** Resolves when the given job (or the running one) has ended; for tests and shutdown. */
  async settled(jobId?: string): Promise<BatchSummary | null> {
    const job = jobId ? this.jobs.get(jobId) : this.active;
    if (!job) return null;
    await job.done;
    return job.summary;
  }

  private async begin(scannerId: string, settings: ScanSettings): Promise<Job> {
    if (this.active) {
      throw new ServiceError(
        'conflict',
        'A scan is already running on this workstation. Wait for it to finish or cancel it.',
      );
    }
    const summary: BatchSummary = {
      jobId: randomUUID(),
      scannerId,
      settings,
      state: 'scanning',
      pagesDelivered: 0,
      startedAt: new Date().toISOString(),
    };
    const job: Job = {
      summary,
      abort: new AbortController(),
      cancelRequested: false,
      done: Promise.resolve(),
    };
    this.active = job;
    this.jobs.set(summary.jobId, job);
    // Keep the last 20 jobs for `scanner:get-batch`.
    for (const key of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - 20)))
      this.jobs.delete(key);
    return job;
  }

  /** Runs a job to its end; never rejects. */
  private async run(
    job: Job,
    adapter: ScannerPort,
    settings: ScanSettings,
    publish: ScannerPublish,
    maxPages?: number,
  ): Promise<void> {
    const jobId = job.summary.jobId;
    const detectBlank = settings.detectBlank ?? settings.source === 'duplex';
    let chain = Promise.resolve();
    let pipelineError: ScanDeviceError | null = null;
    let lastProgress = 0;
    let lastPage: number | null = null;
    const sink = {
      page: (page: DeliveredPage) => {
        chain = chain.then(async () => {
          if (pipelineError) return;
          try {
            const options = {
              colourMode: page.kind === 'raw' ? settings.colourMode : page.colourMode,
              dpi: page.dpi,
              detectBlank,
            };
            const image =
              page.kind === 'raw'
                ? await pageFromRaw(page.raw, options)
                : await pageFromEncoded(page.bytes, options);
            const sequence = job.summary.pagesDelivered + 1;
            job.summary = { ...job.summary, pagesDelivered: sequence };
            publish('scanner:page-arrived', { jobId, sequence, side: page.side, page: image });
          } catch (error) {
            pipelineError = new ScanDeviceError(
              'failed',
              `a page could not be processed: ${String(error)}`,
            );
            job.abort.abort();
          }
        });
      },
      progress: (p: ScanProgress) => {
        const now = Date.now();
        if (p.scanningPage === lastPage && now - lastProgress < 200) return;
        lastPage = p.scanningPage;
        lastProgress = now;
        publish('scanner:batch-progress', {
          jobId,
          pagesDelivered: job.summary.pagesDelivered,
          ...p,
        });
      },
    };
    let failure: ScanDeviceError | null = null;
    let workDir = '';
    try {
      await mkdir(this.workRoot, { recursive: true, mode: 0o700 });
      workDir = await mkdtemp(path.join(this.workRoot, 'job-'));
      await adapter.scan(
        { settings, signal: job.abort.signal, workDir, ...(maxPages ? { maxPages } : {}) },
        sink,
      );
    } catch (error) {
      failure = toScanDeviceError(error);
    }
    await chain;
    if (pipelineError) failure = pipelineError;
    else if (job.cancelRequested)
      failure = new ScanDeviceError('cancelled', 'cancelled by the clerk');
    if (workDir) await rm(workDir, { recursive: true, force: true });
    const pagesDelivered = job.summary.pagesDelivered;
    const endedAt = new Date().toISOString();
    if (failure) {
      const error = clerkError(failure);
      job.summary = { ...job.summary, state: 'failed', endedAt, error };
      publish('scanner:batch-failed', { jobId, pagesDelivered, error });
    } else {
      job.summary = { ...job.summary, state: 'finished', endedAt };
      publish('scanner:batch-finished', { jobId, pagesDelivered });
    }
    if (this.active === job) this.active = null;
  }

  /** Scans one page at low resolution and returns its thumbnail (Devices page "Test scan"). */
  async testScan(scannerId: string, overrides?: Partial<ScanSettings>): Promise<TestScanResult> {
    const settings = await this.settingsFor({ dpi: 150, ...overrides });
    const adapter = await this.adapterFor(scannerId);
    const job = await this.begin(scannerId, settings);
    const started = Date.now();
    let first: PageArrived['page'] | null = null;
    // A test scan's page goes back in the reply, not to the renderer's page list.
    const capture: ScannerPublish = (event, payload) => {
      if (event === 'scanner:page-arrived') first ??= (payload as PageArrived).page;
    };
    job.done = this.run(job, adapter, settings, capture, 1);
    await job.done;
    const page = first as PageArrived['page'] | null;
    if (page && job.summary.state === 'finished') {
      return {
        ok: true,
        meta: page.meta,
        thumbnail: page.thumbnail,
        elapsedMs: Date.now() - started,
      };
    }
    return { ok: false, error: job.summary.error ?? clerkError(new ScanDeviceError('failed')) };
  }

  /** Cancels a running batch and waits for it to end (shutdown). */
  async close(): Promise<void> {
    const job = this.active;
    if (!job) return;
    this.cancelBatch(job.summary.jobId);
    await job.done;
  }
}
