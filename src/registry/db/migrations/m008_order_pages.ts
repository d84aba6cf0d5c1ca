/**
 * Migration 8: which page images belong to which order version, in page order, so
 * `GET /v1/orders/:orderId` can list an order's signed pages and any workstation of the court
 * can show them (docs/search.md). The push handlers write these rows in the same transaction as
 * the order.submit / order.modify that names the pages (src/registry/orders/orderPages.ts).
 *
 * No backfill: orders stored before this migration kept only `{ order }` of their payload, not
 * the page list, and page_courts cannot tell which order (or which upload) granted a page, so
 * those orders list no pages until they are modified with their pages again.
 *
 * - position: 1-based place of the page in the order's page list as the workstation sent it.
 * - content_type: the page reference's `mime` when it is a plain image/PDF type (pages.content_type
 *   is only what the upload said, application/octet-stream today).
 * - The order_id foreign key is deferred: a batched push writes a new order's row after its
 *   handler has accepted it (src/registry/push/bulkOrders.ts), still in the same transaction.
 */
export const m008OrderPages = {
  version: 8,
  name: 'order-pages',
  sql: `
CREATE TABLE order_pages (
  order_id      text NOT NULL REFERENCES orders(order_id) DEFERRABLE INITIALLY DEFERRED,
  version       int NOT NULL CHECK (version >= 1),
  position      int NOT NULL CHECK (position >= 1),
  sha256        text NOT NULL REFERENCES pages(sha256),
  content_type  text,
  PRIMARY KEY (order_id, version, position)
);
-- The page download checks "is this page named by an order of the caller's court".
CREATE INDEX order_pages_sha256 ON order_pages (sha256, order_id);
`,
};
