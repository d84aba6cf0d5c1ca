// The eSCL adapter and scanner service against the eSCL test peer (test/peers/escl), which
// implements the protocol as MFPs and sane-airscan do (see airscan.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { readTiffSummary } from '../../../src/main/pages/tiffTags';
import { freePort } from '../../helpers/ports';
import { EsclPeer } from '../../peers/escl/esclPeer';

import { createHarness, pagesArrived, runBatch } from './harness';
import type { Harness } from './harness';

let h: Harness;
let peer: EsclPeer;
let scannerId = '';

beforeAll(async () => {
  peer = new EsclPeer();
  await peer.start();
  // Real devices ask for Retry-After: 1 s or more; the tests cap the wait.
  h = await createHarness({ escl: { maxRetryDelayMs: 20 } });
  const file = await h.service.store.save({ kind: 'escl', name: 'Clerk MFP', url: peer.url });
  scannerId = file.scanners[0]?.id ?? '';
});

beforeEach(() => peer.reset());

afterAll(async () => {
  await h.dispose();
  await peer.stop();
});

const gray = {
  source: 'feeder' as const,
  colourMode: 'gray' as const,
  dpi: 150,
  paperSize: 'letter' as const,
};
const nextDocs = () => peer.log.filter((l) => l.includes('/NextDocument'));

describe('an eSCL duplex batch', () => {
  it('delivers front and back of every sheet in order, kept as delivered, blank backs flagged', async () => {
    peer.reset({ adfSheets: 3, blankBacks: true });
    const { pages, summary } = await runBatch(h, scannerId, { ...gray, source: 'duplex' });
    expect(pages.map((p) => p.side)).toEqual(['front', 'back', 'front', 'back', 'front', 'back']);
    // Byte-for-byte the JPEGs the scanner sent, in the order it sent them.
    expect(pages.map((p) => p.page.meta.sha256)).toEqual(peer.sent);
    expect(pages.map((p) => p.page.blank?.blank)).toEqual([false, true, false, true, false, true]);
    expect(pages[0]?.page.meta).toMatchObject({
      mime: 'image/jpeg',
      width: 1275,
      height: 1650,
      dpi: 150,
    });
    expect(summary).toMatchObject({ state: 'finished', pagesDelivered: 6 });
    expect(peer.log).toContain('POST /eSCL/ScanJobs → 201');
  });

  it('does not run blank detection on simplex batches unless asked', async () => {
    const { pages } = await runBatch(h, scannerId, gray);
    expect(pages.every((p) => p.page.blank === undefined)).toBe(true);
    const asked = await runBatch(h, scannerId, { ...gray, detectBlank: true });
    expect(asked.pages.every((p) => p.page.blank?.blank === false)).toBe(true);
  });
});

describe('busy, end of job and faults', () => {
  it('retries while the scanner answers 503 busy, then scans', async () => {
    peer.reset({ busyPosts: 2 });
    const { pages, summary } = await runBatch(h, scannerId, gray);
    expect(peer.log.filter((l) => l.startsWith('POST'))).toEqual([
      'POST /eSCL/ScanJobs → 503',
      'POST /eSCL/ScanJobs → 503',
      'POST /eSCL/ScanJobs → 201',
    ]);
    expect(pages).toHaveLength(3);
    expect(summary.state).toBe('finished');
  });

  it('ends the job at NextDocument 404 with every page delivered', async () => {
    peer.reset({ adfSheets: 2 });
    const { pages, summary } = await runBatch(h, scannerId, gray);
    expect(pages).toHaveLength(2);
    expect(nextDocs().at(-1)).toMatch(/→ 404$/);
    expect(nextDocs()).toHaveLength(3);
    expect(summary.state).toBe('finished');
  });

  it('waits through 503 "not ready" while a page is being scanned', async () => {
    peer.reset({ adfSheets: 2, pageDelayMs: 60 });
    const { pages } = await runBatch(h, scannerId, gray);
    expect(pages).toHaveLength(2);
    expect(nextDocs().some((l) => l.endsWith('→ 503'))).toBe(true);
  });

  it('keeps the pages before a jam and reports "paper jam"', async () => {
    peer.reset({ adfSheets: 5, jamAtImage: 3 });
    const { pages, summary, ending } = await runBatch(h, scannerId, gray);
    expect(pages).toHaveLength(2);
    expect(ending.event).toBe('scanner:batch-failed');
    expect(summary.error).toMatchObject({ code: 'paper-jam', detail: 'ScannerAdfJam' });
  });

  it('reports an empty feeder and an open cover before any job', async () => {
    peer.reset({ feederEmpty: true });
    expect((await runBatch(h, scannerId, gray)).summary.error?.code).toBe('feeder-empty');
    peer.reset({ coverOpen: true });
    expect((await runBatch(h, scannerId, gray)).summary.error?.code).toBe('cover-open');
    expect(peer.log.some((l) => l.startsWith('POST'))).toBe(false);
  });

  it('reports a scanner that is not there as offline', async () => {
    const file = await h.service.store.save({
      kind: 'escl',
      name: 'Gone',
      url: `http://127.0.0.1:${await freePort()}/eSCL`,
    });
    const gone = file.scanners.find((s) => s.name === 'Gone')?.id ?? '';
    const { summary } = await runBatch(h, gone, gray);
    expect(summary.error?.code).toBe('offline');
    await h.service.store.remove(gone);
  });
});

describe('the scanner ending the batch itself', () => {
  it('reports a scanner still busy when the wait is over as busy, in clerk words', async () => {
    const impatient = await createHarness({ escl: { maxRetryDelayMs: 10, busyTimeoutMs: 150 } });
    try {
      const file = await impatient.service.store.save({ kind: 'escl', name: 'MFP', url: peer.url });
      peer.reset({ busyPosts: 10_000 });
      const { pages, summary } = await runBatch(impatient, file.scanners[0]?.id ?? '', gray);
      expect(pages).toHaveLength(0);
      expect(summary.error).toMatchObject({
        code: 'busy',
        detail: 'ScanJobs: HTTP 503 until timeout',
      });
      expect(summary.error?.message).toMatch(/^The scanner is busy/);
      expect(peer.log.filter((l) => l === 'POST /eSCL/ScanJobs → 503').length).toBeGreaterThan(1);
    } finally {
      await impatient.dispose();
    }
  });

  it('keeps the pages before a job cancelled at the device (NextDocument 410)', async () => {
    peer.reset({ adfSheets: 10, pageDelayMs: 100 });
    const { pages, summary, ending } = await runBatch(h, scannerId, gray, async (jobId) => {
      await pagesArrived(h, jobId, 1);
      // Someone presses Cancel on the scanner's panel: the device drops the job.
      const job = /^GET (\/eSCL\/ScanJobs\/[0-9a-f-]+)\/NextDocument → 200$/.exec(
        nextDocs().find((l) => l.endsWith('→ 200')) ?? '',
      )?.[1];
      expect(job).toBeDefined();
      await fetch(`http://127.0.0.1:${peer.port}${job}`, { method: 'DELETE' });
    });
    // The client learns of the cancel either from NextDocument (410) or, while it waits on a
    // 503, from ScannerStatus showing the job Canceled: both must end as "cancelled".
    const learnt = nextDocs().at(-1)?.endsWith('→ 410') ? 'HTTP 410' : 'Canceled';
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThan(10);
    expect(ending).toMatchObject({
      event: 'scanner:batch-failed',
      payload: { pagesDelivered: pages.length },
    });
    expect(summary.error).toMatchObject({
      code: 'cancelled',
      detail: `the scanner cancelled the job (${learnt})`,
    });
    expect(summary.error?.message).toMatch(/pages scanned before the cancel are kept/);
  });
});

describe('bilevel over eSCL', () => {
  it('asks for BlackAndWhite1 PNG and stores G4', async () => {
    const { pages } = await runBatch(h, scannerId, { ...gray, colourMode: 'bilevel' });
    expect(pages).toHaveLength(3);
    expect(readTiffSummary(pages[0]?.page.bytes ?? new Uint8Array()).compression).toBe(4);
  });

  it('falls back to Grayscale8 JPEG on 409 and thresholds in main (as NAPS2 does)', async () => {
    peer.reset({ refuseBlackAndWhite: true });
    const { pages } = await runBatch(h, scannerId, { ...gray, colourMode: 'bilevel' });
    expect(peer.log.filter((l) => l.startsWith('POST'))).toEqual([
      'POST /eSCL/ScanJobs → 409',
      'POST /eSCL/ScanJobs → 201',
    ]);
    expect(pages[0]?.page.meta).toMatchObject({ mime: 'image/tiff', colourMode: 'bilevel' });
  });
});

describe('cancel over eSCL', () => {
  it('deletes the job and delivers nothing more', async () => {
    peer.reset({ adfSheets: 10, pageDelayMs: 100 });
    const { pages, summary } = await runBatch(h, scannerId, gray, async (jobId) => {
      await pagesArrived(h, jobId, 1);
      h.service.cancelBatch(jobId);
    });
    expect(summary.error?.code).toBe('cancelled');
    expect(pages.length).toBeLessThan(10);
    expect(peer.log.some((l) => l.startsWith('DELETE /eSCL/ScanJobs/'))).toBe(true);
  });
});
