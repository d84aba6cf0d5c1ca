/**
 * The window's one batch controller and the hooks that read it.
 */
import { useSyncExternalStore } from 'react';

import { database } from '../../db/database';
import { clerkApi } from '../../platform/clerk';

import { createBatchController } from './batchController';
import type { BatchView } from './batchController';
import { droppedPages } from './droppedPages';
import type { DroppedPage } from './droppedPages';

/** Starts, follows and cancels this window's scan batches. */
export const scanBatches = createBatchController(clerkApi, database);

/** The current (or last) batch, re-rendering on every change. */
export function useBatchView(): BatchView | null {
  return useSyncExternalStore(scanBatches.view.subscribe, scanBatches.view.get);
}

/** True while a batch is starting, scanning or being cancelled. */
export function isRunning(v: BatchView | null): boolean {
  return (
    v !== null && (v.phase === 'starting' || v.phase === 'scanning' || v.phase === 'cancelling')
  );
}

/** Dropped pages (blank or deleted) of one owner. */
export function useDroppedPages(ownerId: string): readonly DroppedPage[] {
  const all = useSyncExternalStore(droppedPages.subscribe, droppedPages.get);
  return all[ownerId] ?? [];
}
