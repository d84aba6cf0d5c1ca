/**
 * Keeps an order's CLETS status in the orders row (status, fcn, reject_code, reject_reason and
 * the `clets` column) in step with its transactions, and adds a pull-feed change when it moves,
 * so workstations see acknowledgements and rejections on their next pull.
 *
 * Status rule: anything waiting → at_registry (not yet handed to CLETS) or sent_to_clets (a
 * message id is recorded); otherwise the latest answered content change (entry, modification,
 * clear, cancel) and the latest answered service decide: either rejected → rejected (with the
 * reason and field to fix), else acknowledged.
 */
import { canonicalJson } from '../client/canonicalJson';
import type { Queryable } from '../db/types';
import { recordChange } from '../orders/orderStore';

import type { RejectView } from './fieldMap';

/** The relay's view of an order, as the pull feed carries it in `clets`. */
export type OrderCletsView = {
  /** FCNs of the order's records on file at CLETS (one per protected person). */
  readonly fcns: readonly string[];
  /** Earliest due-by of the transactions still open, or null. */
  readonly dueBy: string | null;
  /** Transactions not answered yet. */
  readonly open: number;
  /** The rejection the clerk must act on, or null. */
  readonly reject: RejectView | null;
  /** The latest transactions, newest last. */
  readonly transactions: readonly {
    readonly id: number;
    readonly event: string;
    readonly state: string;
    readonly messageId: string | null;
    readonly dueBy: string;
    readonly fcns: readonly string[] | null;
    readonly rejectCode: string | null;
  }[];
};

type TxRow = {
  id: number;
  event: string;
  state: string;
  message_id: string | null;
  due_by: string;
  due_at: Date;
  fcns: string[] | null;
  reject: RejectView | null;
};

const OPEN = new Set(['pending', 'sending']);
const ANSWERED = new Set(['acknowledged', 'rejected']);

/** Recomputes the order's CLETS status inside `tx`; returns true when anything changed. */
export async function refreshOrderView(tx: Queryable, orderId: string): Promise<boolean> {
  const orders = await tx.query<{
    court_ori: string;
    status: string;
    fcn: string | null;
    reject_code: string | null;
    reject_reason: string | null;
    clets: OrderCletsView | null;
  }>(
    `SELECT court_ori, status, fcn, reject_code, reject_reason, clets FROM orders WHERE order_id = $1 FOR UPDATE`,
    [orderId],
  );
  const order = orders[0];
  if (!order) return false;
  const txs = await tx.query<TxRow>(
    `SELECT id, event, state, message_id, due_by, due_at, fcns, reject
     FROM clets_transactions WHERE order_id = $1 ORDER BY id`,
    [orderId],
  );
  const unplanned = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM clets_events WHERE order_id = $1 AND NOT planned',
    [orderId],
  );
  const records = await tx.query<{ fcn: string }>(
    `SELECT fcn FROM clets_records WHERE order_id = $1 AND state = 'active' ORDER BY fcn`,
    [orderId],
  );
  const open = txs.filter((t) => OPEN.has(t.state));
  const waiting = open.length + (unplanned[0]?.n ?? 0);
  const answered = txs.filter((t) => ANSWERED.has(t.state));
  const lastContent = [...answered].reverse().find((t) => t.event !== 'served');
  const lastService = [...answered].reverse().find((t) => t.event === 'served');
  const rejected = [lastContent, lastService]
    .filter((t): t is TxRow => t?.state === 'rejected')
    .sort((a, b) => b.id - a.id)[0];
  let status: string;
  if (open.some((t) => t.state === 'sending')) status = 'sent_to_clets';
  else if (waiting > 0) status = 'at_registry';
  else if (rejected) status = 'rejected';
  else if (answered.length > 0) status = 'acknowledged';
  else status = order.status;
  const reject = waiting === 0 && rejected ? rejected.reject : null;
  const fcns = records.map((r) => r.fcn);
  const dueOpen = [...open].sort((a, b) => a.due_at.getTime() - b.due_at.getTime())[0];
  const view: OrderCletsView = {
    fcns,
    dueBy: dueOpen?.due_by ?? null,
    open: waiting,
    reject,
    transactions: txs.slice(-10).map((t) => ({
      id: t.id,
      event: t.event,
      state: t.state,
      messageId: t.message_id,
      dueBy: t.due_by,
      fcns: t.fcns,
      rejectCode: t.reject?.code ?? null,
    })),
  };
  const fcn = fcns[0] ?? order.fcn;
  const rejectCode = reject?.code ?? null;
  const rejectReason = reject?.message ?? null;
  if (
    status === order.status &&
    fcn === order.fcn &&
    rejectCode === order.reject_code &&
    rejectReason === order.reject_reason &&
    canonicalJson(view) === canonicalJson(order.clets ?? null)
  ) {
    return false;
  }
  await tx.query(
    `UPDATE orders SET status = $2::text, fcn = $3, reject_code = $4, reject_reason = $5,
       clets = $6::jsonb, updated_at = now(),
       status_at = CASE WHEN status = $2::text THEN status_at ELSE now() END
     WHERE order_id = $1`,
    [orderId, status, fcn, rejectCode, rejectReason, JSON.stringify(view)],
  );
  await recordChange(tx, order.court_ori, 'order', orderId);
  return true;
}
