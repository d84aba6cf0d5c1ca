/**
 * A ScannerService over a scratch data folder that records every event it publishes, and a
 * helper that runs a batch to its end.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { AdapterOptions } from '../../../src/main/devices/scanner/adapters';
import { ScannerService } from '../../../src/main/devices/scanner/scannerService';
import type { ScannerEvent } from '../../../src/main/devices/scanner/scannerService';
import type { EventPayload } from '../../../src/shared/ipc/contract';
import type {
  BatchSummary,
  PageArrived,
  ScanSettings,
} from '../../../src/shared/ipc/contracts/scanner';

export type Recorded = { event: ScannerEvent; payload: EventPayload<ScannerEvent> };

export type Harness = {
  readonly dir: string;
  readonly service: ScannerService;
  readonly events: Recorded[];
  /** Files left in the jobs' work folders (should always be none). */
  leftovers(): Promise<string[]>;
  dispose(): Promise<void>;
};

export async function createHarness(adapters?: AdapterOptions): Promise<Harness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanner-it-'));
  const events: Recorded[] = [];
  const service = new ScannerService({
    dataDir: dir,
    publish: (event, payload) => events.push({ event, payload }),
    ...(adapters ? { adapters } : {}),
  });
  const work = path.join(dir, 'scanning', 'work');
  return {
    dir,
    service,
    events,
    leftovers: async () => {
      const jobs = await readdir(work).catch(() => [] as string[]);
      const files = await Promise.all(jobs.map((j) => readdir(path.join(work, j)).catch(() => [])));
      return [...jobs.filter((j) => !j.startsWith('job-')), ...files.flat()];
    },
    dispose: async () => {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type BatchResult = {
  summary: BatchSummary;
  pages: PageArrived[];
  ending: Recorded;
  progress: number;
};

/** Runs one batch to its end and returns what it published. */
export async function runBatch(
  h: Harness,
  scannerId: string,
  settings?: Partial<ScanSettings>,
  during?: (jobId: string) => Promise<void>,
): Promise<BatchResult> {
  const started = await h.service.startBatch({ scannerId, ...(settings ? { settings } : {}) });
  if (during) await during(started.jobId);
  const summary = await settledOrDiagnosed(h, started.jobId);
  const mine = h.events.filter((e) => (e.payload as { jobId: string }).jobId === started.jobId);
  const ending = mine.filter(
    (e) => e.event === 'scanner:batch-finished' || e.event === 'scanner:batch-failed',
  );
  if (ending.length !== 1) throw new Error(`expected one ending event, got ${ending.length}`);
  const last = mine.indexOf(ending[0] as Recorded);
  if (last !== mine.length - 1) throw new Error('an event came after the batch ended');
  return {
    summary,
    pages: mine
      .filter((e) => e.event === 'scanner:page-arrived')
      .map((e) => e.payload as PageArrived),
    ending: ending[0] as Recorded,
    progress: mine.filter((e) => e.event === 'scanner:batch-progress').length,
  };
}

/**
 * Waits for the batch to end. A batch that has not ended after 40 s is cancelled (so one hung
 * device run cannot fail the tests after it with "a scan is already running") and the test fails
 * with what the job published and which scanimage processes are alive, to diagnose the hang.
 */
async function settledOrDiagnosed(h: Harness, jobId: string): Promise<BatchSummary> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), 40_000);
  });
  const outcome = await Promise.race([h.service.settled(jobId), hung]);
  clearTimeout(timer);
  if (outcome !== 'hung') return outcome as BatchSummary;
  const processes = await new Promise<string>((resolve) =>
    execFile('ps', ['-eo', 'pid,stat,etime,args'], (_e, out) =>
      resolve(
        out
          .split('\n')
          .filter((l) => l.includes('scanimage'))
          .join('\n'),
      ),
    ),
  );
  const published = h.events
    .filter((e) => (e.payload as { jobId?: string }).jobId === jobId)
    .map((e) => `${e.event} ${JSON.stringify(e.payload).slice(0, 200)}`);
  h.service.cancelBatch(jobId);
  await h.service.settled(jobId);
  throw new Error(
    `the batch did not end within 40 s; it was cancelled.\npublished:\n${published.join('\n')}\nscanimage processes:\n${processes}`,
  );
}

/** Resolves once `count` pages of the job have been published. */
export async function pagesArrived(h: Harness, jobId: string, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (
    h.events.filter(
      (e) => e.event === 'scanner:page-arrived' && (e.payload as PageArrived).jobId === jobId,
    ).length < count
  ) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} pages arrived`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
