/**
 * Fixture day summaries for the review page, charts and report tests (what the registry will
 * answer for `review:get-day`), validated against the shared schema so they stay honest.
 */
import {
  daySummarySchema,
  type DaySubmission,
  type DaySummary,
} from '../../../../src/shared/review/daySummary';

export const COURT = 'CA034999J';
export const DAY = '2026-12-02';

export const clerkRef = { userId: 'u-clerk', username: 'clerk', displayName: 'Casey Clerk' };
export const supervisorRef = {
  userId: 'u-super',
  username: 'supervisor',
  displayName: 'Sam Supervisor',
};

const base: DaySubmission = {
  orderId: 'order-0',
  caseNumber: '26FL000000',
  orderType: 'DV-110',
  restrainedName: 'PARKER, Daniel',
  keyedBy: clerkRef,
  receivedAt: '2026-12-02T17:05:00Z',
  status: 'at_registry',
  statusAt: '2026-12-02T17:05:00Z',
  fcn: null,
  rejectCode: null,
  rejectReason: null,
  rejectedField: null,
  dueBy: '2026-12-04T01:00:00Z',
  courtHoursLeft: 12,
  deadline: 'on-time',
  acknowledgedAt: null,
  review: {
    state: 'none',
    approvalKind: null,
    approvalId: null,
    requestedBy: null,
    by: null,
    at: null,
    comment: null,
  },
};

/** One submission with changes. */
export function submission(
  over: Partial<Omit<DaySubmission, 'review'>> & { review?: Partial<DaySubmission['review']> },
): DaySubmission {
  return { ...base, ...over, review: { ...base.review, ...over.review } };
}

/** The day used across tests: one of each kind a supervisor meets. */
export function fixtureSummary(extra: readonly DaySubmission[] = []): DaySummary {
  const submissions: DaySubmission[] = [
    submission({ orderId: 'o-ontime', caseNumber: '26FL000101' }),
    submission({
      orderId: 'o-atrisk',
      caseNumber: '26FL000102',
      orderType: 'CH-110',
      restrainedName: 'NGUYỄN, Thị',
      status: 'sent_to_clets',
      receivedAt: '2026-12-01T22:10:00Z',
      dueBy: '2026-12-03T01:00:00Z',
      courtHoursLeft: 1.5,
      deadline: 'at-risk',
    }),
    submission({
      orderId: 'o-overdue',
      caseNumber: '26FL000103',
      restrainedName: '王, 伟',
      receivedAt: '2026-11-30T18:00:00Z',
      dueBy: '2026-12-02T01:00:00Z',
      courtHoursLeft: -3,
      deadline: 'overdue',
    }),
    submission({
      orderId: 'o-rejected',
      caseNumber: '26FL000104',
      status: 'rejected',
      rejectCode: 'E-DOB',
      rejectReason: '=HYPERLINK("http://x") date of birth is after the order date',
      rejectedField: 'restrained.dob',
      review: {
        state: 'returned',
        by: supervisorRef,
        at: '2026-12-02T18:00:00Z',
        comment: 'Fix the DOB, "please"',
      },
    }),
    submission({
      orderId: 'o-approve',
      caseNumber: '26FL000105',
      review: {
        state: 'awaiting-approval',
        approvalKind: 'correction',
        approvalId: 'ap-1',
        requestedBy: clerkRef,
      },
    }),
    submission({
      orderId: 'o-own',
      caseNumber: '26FL000106',
      keyedBy: supervisorRef,
      review: {
        state: 'awaiting-approval',
        approvalKind: 'void',
        approvalId: 'ap-2',
        requestedBy: supervisorRef,
      },
    }),
    submission({
      orderId: 'o-acked',
      caseNumber: '26FL000107',
      status: 'acknowledged',
      fcn: '1234567890123',
      dueBy: null,
      courtHoursLeft: null,
      deadline: 'met',
      acknowledgedAt: '2026-12-02T17:35:00Z',
      review: { state: 'approved', by: supervisorRef, at: '2026-12-02T18:30:00Z' },
    }),
    ...extra,
  ];
  const counts: Record<string, number> = {
    at_registry: 0,
    sent_to_clets: 0,
    acknowledged: 0,
    rejected: 0,
  };
  const reviewCounts = { none: 0, returned: 0, 'awaiting-approval': 0, approved: 0, declined: 0 };
  for (const s of submissions) {
    counts[s.status] = (counts[s.status] ?? 0) + 1;
    reviewCounts[s.review.state] += 1;
  }
  const perHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    count: hour === 9 ? 5 : hour === 10 ? 2 : hour === 14 ? 1 : 0,
  }));
  return daySummarySchema.parse({
    courtOri: COURT,
    date: DAY,
    zone: 'America/Los_Angeles',
    generatedAt: '2026-12-02T18:00:00Z',
    counts,
    reviewCounts,
    submissions,
    perHour,
    timeToAck: {
      samplesMs: [60_000, 5 * 60_000, 12 * 60_000, 30 * 60_000],
      p50Ms: 5 * 60_000,
      p90Ms: 30 * 60_000,
      maxMs: 30 * 60_000,
    },
  });
}

/** A day with `n` extra plain submissions (for paging the PDF table). */
export function bigSummary(n: number): DaySummary {
  const extra = Array.from({ length: n }, (_, i) =>
    submission({ orderId: `o-bulk-${i}`, caseNumber: `26FL9${String(i).padStart(5, '0')}` }),
  );
  return fixtureSummary(extra);
}
