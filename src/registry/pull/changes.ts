/**
 * The pull feed: `GET /v1/changes?cursor=…&limit=…` for the device's court.
 *
 * Why not `WHERE change_id > cursor`: sequence values are handed out when a row is inserted, but
 * transactions commit in a different order, so a reader can pass id 7 while id 5 is still
 * uncommitted — and never see 5 (reliability-security.md R-SYNC-11). Instead every change row
 * carries its writer's transaction id (xid8), and a pull only returns rows whose xid is below
 * `pg_snapshot_xmin(pg_current_snapshot())`, the oldest transaction still running. Every
 * transaction below that horizon has finished, so nothing can appear below it later. Rows are
 * ordered by (xid, change_id) and the cursor is the last (xid, change_id) returned:
 * - a transaction still running when we read has xid ≥ horizon > every xid returned;
 * - a transaction that starts later gets a larger xid than any returned.
 * Either way its rows sort after the cursor. A long-running transaction delays the feed; it can
 * never make it skip.
 */
import type { Db } from '../db/types';
import { RegistryError } from '../errors';
import type { OrderCletsView } from '../relay/orderView';
import type { PersonRef, ReviewView } from '../review/reviewView';

/** Current state of an order as the feed and GET /v1/orders/:id send it. */
export type OrderState = {
  readonly orderId: string;
  readonly courtOri: string;
  readonly version: number;
  readonly status: string;
  readonly statusAt: string;
  readonly fcn: string | null;
  readonly rejectCode: string | null;
  readonly rejectReason: string | null;
  readonly payloadHash: string;
  readonly updatedAt: string;
  readonly order: unknown;
  /** The CLETS relay's view: FCNs, due-by, rejection with the field to fix (relay/orderView.ts). */
  readonly clets: OrderCletsView | null;
  /** The supervisors' review of the order (returned, awaiting approval, …; src/registry/review). */
  readonly review: ReviewView | null;
  /** Who keyed the order (the actor of its first version), when known. */
  readonly keyedBy: PersonRef | null;
};

/** A proof of service as the feed sends it. */
export type ServiceState = {
  readonly recordId: string;
  readonly orderId: string;
  readonly createdAt: string;
  readonly record: unknown;
};

/** One entry of the feed: the current state of one changed entity. */
export type ChangeItem =
  | {
      readonly changeId: number;
      readonly entity: 'order';
      readonly id: string;
      readonly order: OrderState;
    }
  | {
      readonly changeId: number;
      readonly entity: 'service';
      readonly id: string;
      readonly service: ServiceState;
    };

/** One answer of GET /v1/changes. */
export type ChangesPage = {
  readonly changes: readonly ChangeItem[];
  /** Pass back as `cursor` on the next pull. Opaque; never parse it. */
  readonly cursor: string;
  /** True when the page was full: pull again at once. */
  readonly hasMore: boolean;
};

type Position = { xid: string; changeId: number };

const START: Position = { xid: '0', changeId: 0 };

/** Encodes a feed position as an opaque cursor string. */
export function encodeCursor(p: Position): string {
  return `v1.${p.xid}.${p.changeId}`;
}

/** Parses a cursor; an empty one means "from the start". Throws 400 on anything else. */
export function decodeCursor(cursor: string | undefined): Position {
  if (cursor === undefined || cursor === '') return START;
  const m = /^v1\.(\d{1,20})\.(\d{1,16})$/.exec(cursor);
  if (!m) {
    throw new RegistryError(
      400,
      'cursor-invalid',
      'This cursor is not one the registry issued; pull again without a cursor to resynchronise from the start.',
      { resync: true },
    );
  }
  return { xid: m[1] ?? '0', changeId: Number(m[2]) };
}

const ORDER_COLUMNS = `order_id, court_ori, version, status, status_at, fcn, reject_code, reject_reason,
  payload_hash, updated_at, payload, clets, review, keyed_by`;

type OrderRow = {
  order_id: string;
  court_ori: string;
  version: number;
  status: string;
  status_at: Date;
  fcn: string | null;
  reject_code: string | null;
  reject_reason: string | null;
  payload_hash: string;
  updated_at: Date;
  payload: unknown;
  clets: OrderCletsView | null;
  review: ReviewView | null;
  keyed_by: PersonRef | null;
};

/** Maps an orders row to the wire shape. */
export function orderState(r: OrderRow): OrderState {
  return {
    orderId: r.order_id,
    courtOri: r.court_ori,
    version: r.version,
    status: r.status,
    statusAt: r.status_at.toISOString(),
    fcn: r.fcn,
    rejectCode: r.reject_code,
    rejectReason: r.reject_reason,
    payloadHash: r.payload_hash,
    updatedAt: r.updated_at.toISOString(),
    order: r.payload,
    clets: r.clets ?? null,
    review: r.review ?? null,
    keyedBy: r.keyed_by ?? null,
  };
}

/** Reads one order of a court (undefined when absent or another court's). */
export async function readOrder(
  db: Db,
  courtOri: string,
  orderId: string,
): Promise<OrderState | undefined> {
  const rows = await db.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE order_id = $1 AND court_ori = $2`,
    [orderId, courtOri],
  );
  return rows[0] ? orderState(rows[0]) : undefined;
}

/** One page of the court's feed after `cursor`. */
export async function pullChanges(
  db: Db,
  courtOri: string,
  cursor: string | undefined,
  limit: number,
): Promise<ChangesPage> {
  const from = decodeCursor(cursor);
  if (from.xid !== '0') {
    // A real cursor's xid is below every xid the database will hand out from now on. One
    // beyond the next xid means the database was restored or replaced: resynchronise.
    const next = await db.query<{ ahead: boolean }>(
      'SELECT $1::text::xid8 >= pg_snapshot_xmax(pg_current_snapshot()) AS ahead',
      [from.xid],
    );
    if (next[0]?.ahead) {
      throw new RegistryError(
        400,
        'cursor-invalid',
        'This cursor is ahead of the registry’s history (its database was restored or replaced); pull again without a cursor to resynchronise from the start.',
        { resync: true },
      );
    }
  }
  const rows = await db.query<{
    change_id: number;
    xid: string;
    entity: string;
    entity_id: string;
  }>(
    `SELECT c.change_id, c.xid::text AS xid, c.entity, c.entity_id
     FROM changes c
     WHERE c.court_ori = $1
       AND c.xid < pg_snapshot_xmin(pg_current_snapshot())
       AND (c.xid, c.change_id) > ($2::text::xid8, $3::bigint)
     ORDER BY c.xid, c.change_id
     LIMIT $4`,
    [courtOri, from.xid, from.changeId, limit],
  );
  const last = rows[rows.length - 1];
  const next = last ? { xid: last.xid, changeId: last.change_id } : from;

  // Current state of each entity named on this page (a later change resends it again).
  const orderIds = [...new Set(rows.filter((r) => r.entity === 'order').map((r) => r.entity_id))];
  const serviceIds = [
    ...new Set(rows.filter((r) => r.entity === 'service').map((r) => r.entity_id)),
  ];
  const orders = new Map<string, OrderState>();
  if (orderIds.length > 0) {
    const found = await db.query<OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE order_id = ANY($1::text[]) AND court_ori = $2`,
      [orderIds, courtOri],
    );
    for (const r of found) orders.set(r.order_id, orderState(r));
  }
  const services = new Map<string, ServiceState>();
  if (serviceIds.length > 0) {
    const found = await db.query<{
      record_id: string;
      order_id: string;
      created_at: Date;
      payload: unknown;
    }>(
      `SELECT record_id, order_id, created_at, payload FROM service_records
       WHERE record_id = ANY($1::text[]) AND court_ori = $2`,
      [serviceIds, courtOri],
    );
    for (const r of found) {
      services.set(r.record_id, {
        recordId: r.record_id,
        orderId: r.order_id,
        createdAt: r.created_at.toISOString(),
        record: r.payload,
      });
    }
  }
  // Send each entity once per page, at its last change on the page.
  const lastIndex = new Map<string, number>();
  rows.forEach((r, i) => lastIndex.set(`${r.entity}:${r.entity_id}`, i));
  const changes: ChangeItem[] = [];
  rows.forEach((r, i) => {
    if (lastIndex.get(`${r.entity}:${r.entity_id}`) !== i) return;
    if (r.entity === 'order') {
      const order = orders.get(r.entity_id);
      if (order) changes.push({ changeId: r.change_id, entity: 'order', id: r.entity_id, order });
    } else if (r.entity === 'service') {
      const service = services.get(r.entity_id);
      if (service)
        changes.push({ changeId: r.change_id, entity: 'service', id: r.entity_id, service });
    }
  });
  return { changes, cursor: encodeCursor(next), hasMore: rows.length === limit };
}
