/**
 * The ordered page images of each order version (table order_pages, migration 8): written by
 * the push handlers in the transaction of the order.submit / order.modify that names them, read
 * by `GET /v1/orders/:orderId` and by the page download's court check.
 */
import type { Queryable } from '../db/types';

/** A page reference as the order's payload carries it (`pages[i]`), checked by the handler. */
export type OrderPageRef = { readonly sha256: string; readonly mime?: unknown };

/** One page of an order as `GET /v1/orders/:orderId` lists it. */
export type OrderPage = {
  readonly sha256: string;
  /** 1-based place in the order's page list. */
  readonly position: number;
  readonly length: number;
  readonly contentType: string;
};

// The `mime` a workstation sends is free text; only plain image/PDF types are kept so that a
// viewer never gets something odd to render (anything else falls back to the upload's type).
const SAFE_TYPE = /^(image\/(png|jpeg|tiff|webp|gif)|application\/pdf)$/;

/** The content type to store for a page reference (null: use the upload's). */
export function refContentType(ref: OrderPageRef): string | null {
  return typeof ref.mime === 'string' && SAFE_TYPE.test(ref.mime) ? ref.mime : null;
}

/**
 * Records the pages of one order version in the order given (one statement). Does nothing for
 * an order without pages. The same image may appear twice (e.g. two blank pages).
 */
export async function writeOrderPages(
  tx: Queryable,
  orderId: string,
  version: number,
  refs: readonly OrderPageRef[],
): Promise<void> {
  if (refs.length === 0) return;
  await tx.query(
    `INSERT INTO order_pages (order_id, version, position, sha256, content_type)
     SELECT $1, $2, t.pos, t.sha, t.ct
     FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(sha, ct, pos)`,
    [orderId, version, refs.map((r) => r.sha256), refs.map(refContentType)],
  );
}

/** The pages of one version of an order, in order (empty when it named none or predates m008). */
export async function readOrderPages(
  db: Queryable,
  orderId: string,
  version: number,
): Promise<OrderPage[]> {
  const rows = await db.query<{
    sha256: string;
    position: number;
    length: string | number;
    content_type: string;
  }>(
    `SELECT op.sha256, op.position, p.length, COALESCE(op.content_type, p.content_type) AS content_type
     FROM order_pages op JOIN pages p ON p.sha256 = op.sha256
     WHERE op.order_id = $1 AND op.version = $2 ORDER BY op.position`,
    [orderId, version],
  );
  return rows.map((r) => ({
    sha256: r.sha256,
    position: r.position,
    length: Number(r.length),
    contentType: r.content_type,
  }));
}

/** Gives version `to` the pages of version `from` (a modification that sent no page list). */
export async function carryOrderPages(
  tx: Queryable,
  orderId: string,
  from: number,
  to: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO order_pages (order_id, version, position, sha256, content_type)
     SELECT order_id, $3, position, sha256, content_type FROM order_pages
     WHERE order_id = $1 AND version = $2`,
    [orderId, from, to],
  );
}

/**
 * Whether an order of `courtOri` names this page in any of its versions: the page download
 * serves a page only then (a history view may show a page a later version dropped).
 */
export async function courtOrderNamesPage(
  db: Queryable,
  courtOri: string,
  sha256: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM order_pages op JOIN orders o ON o.order_id = op.order_id
     WHERE op.sha256 = $1 AND o.court_ori = $2 LIMIT 1`,
    [sha256, courtOri],
  );
  return rows.length > 0;
}
