/**
 * Gets one outbox row ready to push: an order's page images are uploaded first (the registry
 * holds an order whose pages it lacks), and the page references are frozen into the payload
 * before the first send, so every retry carries the same payload under the same key.
 */
import type { ClerkDb } from '../../db/clerkDb';
import type { OutboxRow, PageRow } from '../../db/rows';

import type { SyncPort } from './syncPort';

export type Prepared =
  | { readonly kind: 'ready'; readonly payload: unknown }
  /** Cannot continue now (offline): stop the batch here, keep FIFO order. */
  | { readonly kind: 'blocked'; readonly message: string }
  /** Can never be sent as it is: needs a person. */
  | { readonly kind: 'refused'; readonly reason: string; readonly message: string };

type PageRef = { sha256: string; position: number; mime: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function frozenPages(payload: Record<string, unknown>): PageRef[] | null {
  const pages = payload.pages;
  if (!Array.isArray(pages)) return null;
  return pages.filter(
    (p): p is PageRef => isPlainObject(p) && typeof (p as PageRef).sha256 === 'string',
  );
}

async function pageBytes(page: PageRow): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return page.bytes instanceof Blob ? new Uint8Array(await page.bytes.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** Uploads what the row needs and returns the payload to send (or why not). */
export async function prepareRow(
  db: ClerkDb,
  port: SyncPort,
  row: OutboxRow,
  uploaded: Set<string>,
): Promise<Prepared> {
  const payload = row.payload;
  if (!row.kind.startsWith('order.') || !row.orderId || !isPlainObject(payload)) {
    return { kind: 'ready', payload };
  }
  const local = (await db.pages.where('ownerId').equals(row.orderId).toArray()).sort(
    (a, b) => a.position - b.position,
  );
  const frozen = frozenPages(payload);
  let pages = local;
  if (frozen) {
    const bySha = new Map(local.map((p) => [p.sha256, p]));
    pages = [];
    for (const ref of frozen) {
      const page = bySha.get(ref.sha256);
      if (page) pages.push(page);
      else if (!uploaded.has(ref.sha256)) {
        return {
          kind: 'refused',
          reason: 'page-missing',
          message: `Page ${ref.position + 1} of this order is no longer on this workstation, so the order cannot be sent complete. Scan it again.`,
        };
      }
    }
  }
  for (const page of pages) {
    if (uploaded.has(page.sha256)) continue;
    const bytes = await pageBytes(page);
    if (!bytes || bytes.byteLength === 0) {
      return {
        kind: 'refused',
        reason: 'page-unreadable',
        message: `Page ${page.position + 1} of this order cannot be read from this workstation's storage. Scan it again.`,
      };
    }
    const result = await port.uploadPage(bytes, page.sha256);
    if (result.outcome === 'retry') {
      return { kind: 'blocked', message: result.message ?? 'The page upload will be retried.' };
    }
    if (result.outcome === 'refused' || !result.sha256) {
      return {
        kind: 'refused',
        reason: 'page-refused',
        message: `Page ${page.position + 1}: ${result.message ?? 'the registry refused the image.'}`,
      };
    }
    uploaded.add(result.sha256);
  }
  if (frozen) return { kind: 'ready', payload };
  const refs: PageRef[] = local.map((p) => ({
    sha256: p.sha256,
    position: p.position,
    mime: p.mime,
  }));
  return { kind: 'ready', payload: { ...payload, pages: refs } };
}
