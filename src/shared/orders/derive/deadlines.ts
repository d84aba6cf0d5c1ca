/**
 * Deadlines that follow from an order: the firearms relinquishment and proof deadlines (24 h
 * and 48 h from service, DV-800 rules) and the renewal window (the last 3 months before expiry,
 * Fam. Code §6345(a)), for the supervisor's deadline queue.
 */
import { COURT_ZONE, toZonedIso } from '../../time/zoned';
import { orderTypeAt } from '../catalog';
import { courtDateOf, instantMs, parseDuration } from '../dates';
import { daysInMonth } from '../../time/dates';
import type { Order } from '../model/order';
import { deriveExpiry, type DeriveOptions } from './expiry';

/** When firearms must be relinquished and proof filed, or null when nothing is due yet. */
export type FirearmDeadlines = { relinquishBy: string; proofBy: string };

/**
 * Deadlines of the order's firearms term, counted from service; null when the order has no
 * firearms or ammunition term or has not been served.
 */
export function firearmDeadlines(order: Pick<Order, 'terms' | 'service'>): FirearmDeadlines | null {
  const term = order.terms.find((t) => t.kind === 'firearms' && (t.firearms || t.ammunition));
  if (!term || term.kind !== 'firearms' || order.service.method === 'not-served') return null;
  const served = instantMs(order.service.at);
  const at = (hours: number | null): string =>
    toZonedIso(served + (hours ?? 0) * 3_600_000, COURT_ZONE);
  return { relinquishBy: at(term.relinquishWithinHours), proofBy: at(term.proofWithinHours) };
}

/** `date` moved back by whole years and months, clamped to the month's length. */
function monthsBefore(date: string, years: number, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const index = y * 12 + (m - 1) - years * 12 - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The dates between which a renewal may be requested (Pacific wall dates), or null when the
 * type has no renewal or the order does not expire.
 */
export function renewalWindow(
  order: Pick<Order, 'orderType' | 'issuedAt' | 'hearingAt' | 'expiration'>,
  options: DeriveOptions = {},
): { opensOn: string; closesOn: string } | null {
  const entry = orderTypeAt(order.orderType, order.issuedAt);
  if (!entry?.renewal) return null;
  const expiry = deriveExpiry(order, options);
  if (!expiry.ok || expiry.expiresAt === null) return null;
  const d = parseDuration(entry.renewal.window);
  const closesOn = courtDateOf(expiry.expiresAt);
  const back = monthsBefore(closesOn, d.years, d.months);
  const opensOn = d.days
    ? new Date(Date.parse(`${back}T00:00:00Z`) - d.days * 86_400_000).toISOString().slice(0, 10)
    : back;
  return { opensOn, closesOn };
}
