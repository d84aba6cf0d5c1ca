/**
 * Print jobs as the print queue sees them, and the print records kept for every print.
 */
import { z } from 'zod';

import { mediaSchema, sidesSchema } from './printers';
import { recipientSchema } from './recipients';

/**
 * `queued` waits on this workstation (e.g. the printer is busy with the previous packet);
 * `failed` never reached the printer. The others are IPP job states.
 */
export const jobStates = [
  'queued',
  'pending',
  'held',
  'processing',
  'stopped',
  'completed',
  'aborted',
  'canceled',
  'failed',
] as const;
export const jobStateSchema = z.enum(jobStates);
export type JobState = z.infer<typeof jobStateSchema>;

export const terminalJobStates: ReadonlySet<JobState> = new Set([
  'completed',
  'aborted',
  'canceled',
  'failed',
]);

export const jobStateLabels: Readonly<Record<JobState, string>> = {
  queued: 'Waiting to send',
  pending: 'Waiting at the printer',
  held: 'Held',
  processing: 'Printing',
  stopped: 'Printer stopped',
  completed: 'Printed',
  aborted: 'Failed',
  canceled: 'Cancelled',
  failed: 'Not sent',
};

export const clerkReasonSchema = z.object({
  keyword: z.string(),
  source: z.enum(['printer', 'job']),
  words: z.string(),
  action: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
});

export const jobKindSchema = z.enum(['service-copy', 'test-page']);

/** One job on the workstation's print queue (one recipient's packet, or a test page). */
export const printJobSchema = z.object({
  /** Our id (UUID); the printer's own number is `printerJobId`. */
  id: z.string(),
  kind: jobKindSchema,
  printerId: z.string(),
  printerName: z.string(),
  orderId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  recipient: recipientSchema.nullable(),
  copies: z.number().int(),
  sides: sidesSchema,
  media: mediaSchema,
  title: z.string(),
  printedBy: z.string(),
  state: jobStateSchema,
  /** What the printer says now (and what it said while this job ran, for a failed job). */
  reasons: z.array(clerkReasonSchema),
  /** One clerk sentence: "Paper jam. Clear the jam as the printer panel shows, then retry." */
  message: z.string(),
  printerJobId: z.number().int().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  /** The job this one retries, if any. */
  retryOf: z.string().nullable(),
  canRetry: z.boolean(),
  canCancel: z.boolean(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

/**
 * `requested` is written before anything is sent (so no print goes unrecorded), `submitted`
 * once the printer took the job, then one of the endings. `unknown` is written at start-up for
 * a print the app closed on, when its printer no longer knows the job or does not answer.
 */
export const printOutcomeSchema = z.enum([
  'requested',
  'submitted',
  'completed',
  'aborted',
  'canceled',
  'failed',
  'unknown',
]);
export type PrintOutcome = z.infer<typeof printOutcomeSchema>;

/**
 * Endings after which the packet may be printed again from its record ("Print again"): it did
 * not print, or no one can tell whether it did.
 */
export const reprintableOutcomes: ReadonlySet<PrintOutcome> = new Set([
  'aborted',
  'canceled',
  'failed',
  'unknown',
]);

/** A print record: who printed which order for whom, when, on which printer, and how it ended. */
export const printRecordSchema = z.object({
  jobId: z.string(),
  kind: jobKindSchema,
  at: z.string(),
  printedBy: z.string(),
  orderId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  orderTypeCode: z.string().nullable(),
  recipient: recipientSchema.nullable(),
  copies: z.number().int(),
  pageCount: z.number().int(),
  printerId: z.string(),
  printerName: z.string(),
  printerJobId: z.number().int().nullable(),
  outcome: printOutcomeSchema,
  /** When the outcome was known; null while only submitted. */
  endedAt: z.string().nullable(),
  detail: z.string(),
  retryOf: z.string().nullable(),
  /*
   * How the packet was made, so it can be printed again exactly. Optional: lines written before
   * these were recorded still read (print again then uses the queue's defaults).
   */
  coverSheet: z.boolean().optional(),
  sides: sidesSchema.optional(),
  media: mediaSchema.optional(),
});
export type PrintRecord = z.infer<typeof printRecordSchema>;

/**
 * A print record as `print:list-records` returns it: the stored record plus `retriedBy`, the
 * job that printed it again (found from the later record's `retryOf`), or null.
 */
export const printRecordViewSchema = printRecordSchema.extend({
  retriedBy: z.string().nullable(),
});
export type PrintRecordView = z.infer<typeof printRecordViewSchema>;
