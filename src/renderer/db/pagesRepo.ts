/**
 * Page images of a draft or order: Dexie rows holding the bytes main delivered (G4 TIFF or
 * JPEG) as Blobs, plus main's JPEG thumbnail and preview. The renderer never decodes or
 * re-encodes a page; it only stores, orders and shows what main produced.
 *
 * Positions of one owner are kept dense (0, 1, 2, …). Every operation that moves pages
 * rewrites the positions it changes in one transaction, so a crash leaves either the old order
 * or the new one, never a mix.
 */
import type { PageImage } from '../../shared/ipc/contracts/pages';

import type { ClerkDb } from './clerkDb';
import type { PageRow } from './rows';

/** Owner id of pages scanned before the clerk has chosen an order type (scan-first intake). */
export const pendingOwnerPrefix = 'scan:';

/** The owner id of a pending scan, from the id in its URL. */
export function pendingOwnerId(scanId: string): string {
  return `${pendingOwnerPrefix}${scanId}`;
}

// Bytes from IPC always sit in a plain ArrayBuffer (never shared memory); the cast only
// satisfies the DOM typing of BlobPart. The Blob copies just the view's bytes.
const part = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

/** A Dexie row for a page image as main delivered it (no pixel work here). */
export function pageRowFromImage(image: PageImage, ownerId: string, position: number): PageRow {
  const { meta } = image;
  return {
    id: meta.id,
    ownerId,
    position,
    mime: meta.mime,
    bytes: new Blob([part(image.bytes)], { type: meta.mime }),
    thumbnail: new Blob([part(image.thumbnail)], { type: 'image/jpeg' }),
    ...(image.preview ? { preview: new Blob([part(image.preview)], { type: 'image/jpeg' }) } : {}),
    width: meta.width,
    height: meta.height,
    dpi: meta.dpi,
    sha256: meta.sha256,
  };
}

/** The owner's pages in order. */
export function listPages(db: ClerkDb, ownerId: string): Promise<PageRow[]> {
  return db.pages
    .where('[ownerId+position]')
    .between([ownerId, -Infinity], [ownerId, Infinity])
    .toArray();
}

/** Writes `order` as positions 0…n-1, touching only rows whose position changes. */
async function writeOrder(db: ClerkDb, order: readonly PageRow[]): Promise<void> {
  const changed = order
    .map((row, position) => ({ row, position }))
    .filter(({ row, position }) => row.position !== position)
    .map(({ row, position }) => ({ ...row, position }));
  if (changed.length > 0) await db.pages.bulkPut(changed);
}

/**
 * Inserts a page at index `at` of its owner (clamped; undefined appends) and returns the index
 * it got. A page whose id is already stored is left as it is (a repeated event).
 */
export async function insertPage(db: ClerkDb, row: PageRow, at?: number): Promise<number> {
  return db.transaction('rw', db.pages, async () => {
    const existing = await db.pages.get(row.id);
    if (existing) return existing.position;
    const pages = await listPages(db, row.ownerId);
    const index = at === undefined ? pages.length : Math.max(0, Math.min(at, pages.length));
    // The new row's -1 is never a real position, so writeOrder always stores it.
    pages.splice(index, 0, { ...row, position: -1 });
    await writeOrder(db, pages);
    return index;
  });
}

/** Stores a page image main delivered, at `at` (undefined appends). */
export async function addPageImage(
  db: ClerkDb,
  ownerId: string,
  image: PageImage,
  at?: number,
): Promise<PageRow> {
  const row = pageRowFromImage(image, ownerId, 0);
  const position = await insertPage(db, row, at);
  return { ...row, position };
}

/** Moves one page to index `to` (clamped) among its owner's pages. */
export async function movePage(
  db: ClerkDb,
  ownerId: string,
  pageId: string,
  to: number,
): Promise<void> {
  await db.transaction('rw', db.pages, async () => {
    const pages = await listPages(db, ownerId);
    const from = pages.findIndex((p) => p.id === pageId);
    if (from < 0)
      throw new Error('That page is no longer in this order; the list has been refreshed.');
    const [page] = pages.splice(from, 1);
    if (!page) return;
    pages.splice(Math.max(0, Math.min(to, pages.length)), 0, page);
    await writeOrder(db, pages);
  });
}

/**
 * Puts the owner's pages in the given order. `ids` must name exactly the owner's pages;
 * otherwise nothing changes (the list changed meanwhile).
 */
export async function reorderPages(
  db: ClerkDb,
  ownerId: string,
  ids: readonly string[],
): Promise<void> {
  await db.transaction('rw', db.pages, async () => {
    const pages = await listPages(db, ownerId);
    const byId = new Map(pages.map((p) => [p.id, p]));
    const order = ids.map((id) => byId.get(id));
    if (new Set(ids).size !== pages.length || order.some((p) => p === undefined)) {
      throw new Error('The pages changed while they were being reordered; try again.');
    }
    await writeOrder(db, order as PageRow[]);
  });
}

/** Deletes one page and closes the gap; returns the row and the index it had (for undo). */
export async function deletePage(
  db: ClerkDb,
  ownerId: string,
  pageId: string,
): Promise<{ row: PageRow; index: number } | null> {
  return db.transaction('rw', db.pages, async () => {
    const pages = await listPages(db, ownerId);
    const index = pages.findIndex((p) => p.id === pageId);
    const row = pages[index];
    if (!row) return null;
    await db.pages.delete(pageId);
    pages.splice(index, 1);
    await writeOrder(db, pages);
    return { row, index };
  });
}

/** Replaces a page's image with main's new rendition (a rotation), keeping owner and place. */
export async function replacePageImage(
  db: ClerkDb,
  pageId: string,
  image: PageImage,
): Promise<void> {
  await db.transaction('rw', db.pages, async () => {
    const row = await db.pages.get(pageId);
    if (!row) throw new Error('That page is no longer in this order.');
    const next = pageRowFromImage(
      { ...image, meta: { ...image.meta, id: pageId } },
      row.ownerId,
      row.position,
    );
    await db.pages.put(next);
  });
}

/**
 * Moves every page of `from` after the pages `to` already has (scan-first intake: the pending
 * batch joins its new draft). Returns how many pages moved.
 */
export async function movePagesToOwner(db: ClerkDb, from: string, to: string): Promise<number> {
  return db.transaction('rw', db.pages, async () => {
    const start = await db.pages.where('ownerId').equals(to).count();
    const pages = await listPages(db, from);
    await db.pages.bulkPut(pages.map((p, i) => ({ ...p, ownerId: to, position: start + i })));
    return pages.length;
  });
}

/** Scanned batches still waiting for an order type, with their page counts. */
export async function listPendingScans(
  db: ClerkDb,
): Promise<{ ownerId: string; scanId: string; pages: number }[]> {
  const counts = new Map<string, number>();
  await db.pages
    .where('ownerId')
    .startsWith(pendingOwnerPrefix)
    .each((p) => counts.set(p.ownerId, (counts.get(p.ownerId) ?? 0) + 1));
  return [...counts].map(([ownerId, pages]) => ({
    ownerId,
    scanId: ownerId.slice(pendingOwnerPrefix.length),
    pages,
  }));
}

/** Deletes every page of an owner (a pending scan the clerk throws away). */
export async function deleteOwnerPages(db: ClerkDb, ownerId: string): Promise<number> {
  return db.pages.where('ownerId').equals(ownerId).delete();
}
