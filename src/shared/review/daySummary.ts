/**
 * The supervisor's day (issue 9 §2): what the registry answers for one court day and what the
 * Review page, the daily report (PDF and CSV) and the charts are built from. One shape shared by
 * the registry (producer), main (carries it over IPC) and the renderer (consumer).
 *
 * Times are ISO strings with their offset; the day is a court day in America/Los_Angeles.
 */
import { z } from 'zod';

/** Where a submission stands with its supervisor (none: nobody has looked at it yet). */
export const reviewStateSchema = z.enum([
  'none',
  /** A supervisor returned it to the clerk with a comment; the clerk must fix it. */
  'returned',
  /** The clerk's fix (or a correction / void) waits for a second person's approval. */
  'awaiting-approval',
  /** Approved by a second person and released to the relay. */
  'approved',
  /** The second person refused the correction / void (comment says why). */
  'declined',
]);
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** What kind of change waits for approval. */
export const approvalKindSchema = z.enum(['correction', 'void']);
export type ApprovalKind = z.infer<typeof approvalKindSchema>;

const personRefSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string().optional(),
});

/** One order submitted (received by the registry) on the day, or still open from before. */
export const daySubmissionSchema = z.object({
  orderId: z.string(),
  caseNumber: z.string(),
  orderType: z.string(),
  /** "SURNAME, Given" of the restrained person (CJI: the page is audited when shown). */
  restrainedName: z.string(),
  /** Who keyed it (from the mutation's actor); null for entries from before actors were kept. */
  keyedBy: personRefSchema.nullable(),
  receivedAt: z.string(),
  /** Registry order status: at_registry, sent_to_clets, acknowledged, rejected. */
  status: z.string(),
  statusAt: z.string(),
  fcn: z.string().nullable(),
  rejectCode: z.string().nullable(),
  /** The relay's reason in clerk words. */
  rejectReason: z.string().nullable(),
  /** The order field the rejection names (a path into the order), when known. */
  rejectedField: z.string().nullable(),
  /** End of the next court day after receipt (CLETS due-by). Null once acknowledged. */
  dueBy: z.string().nullable(),
  /** Court hours left before dueBy (negative when overdue); null once acknowledged. */
  courtHoursLeft: z.number().nullable(),
  deadline: z.enum(['on-time', 'at-risk', 'overdue', 'met']),
  acknowledgedAt: z.string().nullable(),
  review: z.object({
    state: reviewStateSchema,
    approvalKind: approvalKindSchema.nullable(),
    /** The approval id to decide, when state is awaiting-approval. */
    approvalId: z.string().nullable(),
    /** Who asked for the approval (never allowed to approve it). */
    requestedBy: personRefSchema.nullable(),
    by: personRefSchema.nullable(),
    at: z.string().nullable(),
    comment: z.string().nullable(),
  }),
});
export type DaySubmission = z.infer<typeof daySubmissionSchema>;

/** The whole day for one court. */
export const daySummarySchema = z.object({
  courtOri: z.string(),
  /** The court day, YYYY-MM-DD in America/Los_Angeles. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  zone: z.literal('America/Los_Angeles'),
  generatedAt: z.string(),
  /** Count per registry status (every status present, zero when none). */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** Count of submissions per review state. */
  reviewCounts: z.record(reviewStateSchema, z.number().int().min(0)),
  submissions: z.array(daySubmissionSchema),
  /** Submissions received per local hour 0–23 (24 entries). */
  perHour: z.array(z.object({ hour: z.number().int().min(0).max(23), count: z.number().int() })),
  /** Receipt → CLETS acknowledgement of the day's acknowledged orders, in milliseconds. */
  timeToAck: z.object({
    samplesMs: z.array(z.number().min(0)),
    p50Ms: z.number().nullable(),
    p90Ms: z.number().nullable(),
    maxMs: z.number().nullable(),
  }),
});
export type DaySummary = z.infer<typeof daySummarySchema>;
