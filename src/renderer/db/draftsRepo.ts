/**
 * Drafts: every change a clerk makes is saved here (debounced by the form), so a reload, a
 * crash or a closed window loses nothing.
 */
import type { ClerkDb } from './clerkDb';
import type { DraftRow } from './rows';

export type DraftSummary = Pick<DraftRow, 'id' | 'orderType' | 'owner' | 'createdAt' | 'updatedAt'>;

export function newId(): string {
  return crypto.randomUUID();
}

export async function createDraft(
  db: ClerkDb,
  orderType: string,
  owner: string,
  values: unknown,
  now = new Date().toISOString(),
): Promise<DraftRow> {
  const row: DraftRow = { id: newId(), orderType, owner, createdAt: now, updatedAt: now, values };
  await db.drafts.add(row);
  return row;
}

/** Saves the form's values; refuses to resurrect a draft that was discarded meanwhile. */
export async function saveDraftValues(
  db: ClerkDb,
  id: string,
  values: unknown,
  now = new Date().toISOString(),
): Promise<boolean> {
  const updated = await db.drafts.update(id, { values, updatedAt: now });
  return updated === 1;
}

export function getDraft(db: ClerkDb, id: string): Promise<DraftRow | undefined> {
  return db.drafts.get(id);
}

/** Newest first. */
export async function listDrafts(db: ClerkDb): Promise<DraftSummary[]> {
  const rows = await db.drafts.orderBy('updatedAt').reverse().toArray();
  return rows.map(({ id, orderType, owner, createdAt, updatedAt }) => ({
    id,
    orderType,
    owner,
    createdAt,
    updatedAt,
  }));
}

/** Removes the draft and its page images together. */
export async function discardDraft(db: ClerkDb, id: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.pages, async () => {
    await db.pages.where('ownerId').equals(id).delete();
    await db.drafts.delete(id);
  });
}
