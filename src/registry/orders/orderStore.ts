/**
 * Writes orders and their search keys, the order history and the change log. Every write runs
 * inside the caller's transaction, so a push's order, keys, change row, ledger row and the
 * device's lastSeq commit together or not at all.
 */
import type { Queryable } from '../db/types';
import type { OrderKeys } from '../search/searchKeys';

/** Appends a row to the pull feed; its xid column records this transaction's id. */
export async function recordChange(
  tx: Queryable,
  courtOri: string,
  entity: 'order' | 'service',
  entityId: string,
): Promise<void> {
  await tx.query('INSERT INTO changes (court_ori, entity, entity_id) VALUES ($1, $2, $3)', [
    courtOri,
    entity,
    entityId,
  ]);
}

/** Replaces an order's search keys (used when an order is modified). */
async function replaceKeys(
  tx: Queryable,
  keys: OrderKeys,
  pageHashes: readonly string[],
): Promise<void> {
  await tx.query('DELETE FROM order_names WHERE order_id = $1', [keys.orderId]);
  await tx.query('DELETE FROM order_licences WHERE order_id = $1', [keys.orderId]);
  if (keys.names.length > 0) {
    // One statement for all names: unnest of parallel arrays (PostgreSQL 15 has no json_table).
    await tx.query(
      `WITH t AS (
         SELECT * FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[]) AS t(r, i, l, f, d1, d2, b, k)
       ), d AS (
         INSERT INTO name_dictionary (last_fold, dm1, dm2, edit_keys)
         SELECT DISTINCT ON (l) l, d1, d2, string_to_array(k, ' ') FROM t ORDER BY l
         ON CONFLICT (last_fold) DO NOTHING
       )
       INSERT INTO order_names (order_id, court_ori, role, person_index, last_fold, first_fold,
         dm1, dm2, dob, edit_keys)
       SELECT $1, $2, r, i, l, f, d1, d2, b::date, string_to_array(k, ' ') FROM t`,
      [
        keys.orderId,
        keys.courtOri,
        keys.names.map((n) => n.role),
        keys.names.map((n) => n.personIndex),
        keys.names.map((n) => n.lastFold),
        keys.names.map((n) => n.firstFold),
        keys.names.map((n) => n.dm1),
        keys.names.map((n) => n.dm2),
        keys.names.map((n) => n.dob),
        keys.names.map((n) => n.editKeys.join(' ')),
      ],
    );
  }
  if (keys.licences.length > 0) {
    await tx.query(
      `INSERT INTO order_licences (order_id, court_ori, number_key, state)
       SELECT $1, $2, k, s FROM unnest($3::text[], $4::text[]) AS t(k, s)`,
      [
        keys.orderId,
        keys.courtOri,
        keys.licences.map((l) => l.numberKey),
        keys.licences.map((l) => l.state),
      ],
    );
  }
  if (pageHashes.length > 0) {
    // The court that files an order may read its pages from now on.
    await tx.query(
      `INSERT INTO page_courts (sha256, court_ori) SELECT h, $2 FROM unnest($1::text[]) AS t(h)
       ON CONFLICT DO NOTHING`,
      [pageHashes, keys.courtOri],
    );
  }
}

/** Everything needed to write one order version. */
export type OrderWrite = {
  readonly keys: OrderKeys;
  readonly payload: unknown;
  readonly payloadHash: string;
  /** SHA-256 ids of the order's page images (already uploaded and verified). */
  readonly pageHashes: readonly string[];
  readonly deviceId: string;
  readonly seq: number;
};

/** The name, licence and page arrays that the INSERT statements unnest (parallel arrays). */
function keyArrays(keys: OrderKeys, pageHashes: readonly string[]): unknown[] {
  return [
    keys.names.map((n) => n.role),
    keys.names.map((n) => n.personIndex),
    keys.names.map((n) => n.lastFold),
    keys.names.map((n) => n.firstFold),
    keys.names.map((n) => n.dm1),
    keys.names.map((n) => n.dm2),
    keys.names.map((n) => n.dob),
    // Edit keys travel as one space-separated text per name (unnest cannot take ragged
    // arrays; keys never contain spaces because foldName's spaces are dropped from them).
    keys.names.map((n) => n.editKeys.join(' ')),
    keys.licences.map((l) => l.numberKey),
    keys.licences.map((l) => l.state),
    pageHashes,
  ];
}

/**
 * Inserts a new order with its search keys, history event, page grants and change-log row in
 * ONE statement (data-modifying CTEs, PostgreSQL 9.1+): a push applies hundreds of orders per
 * batch and each round trip costs. Returns false (writing nothing) when the id already exists.
 */
export async function insertOrder(tx: Queryable, w: OrderWrite): Promise<boolean> {
  const k = w.keys;
  const rows = await tx.query(
    `WITH o AS (
       INSERT INTO orders (order_id, court_ori, version, payload, payload_hash, order_type,
         case_number, case_key, restrained_last, restrained_first, restrained_dob, device_id, seq)
       VALUES ($1, $2, 1, $3::jsonb, $4, $5, $6, $7, $8, $9, $10::date, $11, $12)
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id, court_ori
     ), n AS (
       INSERT INTO order_names (order_id, court_ori, role, person_index, last_fold, first_fold,
         dm1, dm2, dob, edit_keys)
       SELECT o.order_id, o.court_ori, r, i, l, f, d1, d2, b::date,
         string_to_array(ek, ' ')
       FROM o, unnest($14::text[], $15::int[], $16::text[], $17::text[], $18::text[],
         $19::text[], $20::text[], $21::text[]) AS t(r, i, l, f, d1, d2, b, ek)
     ), dict AS (
       INSERT INTO name_dictionary (last_fold, dm1, dm2, edit_keys)
       SELECT DISTINCT ON (dl) dl, dd1, dd2, string_to_array(dek, ' ')
       FROM unnest($16::text[], $18::text[], $19::text[], $21::text[]) AS t(dl, dd1, dd2, dek)
       ORDER BY dl
       ON CONFLICT (last_fold) DO NOTHING
     ), li AS (
       INSERT INTO order_licences (order_id, court_ori, number_key, state)
       SELECT o.order_id, o.court_ori, lk, ls FROM o, unnest($22::text[], $23::text[]) AS t(lk, ls)
     ), pc AS (
       INSERT INTO page_courts (sha256, court_ori)
       SELECT h, o.court_ori FROM o, unnest($24::text[]) AS t(h) ON CONFLICT DO NOTHING
     ), ev AS (
       INSERT INTO order_events (order_id, version, event, status, detail)
       SELECT o.order_id, 1, 'submitted', 'at_registry', $13::jsonb FROM o
     ), ch AS (
       INSERT INTO changes (court_ori, entity, entity_id)
       SELECT o.court_ori, 'order', o.order_id FROM o
     )
     SELECT order_id FROM o`,
    [
      k.orderId,
      k.courtOri,
      JSON.stringify(w.payload),
      w.payloadHash,
      k.orderType,
      k.caseNumber,
      k.caseKey,
      k.restrainedLast,
      k.restrainedFirst,
      k.restrainedDob,
      w.deviceId,
      w.seq,
      JSON.stringify({ deviceId: w.deviceId, seq: w.seq }),
      ...keyArrays(k, w.pageHashes),
    ],
  );
  return rows.length > 0;
}

/** Replaces an order's content with a new version (a modification goes to CLETS again). */
export async function updateOrder(tx: Queryable, w: OrderWrite, newVersion: number): Promise<void> {
  const k = w.keys;
  await tx.query(
    `UPDATE orders SET version = $2, payload = $3::jsonb, payload_hash = $4, order_type = $5,
       case_number = $6, case_key = $7, restrained_last = $8, restrained_first = $9,
       restrained_dob = $10::date, device_id = $11, seq = $12, status = 'at_registry',
       status_at = now(), reject_code = NULL, reject_reason = NULL, updated_at = now()
     WHERE order_id = $1`,
    [
      k.orderId,
      newVersion,
      JSON.stringify(w.payload),
      w.payloadHash,
      k.orderType,
      k.caseNumber,
      k.caseKey,
      k.restrainedLast,
      k.restrainedFirst,
      k.restrainedDob,
      w.deviceId,
      w.seq,
    ],
  );
  await replaceKeys(tx, k, w.pageHashes);
  await addEvent(tx, k.orderId, newVersion, 'modified', 'at_registry', {
    deviceId: w.deviceId,
    seq: w.seq,
  });
  await recordChange(tx, k.courtOri, 'order', k.orderId);
}

/** Appends to an order's history. */
export async function addEvent(
  tx: Queryable,
  orderId: string,
  version: number,
  event: string,
  status: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.query(
    `INSERT INTO order_events (order_id, version, event, status, detail) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [orderId, version, event, status, JSON.stringify(detail)],
  );
}
