import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { addPageImage, listPages } from '../../../../src/renderer/db/pagesRepo';
import { createBatchController } from '../../../../src/renderer/features/scanning/batchController';
import type { BatchController } from '../../../../src/renderer/features/scanning/batchController';
import {
  droppedFor,
  droppedPages,
  restoreDropped,
} from '../../../../src/renderer/features/scanning/droppedPages';
import type { PageImage } from '../../../../src/shared/ipc/contracts/pages';
import type { BatchSummary } from '../../../../src/shared/ipc/contracts/scanner';
import type { IpcResult } from '../../../../src/shared/ipc/envelope';

import { fakeImage } from './fakePages';

type Listener = (payload: unknown) => void;

/** window.clerk's scanner half: records calls and lets a test emit main's events. */
function fakeApi(jobId = 'job-1') {
  const listeners = new Map<string, Set<Listener>>();
  const calls: { start: unknown[]; cancel: unknown[] } = { start: [], cancel: [] };
  const summary: BatchSummary = {
    jobId,
    scannerId: 'adf',
    settings: { source: 'feeder', colourMode: 'bilevel', dpi: 300, paperSize: 'letter' },
    state: 'scanning',
    pagesDelivered: 0,
    startedAt: '2026-12-02T18:00:00.000Z',
  };
  let beforeReply: () => void = () => undefined;
  let reply: IpcResult<BatchSummary> = { ok: true, value: summary };
  const emit = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  const api = {
    subscribe: (event: string, listener: Listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
    scanner: {
      startBatch: (input: unknown) => {
        calls.start.push(input);
        beforeReply();
        return Promise.resolve(reply);
      },
      cancelBatch: (input: unknown) => {
        calls.cancel.push(input);
        return Promise.resolve({ ok: true, value: { ...summary, state: 'cancelling' } });
      },
    },
  };
  return {
    api: api as never,
    calls,
    emit,
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    page: (sequence: number, page: PageImage, job = jobId) =>
      emit('scanner:page-arrived', { jobId: job, sequence, side: null, page }),
    finished: (pagesDelivered: number) => emit('scanner:batch-finished', { jobId, pagesDelivered }),
    failed: (pagesDelivered: number, code: string, message: string) =>
      emit('scanner:batch-failed', { jobId, pagesDelivered, error: { code, message } }),
    setBeforeReply: (f: () => void) => (beforeReply = f),
    setReply: (r: IpcResult<BatchSummary>) => (reply = r),
  };
}

let db: ClerkDb;
let n = 0;
let fake: ReturnType<typeof fakeApi>;
let batches: BatchController;

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`batch-controller-${n}`);
  await db.open();
  fake = fakeApi();
  batches = createBatchController(
    () => fake.api,
    () => db,
  );
  droppedPages.set({});
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const ids = async (owner: string) => (await listPages(db, owner)).map((p) => p.id);
const ended = () =>
  vi.waitFor(() => {
    const phase = batches.view.get()?.phase;
    if (phase !== 'finished' && phase !== 'failed') throw new Error(`still ${phase}`);
  });

describe('a batch into a pending scan', () => {
  it('stores pages in scanner order, including pages sent before start-batch answered', async () => {
    fake.setBeforeReply(() => fake.page(1, fakeImage({ id: 'p1' })));
    await batches.start({ ownerId: 'scan:1' }, { scannerId: 'adf', settings: { dpi: 200 } });
    expect(fake.calls.start).toEqual([{ scannerId: 'adf', settings: { dpi: 200 } }]);
    expect(batches.view.get()).toMatchObject({ jobId: 'job-1', phase: 'scanning' });
    fake.page(2, fakeImage({ id: 'p2' }));
    fake.page(3, fakeImage({ id: 'p3' }));
    fake.finished(3);
    await ended();
    expect(await ids('scan:1')).toEqual(['p1', 'p2', 'p3']);
    expect(batches.view.get()).toMatchObject({ phase: 'finished', pagesStored: 3, error: null });
    // The batch's subscriptions end with it.
    expect(fake.listenerCount()).toBe(0);
  });

  it('ignores other jobs’ pages and a repeated page', async () => {
    await batches.start({ ownerId: 'scan:1' });
    fake.page(1, fakeImage({ id: 'p1' }));
    fake.page(1, fakeImage({ id: 'p1-again' }));
    fake.page(1, fakeImage({ id: 'elsewhere' }), 'job-of-another-window');
    fake.finished(1);
    await ended();
    expect(await ids('scan:1')).toEqual(['p1']);
  });

  it('keeps the pages delivered before a jam and reports the clerk message', async () => {
    await batches.start({ ownerId: 'scan:1' });
    for (const i of [1, 2, 3]) fake.page(i, fakeImage({ id: `p${i}` }));
    fake.failed(3, 'paper-jam', 'Paper jam. Open the scanner…');
    await ended();
    expect(await ids('scan:1')).toEqual(['p1', 'p2', 'p3']);
    expect(batches.view.get()).toMatchObject({
      phase: 'failed',
      pagesStored: 3,
      error: { code: 'paper-jam', message: 'Paper jam. Open the scanner…' },
    });
  });

  it('says why a batch could not start, and lets go of its subscriptions', async () => {
    fake.setReply({
      ok: false,
      error: { code: 'not-found', message: 'No scanner is set up as the default.' },
    });
    await batches.start({ ownerId: 'scan:1' });
    expect(batches.view.get()).toMatchObject({
      phase: 'failed',
      error: { code: 'start', message: 'No scanner is set up as the default.' },
    });
    expect(fake.listenerCount()).toBe(0);
  });

  it('runs one batch at a time and cancels the running one in main', async () => {
    await batches.start({ ownerId: 'scan:1' });
    await expect(batches.start({ ownerId: 'scan:2' })).rejects.toThrow(/already running/);
    await batches.cancel();
    expect(fake.calls.cancel).toEqual([{ jobId: 'job-1' }]);
    expect(batches.view.get()?.phase).toBe('cancelling');
    fake.failed(0, 'cancelled', 'Scanning was cancelled.');
    await ended();
    batches.dismiss();
    expect(batches.view.get()).toBeNull();
  });
});

describe('rescan and insert', () => {
  it('puts the new pages at the chosen place, in order', async () => {
    for (const id of ['a', 'b', 'c']) await addPageImage(db, 'draft', fakeImage({ id }));
    await batches.start({ ownerId: 'draft', insertAt: 1 });
    fake.page(1, fakeImage({ id: 'x' }));
    fake.page(2, fakeImage({ id: 'y' }));
    fake.finished(2);
    await ended();
    expect(await ids('draft')).toEqual(['a', 'x', 'y', 'b', 'c']);
  });
});

describe('blank pages', () => {
  it('are kept aside, not stored, and come back where they were', async () => {
    await batches.start({ ownerId: 'scan:1' });
    fake.page(1, fakeImage({ id: 'front1', blank: false }));
    fake.page(2, fakeImage({ id: 'back1', blank: true }));
    fake.page(3, fakeImage({ id: 'front2', blank: false }));
    fake.page(4, fakeImage({ id: 'back2', blank: true }));
    fake.page(5, fakeImage({ id: 'front3', blank: false }));
    fake.finished(5);
    await ended();
    expect(await ids('scan:1')).toEqual(['front1', 'front2', 'front3']);
    expect(batches.view.get()).toMatchObject({ pagesStored: 3, blankDropped: 2 });
    const dropped = droppedFor(droppedPages.get(), 'scan:1', 'blank');
    expect(dropped.map((d) => [d.row.id, d.index])).toEqual([
      ['back1', 1],
      ['back2', 2],
    ]);
    expect(
      await restoreDropped(
        db,
        'scan:1',
        dropped.map((d) => d.row.id),
      ),
    ).toBe(2);
    expect(await ids('scan:1')).toEqual(['front1', 'back1', 'front2', 'back2', 'front3']);
    expect(droppedFor(droppedPages.get(), 'scan:1')).toEqual([]);
    // The restored row holds main's bytes.
    const back = (await listPages(db, 'scan:1'))[1];
    expect(await back?.bytes.text()).toBe('bytes:back1');
  });
});

describe('a page that cannot be saved', () => {
  it('cancels the batch and says the page could not be saved', async () => {
    await batches.start({ ownerId: 'scan:1' });
    db.close();
    fake.page(1, fakeImage({ id: 'p1' }));
    await vi.waitFor(() => expect(fake.calls.cancel).toEqual([{ jobId: 'job-1' }]));
    fake.failed(1, 'cancelled', 'Scanning was cancelled.');
    await ended();
    expect(batches.view.get()?.error?.message).toMatch(
      /^A scanned page could not be saved on this workstation/,
    );
    await db.open();
  });
});
