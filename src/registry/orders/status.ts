/**
 * The order status model, for the CLETS relay (issue 8) to write and the pull feed to carry:
 * queued (workstation only) → at_registry → sent_to_clets → acknowledged (with FCN) / rejected
 * (with reason code and text). The statuses themselves are data (table order_statuses).
 */
import type { Db } from '../db/types';
import { RegistryError } from '../errors';

import { addEvent, recordChange } from './orderStore';

/** The status names, in lifecycle order (mirrors table order_statuses). */
export const ORDER_STATUSES = [
  'queued',
  'at_registry',
  'sent_to_clets',
  'acknowledged',
  'rejected',
] as const;

/** One order status. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A status change the relay records. */
export type StatusUpdate = {
  readonly status: Exclude<OrderStatus, 'queued'>;
  /** 13-digit FCN from the CLETS acknowledgement. */
  readonly fcn?: string;
  readonly rejectCode?: string;
  readonly rejectReason?: string;
  /** Only apply when the order is still at this version (a modification may have overtaken). */
  readonly expectedVersion?: number;
  readonly detail?: Record<string, unknown>;
};

/**
 * Records a status change (and FCN / reject reason) with a history event and a change-log row,
 * in one transaction, so workstations see it on their next pull. Returns the new version seen.
 */
export async function setOrderStatus(
  db: Db,
  orderId: string,
  update: StatusUpdate,
): Promise<{ version: number; status: OrderStatus }> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ court_ori: string; version: number }>(
      'SELECT court_ori, version FROM orders WHERE order_id = $1 FOR UPDATE',
      [orderId],
    );
    const row = rows[0];
    if (!row)
      throw new RegistryError(404, 'order-not-found', `No order ${orderId} at the registry.`);
    if (update.expectedVersion !== undefined && update.expectedVersion !== row.version) {
      throw new RegistryError(
        409,
        'version-conflict',
        `Order ${orderId} is at version ${row.version}, not ${update.expectedVersion}.`,
      );
    }
    await tx.query(
      `UPDATE orders SET status = $2::text, status_at = now(), updated_at = now(),
         fcn = COALESCE($3::text, fcn),
         reject_code = CASE WHEN $2::text = 'rejected' THEN $4::text ELSE NULL END,
         reject_reason = CASE WHEN $2::text = 'rejected' THEN $5::text ELSE NULL END
       WHERE order_id = $1`,
      [
        orderId,
        update.status,
        update.fcn ?? null,
        update.rejectCode ?? null,
        update.rejectReason ?? null,
      ],
    );
    await addEvent(tx, orderId, row.version, `status:${update.status}`, update.status, {
      ...(update.fcn ? { fcn: update.fcn } : {}),
      ...(update.rejectCode ? { rejectCode: update.rejectCode } : {}),
      ...(update.rejectReason ? { rejectReason: update.rejectReason } : {}),
      ...update.detail,
    });
    await recordChange(tx, row.court_ori, 'order', orderId);
    return { version: row.version, status: update.status };
  });
}
