/**
 * An order's history for the detail page (issue 9): every event (submitted, modified, status
 * changes with FCN or reject reason, served) and its proofs of service, oldest first.
 */
import type { Db } from '../db/types';

/** One history event. */
export type OrderEvent = {
  readonly version: number;
  readonly event: string;
  readonly status: string | null;
  readonly detail: Record<string, unknown>;
  readonly at: string;
};

/** The answer of GET /v1/orders/{orderId}/history. */
export type OrderHistory = {
  readonly orderId: string;
  readonly events: readonly OrderEvent[];
  readonly services: readonly { recordId: string; createdAt: string; record: unknown }[];
};

/** Reads an order's history within one court; undefined when the order is not in that court. */
export async function readHistory(
  db: Db,
  courtOri: string,
  orderId: string,
): Promise<OrderHistory | undefined> {
  const owner = await db.query('SELECT 1 FROM orders WHERE order_id = $1 AND court_ori = $2', [
    orderId,
    courtOri,
  ]);
  if (owner.length === 0) return undefined;
  const events = await db.query<{
    version: number;
    event: string;
    status: string | null;
    detail: Record<string, unknown>;
    at: Date;
  }>(
    'SELECT version, event, status, detail, at FROM order_events WHERE order_id = $1 ORDER BY id',
    [orderId],
  );
  const services = await db.query<{ record_id: string; created_at: Date; payload: unknown }>(
    'SELECT record_id, created_at, payload FROM service_records WHERE order_id = $1 ORDER BY created_at, record_id',
    [orderId],
  );
  return {
    orderId,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    services: services.map((s) => ({
      recordId: s.record_id,
      createdAt: s.created_at.toISOString(),
      record: s.payload,
    })),
  };
}
