/**
 * Recording CLETS's answers: an ACK files the records (enter / modify / clear / cancel by message
 * key) with their FCNs; a REJ stores the reason with the field to fix. Each applies only to a
 * transaction still sending under that message id, so a duplicate answer changes nothing.
 */
import type { Queryable } from '../db/types';
import { lifecycleEvents, type LifecycleEvent, type Order } from '../../shared/orders';
import { addEvent } from '../orders/orderStore';

import { describeReject, type RejectView } from './fieldMap';
import { refreshOrderView } from './orderView';
import type { Outcome } from './types';

/** What an acknowledged record does to this registry's view of CLETS, by message key. */
const RECORD_OP = new Map<string, 'enter' | 'modify' | 'clear' | 'cancel'>(
  lifecycleEvents.map((d) => [d.mke, d.transaction === 'service' ? 'modify' : d.transaction]),
);

/** A clets_transactions row as the relay reads it. */
export type TxRow = {
  id: number;
  order_id: string;
  version: number;
  event: LifecycleEvent;
  state: string;
  problem: { path: string; message: string } | null;
  order_snapshot: Order | null;
  message_id: string | null;
  record_keys: string[] | null;
  mkes: string[] | null;
  identities: unknown[] | null;
};

/** Marks a sending or pending transaction rejected, with the clerk view, and logs it. */
export async function finishRejected(tx: Queryable, t: TxRow, view: RejectView): Promise<void> {
  await tx.query(
    `UPDATE clets_transactions SET state = 'rejected', reject = $2::jsonb, finished_at = now() WHERE id = $1`,
    [t.id, JSON.stringify(view)],
  );
  await addEvent(tx, t.order_id, t.version, 'clets:rejected', null, {
    transactionId: t.id,
    messageId: t.message_id,
    event: t.event,
    code: view.code,
    tag: view.tag,
    field: view.field,
  });
}

/** Applies one answer if its transaction is still sending under that message id. */
export async function recordOutcome(tx: Queryable, o: Outcome): Promise<boolean> {
  // Locks the order row with the transaction: everything about one order is serialised.
  const rows = await tx.query<TxRow>(
    `SELECT t.id, t.order_id, t.version, t.event, t.state, t.message_id, t.record_keys, t.mkes,
       t.identities
     FROM clets_transactions t JOIN orders o ON o.order_id = t.order_id
     WHERE t.id = $1 FOR UPDATE OF o, t`,
    [o.transactionId],
  );
  const t = rows[0];
  if (!t || t.state !== 'sending' || t.message_id !== o.messageId) return false;
  const keys = t.record_keys ?? [];
  const a = o.answer;
  if (a.kind === 'ACK' && a.fcns.length === keys.length) {
    await fileRecords(
      tx,
      t.order_id,
      keys.map((key, i) => ({
        key,
        op: RECORD_OP.get(t.mkes?.[i] ?? '') ?? 'modify',
        fcn: a.fcns[i] as string,
        identity: t.identities?.[i] ?? [],
      })),
    );
    await tx.query(
      `UPDATE clets_transactions SET state = 'acknowledged', fcns = $2::text[], finished_at = now() WHERE id = $1`,
      [t.id, a.fcns],
    );
    await addEvent(tx, t.order_id, t.version, 'clets:acknowledged', null, {
      transactionId: t.id,
      messageId: t.message_id,
      event: t.event,
      fcns: a.fcns,
    });
  } else {
    const view =
      a.kind === 'REJ'
        ? describeReject({ code: a.code, text: a.text, tag: a.tag, record: a.record })
        : describeReject({
            code: 'FMT',
            text: `CLETS answered ${a.fcns.length} FCN(s) for ${keys.length} record(s)`,
            tag: null,
            record: 0,
          });
    await finishRejected(tx, t, view);
  }
  await refreshOrderView(tx, t.order_id);
  return true;
}

type Filed = {
  key: string;
  op: 'enter' | 'modify' | 'clear' | 'cancel';
  fcn: string;
  identity: unknown;
};

/** Files acknowledged records: entries and modifications upserted, clears and cancels marked. */
async function fileRecords(
  tx: Queryable,
  orderId: string,
  records: readonly Filed[],
): Promise<void> {
  const upserts = records.filter((r) => r.op === 'enter' || r.op === 'modify');
  const ends = records
    .filter((r) => r.op === 'clear' || r.op === 'cancel')
    .map((r) => ({ key: r.key, state: r.op === 'clear' ? 'cleared' : 'cancelled' }));
  if (upserts.length > 0) {
    await tx.query(
      `INSERT INTO clets_records (order_id, record_key, fcn, state, identity)
       SELECT $1, x.key, x.fcn, 'active', x.identity
       FROM jsonb_to_recordset($2::jsonb) AS x(key text, fcn text, identity jsonb)
       ON CONFLICT (order_id, record_key) DO UPDATE
         SET fcn = EXCLUDED.fcn, state = 'active', identity = EXCLUDED.identity, updated_at = now()`,
      [orderId, JSON.stringify(upserts.map(({ key, fcn, identity }) => ({ key, fcn, identity })))],
    );
  }
  if (ends.length > 0) {
    await tx.query(
      `UPDATE clets_records r SET state = x.state, updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS x(key text, state text)
       WHERE r.order_id = $1 AND r.record_key = x.key`,
      [orderId, JSON.stringify(ends)],
    );
  }
}
