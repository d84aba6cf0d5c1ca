/**
 * Contract of the `print` domain: courtroom printers, service-copy packets, print jobs and
 * print records (docs/printing.md). Binary data (page images in, the PDF out) crosses as
 * Uint8Array/ArrayBuffer, never base64.
 */
import { z } from 'zod';

import { clerkReasonSchema, printJobSchema, printRecordViewSchema } from '../../printing/jobs';
import { packetOrderSchema } from '../../printing/packetOrder';
import {
  mediaSchema,
  printerConfigSchema,
  printerIdSchema,
  sidesSchema,
} from '../../printing/printers';
import { recipientSchema } from '../../printing/recipients';

const printersSchema = z.array(printerConfigSchema);
const byPrinter = z.object({ printerId: printerIdSchema }).strict();
const byJob = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const buildPacketInputSchema = z
  .object({
    order: packetOrderSchema,
    /** Adds a cover sheet for this recipient (as printed for them). */
    recipient: recipientSchema.optional(),
    coverSheet: z.boolean().default(true),
  })
  .strict();

export const builtPacketSchema = z.object({
  /** The PDF exactly as it would be printed, for the preview pane. */
  pdf: z.instanceof(ArrayBuffer),
  pageCount: z.number().int(),
  orderPageCount: z.number().int(),
});

export const printPacketsInputSchema = z
  .object({
    order: packetOrderSchema,
    printerId: printerIdSchema,
    recipients: z
      .array(
        z.object({ recipient: recipientSchema, copies: z.number().int().min(1).max(99) }).strict(),
      )
      .min(1, 'Choose at least one recipient.')
      .max(20),
    /** One cover sheet per recipient naming them (default on). */
    coverSheet: z.boolean().default(true),
    /** Override the printer's defaults for this print. */
    sides: sidesSchema.optional(),
    media: mediaSchema.optional(),
    /**
     * "Print again" from a print record: the job id of the print that failed, was cancelled or
     * may not have printed. The new record links back to it; one recipient only.
     */
    retryOf: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((r) => r.retryOf === undefined || r.recipients.length === 1, {
    message: 'Print again sends one recipient’s packet.',
    path: ['recipients'],
  });

export const printerCheckSchema = z.object({
  state: z.enum(['idle', 'processing', 'stopped', 'unknown', 'unreachable']),
  reasons: z.array(clerkReasonSchema),
  message: z.string(),
});

export const listRecordsInputSchema = z
  .object({
    orderId: z.string().min(1).max(100).optional(),
    caseNumber: z.string().min(1).max(40).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const printContract = {
  'print:list-printers': { input: z.object({}).strict(), output: printersSchema },
  'print:save-printer': { input: printerConfigSchema, output: printersSchema },
  'print:delete-printer': { input: byPrinter, output: printersSchema },
  'print:check-printer': { input: byPrinter, output: printerCheckSchema },
  'print:print-test-page': { input: byPrinter, output: printJobSchema },
  'print:build-packet': { input: buildPacketInputSchema, output: builtPacketSchema },
  'print:print-packets': {
    input: printPacketsInputSchema,
    output: z.object({ jobs: z.array(printJobSchema) }),
  },
  'print:list-jobs': { input: z.object({}).strict(), output: z.array(printJobSchema) },
  'print:retry-job': { input: byJob, output: printJobSchema },
  'print:cancel-job': { input: byJob, output: printJobSchema },
  'print:list-records': {
    input: listRecordsInputSchema,
    output: z.array(printRecordViewSchema),
  },
} as const;

export const printEvents = {
  /** Every change of a job: state, clerk-worded reasons, message, retry/cancel availability. */
  'print:job-updated': printJobSchema,
} as const;

export type BuildPacketInput = z.input<typeof buildPacketInputSchema>;
export type PrintPacketsInput = z.input<typeof printPacketsInputSchema>;
export type PrinterCheck = z.infer<typeof printerCheckSchema>;
