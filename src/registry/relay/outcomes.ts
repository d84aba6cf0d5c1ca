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
  // Lock order: the order row first, then the transaction (as assign does), so no deadlock.
  const owner = await tx.query<{ order_id: string }>(
    'SELECT order_id FROM clets_transactions WHERE id = $1',
    [o.transactionId],
  );
  if (!owner[0]) return false;
  await tx.query('SELECT 1 FROM orders WHERE order_id = $1 FOR UPDATE', [owner[0].order_id]);
  const rows = await tx.query<TxRow>(
    `SELECT id, order_id, version, event, state, message_id, record_keys, mkes, identities
     FROM clets_transactions WHERE id = $1 FOR UPDATE`,
    [o.transactionId],
  );
  const t = rows[0];
  if (!t || t.state !== 'sending' || t.message_id !== o.messageId) return false;
  const keys = t.record_keys ?? [];
  const a = o.answer;
  if (a.kind === 'ACK' && a.fcns.length === keys.length) {
    for (const [i, key] of keys.entries()) {
      await applyRecord(
        tx,
        t.order_id,
        key,
        RECORD_OP.get(t.mkes?.[i] ?? '') ?? 'modify',
        a.fcns[i] as string,
        t.identities?.[i] ?? [],
      );
    }
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

async function applyRecord(
  tx: Queryable,
  orderId: string,
  key: string,
  op: 'enter' | 'modify' | 'clear' | 'cancel',
  fcn: string,
  identity: unknown,
): Promise<void> {
  if (op === 'enter' || op === 'modify') {
    await tx.query(
      `INSERT INTO clets_records (order_id, record_key, fcn, state, identity)
       VALUES ($1, $2, $3, 'active', $4::jsonb)
       ON CONFLICT (order_id, record_key) DO UPDATE
         SET fcn = EXCLUDED.fcn, state = 'active', identity = EXCLUDED.identity, updated_at = now()`,
      [orderId, key, fcn, JSON.stringify(identity)],
    );
  } else {
    await tx.query(
      `UPDATE clets_records SET state = $3, updated_at = now() WHERE order_id = $1 AND record_key = $2`,
      [orderId, key, op === 'clear' ? 'cleared' : 'cancelled'],
    );
  }
}
