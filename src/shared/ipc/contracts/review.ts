/**
 * Contract of the `review` domain (issue 9 §2): the supervisor's day, returning work to a clerk
 * and the second-person approval of corrections and voids. Main answers each call with the
 * signed-in supervisor's registry session; the registry enforces the role matrix (never one's
 * own entry) and records every action in the audit chain. `report` builds the daily report
 * from a day summary the renderer already holds.
 */
import { z } from 'zod';

import { daySummarySchema, reviewStateSchema } from '../../review/daySummary';

const courtDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD.');
const orderIdSchema = z.string().min(1).max(100);

export const getDayInputSchema = z
  .object({
    /** The court day (America/Los_Angeles); today when omitted. */
    date: courtDaySchema.optional(),
  })
  .strict();

export const returnOrderInputSchema = z
  .object({
    orderId: orderIdSchema,
    comment: z
      .string()
      .trim()
      .min(3, 'Say what the clerk should fix (at least 3 characters).')
      .max(1000, 'Keep the comment under 1000 characters.'),
  })
  .strict();

export const reviewActionOutputSchema = z.object({
  orderId: z.string(),
  state: reviewStateSchema,
  approvalId: z.string().nullable(),
});

export const decideApprovalInputSchema = z
  .object({
    approvalId: z.string().min(1).max(100),
    decision: z.enum(['approve', 'decline']),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((v) => v.decision === 'approve' || (v.comment?.length ?? 0) >= 3, {
    message: 'Say why the change is declined (at least 3 characters).',
    path: ['comment'],
  });

export const requestVoidInputSchema = z
  .object({
    orderId: orderIdSchema,
    reason: z
      .string()
      .trim()
      .min(10, 'A void needs a reason of at least 10 characters.')
      .max(1000, 'Keep the reason under 1000 characters.'),
  })
  .strict();

export const reviewContract = {
  'review:get-day': { input: getDayInputSchema, output: daySummarySchema },
  'review:return-order': { input: returnOrderInputSchema, output: reviewActionOutputSchema },
  'review:decide-approval': { input: decideApprovalInputSchema, output: reviewActionOutputSchema },
  'review:request-void': { input: requestVoidInputSchema, output: reviewActionOutputSchema },
} as const;

export const reviewEvents = {} as const;
