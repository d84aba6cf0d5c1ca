/**
 * Which orders the courtroom print queue lists: those submitted on one court day (today by
 * default), optionally one department's. Submission times are stored as UTC ISO (v2) or with
 * an offset (backfilled v1 rows), so the index narrows the range and the court date decides.
 */
import type { ClerkDb } from '../../../db/clerkDb';
import type { OrderRow } from '../../../db/rows';
import { addDays, zonedDateOf } from '../../../../shared/time';

/** The filter value for orders whose courtroom was not recorded. */
export const noCourtroom = '(none)';

function courtDate(iso: string): string | null {
  try {
    return zonedDateOf(iso);
  } catch {
    return null;
  }
}

/** Newest first by the instant, not the text: rows mix UTC and offset forms. */
function newestFirst(rows: OrderRow[]): OrderRow[] {
  const ms = (r: OrderRow) => Date.parse(r.submittedAt) || 0;
  return rows.sort((a, b) => ms(b) - ms(a));
}

/** Orders submitted on `date` (court time, YYYY-MM-DD), newest first; `''` lists the latest 200. */
export async function listQueueOrders(db: ClerkDb, date: string): Promise<OrderRow[]> {
  if (date === '') {
    return newestFirst(await db.orders.orderBy('submittedAt').reverse().limit(200).toArray());
  }
  // A day either side covers every offset; the court date then picks the day exactly.
  const rows = await db.orders
    .where('submittedAt')
    .between(addDays(date, -1), addDays(date, 2), true, false)
    .toArray();
  return newestFirst(rows.filter((r) => courtDate(r.submittedAt) === date));
}

/** The rows of one courtroom (`''` for all, `noCourtroom` for those without one). */
export function inCourtroom(rows: readonly OrderRow[], courtroom: string): OrderRow[] {
  if (courtroom === '') return [...rows];
  const want = courtroom === noCourtroom ? '' : courtroom;
  return rows.filter((r) => r.courtroom.trim() === want);
}

/** The courtrooms present, sorted naturally ("Dept 2" before "Dept 10"). */
export function courtroomsOf(rows: readonly OrderRow[]): string[] {
  const names = new Set(rows.map((r) => r.courtroom.trim()).filter((c) => c !== ''));
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Today's date in court time. */
export function courtToday(now: Date = new Date()): string {
  return zonedDateOf(now.toISOString());
}
