/**
 * Runs one scan batch from the renderer's side: starts it in main, stores each page as it
 * arrives (a Dexie row of the target draft, order or pending scan, in scanner order), keeps
 * blank pages aside for undo, and exposes progress for the UI.
 *
 * It lives outside React so a batch keeps filling its owner while the clerk moves between
 * screens. Only this window's own job is stored: events of a job started elsewhere are ignored.
 */
import type { ClerkApi } from '../../../shared/ipc/clerkApi';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { PageArrived, ScanSettings } from '../../../shared/ipc/contracts/scanner';
import type { ClerkDb } from '../../db/clerkDb';
import { addPageImage, pageRowFromImage } from '../../db/pagesRepo';
import { unwrap } from '../../platform/clerk';

import { rememberDropped } from './droppedPages';
import { createStore } from './store';
import type { Store } from './store';

/** Where a batch's pages go: an owner, and the index of the first page (absent: the end). */
export type BatchTarget = { readonly ownerId: string; readonly insertAt?: number };

export type BatchPhase = 'starting' | 'scanning' | 'cancelling' | 'finished' | 'failed';

/** What the UI shows about the current (or last) batch. */
export type BatchView = {
  readonly ownerId: string;
  readonly jobId: string | null;
  readonly phase: BatchPhase;
  /** Pages stored in the owner (blank pages dropped are not counted). */
  readonly pagesStored: number;
  readonly blankDropped: number;
  /** The page the scanner is working on, and how far, when the scanner says. */
  readonly scanningPage: number | null;
  readonly pagePercent: number | null;
  /** Clerk-readable reason the batch ended early (or could not start). */
  readonly error: { readonly code: string; readonly message: string } | null;
};

type Api = Pick<ClerkApi, 'scanner' | 'subscribe'>;

type BatchEvent =
  | 'scanner:page-arrived'
  | 'scanner:batch-progress'
  | 'scanner:batch-finished'
  | 'scanner:batch-failed';

/** One scanner event with its payload, as a union the handler can narrow. */
type ScanEvent = {
  [E in BatchEvent]: { readonly event: E; readonly payload: EventPayload<E> };
}[BatchEvent];

/** Starts and follows batches; one at a time, like main. */
export type BatchController = {
  readonly view: Store<BatchView | null>;
  start(
    target: BatchTarget,
    options?: { scannerId?: string; settings?: Partial<ScanSettings> },
  ): Promise<void>;
  cancel(): Promise<void>;
  /** Forgets a finished batch's view (the clerk dismissed it). */
  dismiss(): void;
};

const running = (v: BatchView | null) =>
  v !== null && (v.phase === 'starting' || v.phase === 'scanning' || v.phase === 'cancelling');

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Creates a controller over the given API and database (tests pass their own). */
export function createBatchController(api: () => Api, db: () => ClerkDb): BatchController {
  const view = createStore<BatchView | null>(null);
  let stop: (() => void) | null = null;

  const patch = (jobId: string | null, change: Partial<BatchView>) =>
    view.set((v) => (v && (jobId === null || v.jobId === jobId) ? { ...v, ...change } : v));

  const start: BatchController['start'] = async (target, options = {}) => {
    if (running(view.get()))
      throw new Error('A scan is already running; wait for it or cancel it.');
    const { ownerId } = target;
    view.set({
      ownerId,
      jobId: null,
      phase: 'starting',
      pagesStored: 0,
      blankDropped: 0,
      scanningPage: null,
      pagePercent: null,
      error: null,
    });
    const base = target.insertAt ?? (await db().pages.where('ownerId').equals(ownerId).count());
    let jobId: string | null = null;
    let stored = 0;
    let written = 0;
    let blanks = 0;
    let writes = Promise.resolve();
    let saveError: string | null = null;
    const seen = new Set<number>();
    // Events that arrive before start-batch answers (the job id is not known yet).
    const early: ScanEvent[] = [];

    const onPage = (p: PageArrived) => {
      if (seen.has(p.sequence)) return;
      seen.add(p.sequence);
      const at = base + stored;
      if (p.page.blank?.blank) {
        blanks += 1;
        rememberDropped(ownerId, {
          row: pageRowFromImage(p.page, ownerId, at),
          index: at,
          reason: 'blank',
        });
        patch(jobId, { blankDropped: blanks });
        return;
      }
      stored += 1;
      // Writes run one after another so pages land in scanner order.
      writes = writes
        .then(() => addPageImage(db(), ownerId, p.page, at))
        .then(
          () => {
            written += 1;
            patch(jobId, { pagesStored: written });
          },
          (e: unknown) => {
            saveError ??= `A scanned page could not be saved on this workstation: ${messageOf(e)}`;
            if (jobId) void api().scanner.cancelBatch({ jobId });
          },
        );
    };

    const end = async (error: BatchView['error']) => {
      await writes;
      stop?.();
      stop = null;
      const failed = saveError ? { code: 'failed', message: saveError } : error;
      patch(jobId, {
        phase: failed ? 'failed' : 'finished',
        error: failed,
        scanningPage: null,
        pagePercent: null,
        pagesStored: written,
      });
    };

    const handle = (e: ScanEvent) => {
      if (jobId === null) {
        early.push(e);
        return;
      }
      if (e.payload.jobId !== jobId) return;
      switch (e.event) {
        case 'scanner:page-arrived':
          onPage(e.payload);
          break;
        case 'scanner:batch-progress':
          patch(jobId, {
            scanningPage: e.payload.scanningPage,
            pagePercent: e.payload.pagePercent,
          });
          break;
        case 'scanner:batch-finished':
          void end(null);
          break;
        case 'scanner:batch-failed':
          void end({ code: e.payload.error.code, message: e.payload.error.message });
          break;
      }
    };

    // Subscribe first so no page is missed, then start.
    const offs = [
      api().subscribe('scanner:page-arrived', (payload) =>
        handle({ event: 'scanner:page-arrived', payload }),
      ),
      api().subscribe('scanner:batch-progress', (payload) =>
        handle({ event: 'scanner:batch-progress', payload }),
      ),
      api().subscribe('scanner:batch-finished', (payload) =>
        handle({ event: 'scanner:batch-finished', payload }),
      ),
      api().subscribe('scanner:batch-failed', (payload) =>
        handle({ event: 'scanner:batch-failed', payload }),
      ),
    ];
    stop = () => offs.forEach((off) => off());

    try {
      const summary = await unwrap(
        'scanner:start-batch',
        api().scanner.startBatch({
          ...(options.scannerId ? { scannerId: options.scannerId } : {}),
          ...(options.settings ? { settings: options.settings } : {}),
        }),
      );
      jobId = summary.jobId;
      view.set((v) => (v ? { ...v, jobId: summary.jobId, phase: 'scanning' } : v));
      for (const e of early.splice(0)) handle(e);
    } catch (e) {
      stop();
      stop = null;
      view.set((v) =>
        v ? { ...v, phase: 'failed', error: { code: 'start', message: messageOf(e) } } : v,
      );
    }
  };

  return {
    view,
    start,
    cancel: async () => {
      const v = view.get();
      if (!v?.jobId || !running(v)) return;
      patch(v.jobId, { phase: 'cancelling' });
      await unwrap('scanner:cancel-batch', api().scanner.cancelBatch({ jobId: v.jobId }));
    },
    dismiss: () => {
      if (!running(view.get())) view.set(null);
    },
  };
}
