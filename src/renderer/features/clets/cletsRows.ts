/**
 * Which orders keyed here CLETS refused, and what the clerk must fix, as plain data the CLETS
 * panel renders. Pure: the panel reads the rows from Dexie and passes them in.
 */
import type { OrderRow } from '../../db/rows';

/** Statuses that put an order on the clerk's CLETS list (the relay's words mapped locally). */
export const cletsAttentionStatuses: readonly string[] = ['rejected', 'needs-attention'];

/** One line of the CLETS panel. */
export type CletsAttentionRow = {
  readonly orderId: string;
  readonly orderType: string;
  readonly caseNumber: string;
  readonly restrainedName: string;
  readonly status: string;
  /** The relay's clerk message, or a plain fallback that still says what to do. */
  readonly reason: string;
  readonly statusAt: string;
};

type Named = { restrained?: { name?: { last?: unknown; first?: unknown } } } | null;

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** "LAST, First" of the restrained person, or '' when the order has none. */
export function restrainedNameOf(order: unknown): string {
  const name = (order as Named)?.restrained?.name;
  const last = text(name?.last);
  const first = text(name?.first);
  if (!last && !first) return '';
  return first ? `${last}, ${first}` : last;
}

/**
 * The orders that need the clerk's correction, oldest refusal first (the one closest to its
 * CLETS deadline is the one to fix first).
 */
export function cletsAttentionRows(orders: readonly OrderRow[]): CletsAttentionRow[] {
  return orders
    .filter((o) => cletsAttentionStatuses.includes(o.status))
    .map((o) => ({
      orderId: o.id,
      orderType: o.orderType,
      caseNumber: o.caseNumber,
      restrainedName: restrainedNameOf(o.order),
      status: o.status,
      reason:
        o.statusReason && o.statusReason.trim() !== ''
          ? o.statusReason
          : 'CLETS refused this order without a reason. Call the CLETS help desk before correcting it.',
      statusAt: o.statusAt ?? o.updatedAt,
    }))
    .sort((a, b) => a.statusAt.localeCompare(b.statusAt) || a.orderId.localeCompare(b.orderId));
}
