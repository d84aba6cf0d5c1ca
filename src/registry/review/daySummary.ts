/**
 * GET /v1/review/day: one court day of a court as the supervisor's Review page, its charts and
 * the daily report need it (src/shared/review/daySummary.ts).
 *
 * Which orders: those the registry received that day (America/Los_Angeles), plus older ones still
 * open — not yet acknowledged, or waiting on a review (returned / awaiting approval) — so nothing
 * a supervisor must act on drops off the page at midnight. Deadlines come from the CLETS
 * calendar: the open transaction's due-by when the relay has one, else the end of the next court
 * day after receipt; court hours left with the shared court-hours rule (negative when overdue);
 * at risk within AT_RISK_COURT_HOURS.
 */
import { cletsDueBy, courtHoursUntil } from '../../shared/calendar';
import type { DaySubmission, DaySummary, ReviewState } from '../../shared/review/daySummary';
import { reviewStateSchema } from '../../shared/review/daySummary';
import { COURT_ZONE, addDays, toZonedIso, zonedDateOf, zonedDateTimeToMs } from '../../shared/time';
import type { Db } from '../db/types';
import { AT_RISK_COURT_HOURS } from '../relay/deadlines';
import type { OrderCletsView } from '../relay/orderView';

import { NO_REVIEW, type PersonRef, type ReviewView } from './reviewView';

type Row = {
  order_id: string;
  case_number: string;
  order_type: string;
  restrained_last: string;
  restrained_first: string;
  keyed_by: PersonRef | null;
  created_at: Date;
  status: string;
  status_at: Date;
  fcn: string | null;
  reject_code: string | null;
  reject_reason: string | null;
  clets: OrderCletsView | null;
  review: ReviewView | null;
};

/** Options: the clock and court closures (tests move the clock; courts add closures). */
export type DaySummaryOptions = {
  readonly now?: Date;
  readonly closures?: readonly string[];
  /** At most this many submissions (newest first beyond it are dropped). Default 2000. */
  readonly limit?: number;
};

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const person = (p: PersonRef | null | undefined): PersonRef | null =>
  p
    ? {
        userId: String(p.userId),
        username: String(p.username),
        ...(p.displayName ? { displayName: String(p.displayName) } : {}),
      }
    : null;

function deadlineOf(r: Row, nowIso: string, nowMs: number, closures?: readonly string[]) {
  if (r.status === 'acknowledged') {
    return { dueBy: null, courtHoursLeft: null, deadline: 'met' as const };
  }
  const receivedIso = toZonedIso(r.created_at.getTime(), COURT_ZONE, true);
  const dueBy = r.clets?.dueBy ?? cletsDueBy(receivedIso, closures);
  const dueMs = Date.parse(dueBy);
  if (dueMs <= nowMs) {
    const over = round2(courtHoursUntil(dueBy, nowIso, closures));
    return { dueBy, courtHoursLeft: -over, deadline: 'overdue' as const };
  }
  const left = round2(courtHoursUntil(nowIso, dueBy, closures));
  return {
    dueBy,
    courtHoursLeft: left,
    deadline: left <= AT_RISK_COURT_HOURS ? ('at-risk' as const) : ('on-time' as const),
  };
}

/** Builds the day summary of `courtOri` for `date` (YYYY-MM-DD, court time). */
export async function buildDaySummary(
  db: Db,
  courtOri: string,
  date: string,
  options: DaySummaryOptions = {},
): Promise<DaySummary> {
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const nowIso = toZonedIso(nowMs, COURT_ZONE, true);
  const start = new Date(zonedDateTimeToMs(date, '00:00', COURT_ZONE));
  const end = new Date(zonedDateTimeToMs(addDays(date, 1), '00:00', COURT_ZONE));
  const rows = await db.query<Row>(
    `SELECT order_id, case_number, order_type, restrained_last, restrained_first, keyed_by,
       created_at, status, status_at, fcn, reject_code, reject_reason, clets, review
     FROM orders
     WHERE court_ori = $1 AND created_at < $3
       AND (created_at >= $2
            OR status IN ('at_registry', 'sent_to_clets', 'rejected')
            OR review->>'state' IN ('returned', 'awaiting-approval'))
     ORDER BY created_at, order_id
     LIMIT $4`,
    [courtOri, start, end, options.limit ?? 2000],
  );
  const statuses = await db.query<{ status: string }>(
    `SELECT status FROM order_statuses WHERE status <> 'queued' ORDER BY position`,
  );
  const counts: Record<string, number> = Object.fromEntries(statuses.map((s) => [s.status, 0]));
  const reviewCounts = Object.fromEntries(reviewStateSchema.options.map((s) => [s, 0])) as Record<
    ReviewState,
    number
  >;
  const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0 }));
  const samples: number[] = [];
  const submissions: DaySubmission[] = rows.map((r) => {
    const review = r.review ?? NO_REVIEW;
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    reviewCounts[review.state] += 1;
    const receivedMs = r.created_at.getTime();
    const receivedAt = toZonedIso(receivedMs, COURT_ZONE, true);
    const ofDay = receivedMs >= start.getTime() && receivedMs < end.getTime();
    if (ofDay) {
      const hour = Number(receivedAt.slice(11, 13));
      const slot = perHour[hour];
      if (slot) slot.count += 1;
    }
    const acknowledgedAt =
      r.status === 'acknowledged' ? toZonedIso(r.status_at.getTime(), COURT_ZONE, true) : null;
    if (acknowledgedAt && ofDay) samples.push(Math.max(0, r.status_at.getTime() - receivedMs));
    const first = r.restrained_first ? `, ${r.restrained_first}` : '';
    return {
      orderId: r.order_id,
      caseNumber: r.case_number,
      orderType: r.order_type,
      restrainedName: `${r.restrained_last.toUpperCase()}${first}`,
      keyedBy: person(r.keyed_by),
      receivedAt,
      status: r.status,
      statusAt: toZonedIso(r.status_at.getTime(), COURT_ZONE, true),
      fcn: r.fcn,
      rejectCode: r.reject_code,
      rejectReason: r.reject_reason,
      rejectedField: r.clets?.reject?.field ?? null,
      ...deadlineOf(r, nowIso, nowMs, options.closures),
      acknowledgedAt,
      review: {
        state: review.state,
        approvalKind: review.approvalKind,
        approvalId: review.state === 'awaiting-approval' ? review.approvalId : null,
        requestedBy: person(review.requestedBy),
        by: person(review.by),
        at: review.at,
        comment: review.comment,
      },
    };
  });
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    courtOri,
    date,
    zone: 'America/Los_Angeles',
    generatedAt: nowIso,
    counts,
    reviewCounts,
    submissions,
    perHour,
    timeToAck: {
      samplesMs: samples,
      p50Ms: percentile(sorted, 50),
      p90Ms: percentile(sorted, 90),
      maxMs: sorted.length > 0 ? (sorted[sorted.length - 1] ?? null) : null,
    },
  };
}

/** Today's court date at `now`. */
export function courtToday(now: Date): string {
  return zonedDateOf(toZonedIso(now.getTime()));
}
