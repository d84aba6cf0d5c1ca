// The SANE adapter and scanner service against the real SANE `test` backend, run by scanimage
// under the workstation's private SANE_CONFIG_DIR (never /etc/sane.d).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readTiffSummary } from '../../../src/main/pages/tiffTags';
import type { BatchProgress } from '../../../src/shared/ipc/contracts/scanner';
import { injectReadStatus } from '../../peers/sane/saneTestPeer';

import { createHarness, pagesArrived, runBatch } from './harness';
import type { Harness } from './harness';

let h: Harness;
const ids: Record<string, string> = {};

async function addScanner(name: string, options: string[]): Promise<string> {
  const file = await h.service.store.save({ kind: 'sane', name, device: 'test:0', options });
  h.service.invalidate();
  const saved = file.scanners.find((s) => s.name === name);
  if (!saved) throw new Error('scanner not saved');
  return saved.id;
}

beforeAll(async () => {
  h = await createHarness();
  await h.service.store.saveSane({ backends: ['test'], netHosts: [] });
  h.service.invalidate();
  ids.adf = await addScanner('Counter ADF', ['--test-picture=Grid']);
  ids.slow = await addScanner('Slow ADF', ['--read-delay=yes', '--read-delay-duration=20000']);
  for (const status of [
    'JAMMED',
    'NO_DOCS',
    'COVER_OPEN',
    'DEVICE_BUSY',
    'ACCESS_DENIED',
  ] as const) {
    ids[status] = await addScanner(`Fault ${status}`, [injectReadStatus(status)]);
  }
});

afterAll(async () => {
  await h.dispose();
});

const feeder = {
  source: 'feeder' as const,
  colourMode: 'bilevel' as const,
  dpi: 150,
  paperSize: 'letter' as const,
};

describe('a 10-page ADF batch', () => {
  it('arrives as 10 complete G4 pages in order, then finishes', async () => {
    const { pages, ending, summary, progress } = await runBatch(h, ids.adf as string, feeder);
    expect(pages.map((p) => p.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const { page, side } of pages) {
      expect(side).toBeNull();
      // The test backend's scan area is at most 200 mm: 1181 pixels at 150 dpi.
      expect(page.meta).toMatchObject({ mime: 'image/tiff', width: 1181, height: 1181, dpi: 150 });
      expect(readTiffSummary(page.bytes).compression).toBe(4);
      expect(page.thumbnail.byteLength).toBeGreaterThan(0);
    }
    expect(ending).toMatchObject({
      event: 'scanner:batch-finished',
      payload: { pagesDelivered: 10 },
    });
    expect(summary).toMatchObject({ state: 'finished', pagesDelivered: 10 });
    expect(progress).toBeGreaterThan(0);
    // Progress names each sheet as scanimage starts it (`-p`, "Scanning page N"), in order.
    const scanning = h.events
      .filter((e) => e.event === 'scanner:batch-progress')
      .map((e) => e.payload as BatchProgress)
      .filter((p) => p.jobId === summary.jobId)
      .map((p) => p.scanningPage);
    expect([...new Set(scanning)].slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await h.leftovers()).toEqual([]);
  });

  it('delivers gray pages as one-channel JPEG', async () => {
    const { pages } = await runBatch(h, ids.adf as string, {
      ...feeder,
      colourMode: 'gray',
      dpi: 100,
    });
    expect(pages).toHaveLength(10);
    const meta = await sharp(pages[0]?.page.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', channels: 1, width: 787 });
  });
});

describe('device faults injected by the test backend', () => {
  it.each([
    ['JAMMED', 'paper-jam', /Paper jam/],
    ['NO_DOCS', 'feeder-empty', /feeder is empty/],
    ['COVER_OPEN', 'cover-open', /cover is open/],
    ['DEVICE_BUSY', 'busy', /busy/],
    ['ACCESS_DENIED', 'access-denied', /refused access/],
  ])('%s ends the batch as %s with a clerk message', async (status, code, message) => {
    const { pages, ending, summary } = await runBatch(h, ids[status] as string, feeder);
    expect(pages).toHaveLength(0);
    expect(ending.event).toBe('scanner:batch-failed');
    expect(summary.error).toMatchObject({ code });
    expect(summary.error?.message).toMatch(message);
    expect(summary.error?.detail).toMatch(/^sane_read: /);
  });

  it('refuses a duplex scan the device cannot do', async () => {
    const { summary } = await runBatch(h, ids.adf as string, { ...feeder, source: 'duplex' });
    expect(summary.error?.code).toBe('unsupported-setting');
  });
});

describe('cancel', () => {
  it('stops mid-batch by SIGINT, keeps the complete pages, and leaves no partial page', async () => {
    const { pages, summary, ending } = await runBatch(
      h,
      ids.slow as string,
      { ...feeder, colourMode: 'gray', dpi: 75 },
      async (jobId) => {
        await pagesArrived(h, jobId, 2);
        expect(h.service.cancelBatch(jobId).state).toBe('cancelling');
      },
    );
    expect(ending.event).toBe('scanner:batch-failed');
    expect(summary.error?.code).toBe('cancelled');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThan(10);
    expect(summary.pagesDelivered).toBe(pages.length);
    for (const { page } of pages) {
      // Complete: the whole page decodes to its full height.
      const { info } = await sharp(page.bytes).raw().toBuffer({ resolveWithObject: true });
      expect(info.height).toBe(page.meta.height);
      expect(page.meta.height).toBe(590);
    }
    expect(await h.leftovers()).toEqual([]);
  });

  it('allows one batch at a time', async () => {
    const first = await h.service.startBatch({ scannerId: ids.slow as string, settings: feeder });
    await expect(h.service.startBatch({ scannerId: ids.adf as string })).rejects.toThrow(
      /already running/,
    );
    h.service.cancelBatch(first.jobId);
    await h.service.settled(first.jobId);
  });
});

describe('the Devices page operations', () => {
  it('runs a test scan of one page and returns its thumbnail', async () => {
    const result = await h.service.testScan(ids.adf as string, {
      source: 'feeder',
      colourMode: 'gray',
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.meta).toMatchObject({ dpi: 150, mime: 'image/jpeg' });
      expect((await sharp(result.thumbnail).metadata()).format).toBe('jpeg');
    }
    const failed = await h.service.testScan(ids.JAMMED as string);
    expect(failed).toMatchObject({ ok: false, error: { code: 'paper-jam' } });
  });

  it('reports what the device offers', async () => {
    const caps = await (await h.service.adapterFor(ids.adf as string)).capabilities();
    expect(caps.sources).toEqual(['flatbed', 'feeder']);
    expect(caps.colourModes).toEqual(['bilevel', 'gray', 'color']);
    expect(caps.maxWidthMm).toBe(200);
  });

  it('uses only its private SANE configuration', async () => {
    const dir = await h.service.ensureSaneConfig();
    expect(dir).toBe(path.join(h.dir, 'scanning', 'sane'));
    expect(await readFile(path.join(dir, 'dll.conf'), 'utf8')).toBe('test\n');
  });
});
