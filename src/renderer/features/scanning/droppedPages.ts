/**
 * Pages taken out of an order that the clerk can still bring back: blank pages dropped from a
 * duplex batch, and pages the clerk deleted. Kept in memory for the session (the Dexie row is
 * gone, so a submitted order never carries them); undo puts the page back where it was.
 */
import type { ClerkDb } from '../../db/clerkDb';
import { insertPage } from '../../db/pagesRepo';
import type { PageRow } from '../../db/rows';

import { createStore } from './store';

/** Why a page left the order. */
export type DropReason = 'blank' | 'deleted';

/** A page that can be restored, with the index it had. */
export type DroppedPage = {
  readonly row: PageRow;
  readonly index: number;
  readonly reason: DropReason;
};

/** Dropped pages per owner (draft, order or pending scan), most recent last. */
export const droppedPages = createStore<Readonly<Record<string, readonly DroppedPage[]>>>({});

/** Keeps a dropped page for undo. */
export function rememberDropped(ownerId: string, page: DroppedPage): void {
  droppedPages.set((all) => ({ ...all, [ownerId]: [...(all[ownerId] ?? []), page] }));
}

/** The owner's dropped pages. */
export function droppedFor(
  all: Readonly<Record<string, readonly DroppedPage[]>>,
  ownerId: string,
  reason?: DropReason,
): readonly DroppedPage[] {
  const list = all[ownerId] ?? [];
  return reason ? list.filter((d) => d.reason === reason) : list;
}

/**
 * Puts dropped pages back at the indexes they had and forgets them. Each index was taken
 * from the list as it was when that page left, so undoing the most recent drop first rebuilds
 * the order exactly. Returns how many came back.
 */
export async function restoreDropped(
  db: ClerkDb,
  ownerId: string,
  pageIds: readonly string[],
): Promise<number> {
  const wanted = new Set(pageIds);
  const chosen = droppedFor(droppedPages.get(), ownerId)
    .filter((d) => wanted.has(d.row.id))
    .reverse();
  for (const d of chosen) await insertPage(db, { ...d.row, ownerId }, d.index);
  droppedPages.set((all) => ({
    ...all,
    [ownerId]: (all[ownerId] ?? []).filter((d) => !wanted.has(d.row.id)),
  }));
  return chosen.length;
}

/** Forgets an owner's dropped pages (the draft was discarded, or its pages moved). */
export function forgetDropped(ownerId: string): void {
  droppedPages.set((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== ownerId)));
}

/** Hands an owner's dropped pages to a new owner (a pending scan becoming a draft). */
export function moveDropped(from: string, to: string): void {
  droppedPages.set((all) => {
    const moving = (all[from] ?? []).map((d) => ({ ...d, row: { ...d.row, ownerId: to } }));
    const rest = Object.fromEntries(Object.entries(all).filter(([k]) => k !== from));
    return moving.length ? { ...rest, [to]: [...(rest[to] ?? []), ...moving] } : rest;
  });
}
