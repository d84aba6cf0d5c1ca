/**
 * Which order officers enforce when several cover the same parties (domain.md §5.3; Pen. Code
 * §136.2, Fam. Code §§6383(h)(2), 6405(b)):
 *   1. an EPO that is more restrictive than every other order in force;
 *   2. otherwise a no-contact order;
 *   3. otherwise, with criminal orders in force, the criminal order issued last;
 *   4. otherwise the civil order issued last.
 * The caller passes orders it found for the same parties; this ranks those in force.
 */
import { orderTypeAt } from '../catalog';
import { instantMs } from '../dates';
import type { Order } from '../model/order';
import type { DeriveOptions } from './expiry';
import { deriveExpiry } from './expiry';

/** One ranked order with the reason for its place. */
export type RankedOrder = { id: string; orderType: string; caseNumber: string; reason: string };

/** The governing order (null when none is in force), the full ranking and a summary. */
export type PriorityResult = {
  governingId: string | null;
  ranking: RankedOrder[];
  notInForce: { id: string; reason: string }[];
  explanation: string;
};

type Restrictions = { noContact: boolean; moveOut: boolean; yards: number; firearms: boolean };

function restrictionsOf(order: Order): Restrictions {
  let yards = 0;
  for (const t of order.terms) if (t.kind === 'stay-away') yards = Math.max(yards, t.yards);
  return {
    noContact: order.terms.some((t) => t.kind === 'no-contact'),
    moveOut: order.terms.some((t) => t.kind === 'move-out'),
    yards,
    firearms: order.terms.some((t) => t.kind === 'firearms' && (t.firearms || t.ammunition)),
  };
}

/** True when `a` restricts at least as much as `b` everywhere and more somewhere. */
function moreRestrictive(a: Restrictions, b: Restrictions): boolean {
  const atLeast =
    (a.noContact || !b.noContact) &&
    (a.moveOut || !b.moveOut) &&
    a.yards >= b.yards &&
    (a.firearms || !b.firearms);
  const more =
    (a.noContact && !b.noContact) ||
    (a.moveOut && !b.moveOut) ||
    a.yards > b.yards ||
    (a.firearms && !b.firearms);
  return atLeast && more;
}

function inForce(order: Order, atMs: number, options: DeriveOptions): string | null {
  if (order.status !== 'active') return `status is ${order.status}`;
  if (instantMs(order.issuedAt) > atMs) return 'not yet issued';
  const expiry = deriveExpiry(order, options);
  if (!expiry.ok) return `expiry unknown: ${expiry.message}`;
  if (expiry.expiresAt !== null && instantMs(expiry.expiresAt) <= atMs) {
    return `expired ${expiry.expiresAt}`;
  }
  return null;
}

const label = (o: Order): string => `${o.orderType} (case ${o.caseNumber})`;

/**
 * Ranks the orders in force at `at` (default now) for enforcement, first = governs, with the
 * reason for each place and a one-paragraph explanation for the clerk or officer.
 */
export function enforcementPriority(
  orders: readonly Order[],
  options: DeriveOptions & { at?: string } = {},
): PriorityResult {
  const atMs = options.at ? instantMs(options.at) : Date.now();
  const notInForce: { id: string; reason: string }[] = [];
  const live: Order[] = [];
  for (const o of orders) {
    const why = inForce(o, atMs, options);
    if (why) notInForce.push({ id: o.id, reason: `${label(o)}: ${why}` });
    else live.push(o);
  }
  const isCriminal = (o: Order): boolean =>
    orderTypeAt(o.orderType, o.issuedAt)?.jurisdiction === 'criminal';
  const cache = new Map(live.map((o) => [o.id, restrictionsOf(o)]));
  const restr = (o: Order): Restrictions => cache.get(o.id) ?? restrictionsOf(o);
  const epoWins = (o: Order): boolean =>
    orderTypeAt(o.orderType, o.issuedAt)?.family === 'EPO' &&
    live.length > 1 &&
    live.every((other) => other === o || moreRestrictive(restr(o), restr(other)));
  const tier = (o: Order): number => {
    if (epoWins(o)) return 0;
    if (restr(o).noContact) return isCriminal(o) ? 1 : 2;
    return isCriminal(o) ? 3 : 4;
  };
  const reasons = [
    'EPO more restrictive than every other order in force: it has precedence (Fam. Code §6383(h)(2)).',
    'No-contact order; criminal, so it comes before civil no-contact orders.',
    'No-contact order (a no-contact order beats orders without one).',
    'Criminal order; with criminal orders in force the latest criminal order governs.',
    'Civil order; among civil orders the one issued last governs.',
  ];
  const ranked = [...live].sort(
    (a, b) => tier(a) - tier(b) || instantMs(b.issuedAt) - instantMs(a.issuedAt),
  );
  const ranking = ranked.map((o) => ({
    id: o.id,
    orderType: o.orderType,
    caseNumber: o.caseNumber,
    reason: reasons[tier(o)] ?? '',
  }));
  const first = ranked[0];
  const explanation = first
    ? `${label(first)} issued ${first.issuedAt} governs. ${reasons[tier(first)] ?? ''}${ranked.length > 1 ? ` It ranks above ${ranked.slice(1).map(label).join(', ')}.` : ''}`
    : 'No order covering these parties is in force.';
  return { governingId: first?.id ?? null, ranking, notInForce, explanation };
}
