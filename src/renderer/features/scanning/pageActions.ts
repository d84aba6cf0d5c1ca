/**
 * What the page strip does to a page. Anything that touches pixels (rotation) runs in main;
 * the renderer only sends the stored bytes (as an ArrayBuffer, never base64) and stores what
 * comes back.
 */
import type { ClerkApi } from '../../../shared/ipc/clerkApi';
import type { ClerkDb } from '../../db/clerkDb';
import { deletePage, replacePageImage } from '../../db/pagesRepo';
import type { PageRow } from '../../db/rows';
import { unwrap } from '../../platform/clerk';

import { rememberDropped } from './droppedPages';

/**
 * Rotates a page clockwise in main and stores the new rendition in place. The row is read
 * afresh so the bytes sent are the stored ones (not a live query's copy of an older rotation).
 */
export async function rotatePage(
  api: Pick<ClerkApi, 'pages'>,
  db: ClerkDb,
  pageId: string,
  degrees: 90 | 180 | 270,
): Promise<void> {
  const row = await db.pages.get(pageId);
  if (!row) throw new Error('That page is no longer in this order.');
  if (row.mime !== 'image/tiff' && row.mime !== 'image/jpeg') {
    throw new Error('Only scanned TIFF and JPEG pages can be rotated.');
  }
  const bytes = await row.bytes.arrayBuffer();
  const rotated = await unwrap(
    'pages:rotate-page',
    api.pages.rotatePage({ page: { id: row.id, mime: row.mime, bytes, dpi: row.dpi }, degrees }),
  );
  await replacePageImage(db, row.id, rotated);
}

/** Deletes a page and keeps it for undo; returns the index it had, or null if it was gone. */
export async function deleteWithUndo(
  db: ClerkDb,
  ownerId: string,
  pageId: string,
): Promise<number | null> {
  const removed = await deletePage(db, ownerId, pageId);
  if (!removed) return null;
  rememberDropped(ownerId, { row: removed.row, index: removed.index, reason: 'deleted' });
  return removed.index;
}

/** The Blob a page is shown from: JPEG pages themselves, else main's JPEG preview. */
export function displayBlob(row: PageRow): Blob | undefined {
  return row.mime === 'image/jpeg' || row.mime === 'image/png'
    ? row.bytes
    : (row.preview ?? row.thumbnail);
}
