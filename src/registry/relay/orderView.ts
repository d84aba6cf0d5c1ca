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
  due_ms: number;
  fcns: string[] | null;
  reject: RejectView | null;
};

const OPEN = new Set(['pending', 'sending']);
const ANSWERED = new Set(['acknowledged', 'rejected']);

/** Recomputes the order's CLETS status inside `tx`; returns true when anything changed. */
export async function refreshOrderView(tx: Queryable, orderId: string): Promise<boolean> {
  // One round trip: the order (locked), its transactions, unplanned changes and records on file.
  const orders = await tx.query<{
    court_ori: string;
    status: string;
    fcn: string | null;
    reject_code: string | null;
    reject_reason: string | null;
    clets: OrderCletsView | null;
    unplanned: number;
    fcns: string[];
    txs: TxRow[];
  }>(
    `SELECT o.court_ori, o.status, o.fcn, o.reject_code, o.reject_reason, o.clets,
       (SELECT count(*)::int FROM clets_events e WHERE e.order_id = o.order_id AND NOT e.planned)
         AS unplanned,
       COALESCE((SELECT json_agg(r.fcn ORDER BY r.fcn) FROM clets_records r
                 WHERE r.order_id = o.order_id AND r.state = 'active'), '[]'::json) AS fcns,
       COALESCE((SELECT json_agg(json_build_object('id', t.id, 'event', t.event,
                   'state', t.state, 'message_id', t.message_id, 'due_by', t.due_by,
                   'due_ms', extract(epoch FROM t.due_at) * 1000, 'fcns', t.fcns,
                   'reject', t.reject) ORDER BY t.id)
                 FROM clets_transactions t WHERE t.order_id = o.order_id), '[]'::json) AS txs
     FROM orders o WHERE o.order_id = $1 FOR UPDATE OF o`,
    [orderId],
  );
  const order = orders[0];
  if (!order) return false;
  const txs = order.txs;
  const open = txs.filter((t) => OPEN.has(t.state));
  const waiting = open.length + order.unplanned;
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
  const fcns = order.fcns;
  const dueOpen = [...open].sort((a, b) => a.due_ms - b.due_ms)[0];
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
  // The update and its pull-feed change row in one statement.
  await tx.query(
    `WITH u AS (
       UPDATE orders SET status = $2::text, fcn = $3, reject_code = $4, reject_reason = $5,
         clets = $6::jsonb, updated_at = now(),
         status_at = CASE WHEN status = $2::text THEN status_at ELSE now() END
       WHERE order_id = $1 RETURNING court_ori)
     INSERT INTO changes (court_ori, entity, entity_id) SELECT court_ori, 'order', $1 FROM u`,
    [orderId, status, fcn, rejectCode, rejectReason, JSON.stringify(view)],
  );
  return true;
}
