/**
 * CLETS deadlines (Fam. Code §6380: within one business day): which open transactions are at
 * risk (due within 4 court hours) and which are overdue, counted in court days and court hours so
 * a weekend or a holiday does not inflate the figures. Pure; the clock is passed in.
 */
import { courtHoursUntil, nextCourtDay } from '../../shared/calendar';
import { toZonedIso, zonedDateOf } from '../../shared/time';

/** Court hours before the due-by at which a transaction is "at risk" (R-SYNC-16: alert at 4). */
export const AT_RISK_COURT_HOURS = 4;

/** An open (not yet acknowledged or rejected) CLETS transaction. */
export type OpenTransaction = {
  readonly transactionId: number;
  readonly orderId: string;
  readonly caseNumber: string;
  readonly event: string;
  /** pending: waiting for the relay; sending: message id recorded, not yet answered. */
  readonly state: 'pending' | 'sending';
  readonly eventAt: string;
  /** End of the next court day after the event, with its offset (cletsDueBy). */
  readonly dueBy: string;
  readonly messageId: string | null;
};

/** An open transaction still in time but with little of it left. */
export type AtRiskItem = OpenTransaction & { readonly courtHoursLeft: number };

/** An open transaction past its due-by. */
export type OverdueItem = OpenTransaction & {
  /** Court days since the due-by, counting today when it is one (Mon after a Friday due-by = 1). */
  readonly courtDaysOverdue: number;
  /** Court hours (08:00–17:00 on court days) since the due-by. */
  readonly courtHoursOverdue: number;
};

/** The deadline lists. */
export type DeadlineLists = {
  readonly now: string;
  readonly atRisk: readonly AtRiskItem[];
  readonly overdue: readonly OverdueItem[];
};

/** Court days after `dueDate` up to and including `today`. */
export function courtDaysBetween(
  dueDate: string,
  today: string,
  closures?: readonly string[],
): number {
  let n = 0;
  for (let d = nextCourtDay(dueDate, closures); d <= today; d = nextCourtDay(d, closures)) n += 1;
  return n;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Splits open transactions into at-risk and overdue at `now` (others are on time). */
export function classifyDeadlines(
  open: readonly OpenTransaction[],
  now: Date,
  closures?: readonly string[],
): DeadlineLists {
  const nowIso = toZonedIso(now.getTime());
  const today = zonedDateOf(nowIso);
  const atRisk: AtRiskItem[] = [];
  const overdue: OverdueItem[] = [];
  for (const t of open) {
    const due = Date.parse(t.dueBy);
    if (due <= now.getTime()) {
      overdue.push({
        ...t,
        courtDaysOverdue: courtDaysBetween(zonedDateOf(t.dueBy), today, closures),
        courtHoursOverdue: round2(courtHoursUntil(t.dueBy, nowIso, closures)),
      });
      continue;
    }
    const left = courtHoursUntil(nowIso, t.dueBy, closures);
    if (left <= AT_RISK_COURT_HOURS) atRisk.push({ ...t, courtHoursLeft: round2(left) });
  }
  atRisk.sort((a, b) => a.courtHoursLeft - b.courtHoursLeft || a.transactionId - b.transactionId);
  overdue.sort(
    (a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy) || a.transactionId - b.transactionId,
  );
  return { now: nowIso, atRisk, overdue };
}
