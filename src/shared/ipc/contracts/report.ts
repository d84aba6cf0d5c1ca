/**
 * Contract of the `report` domain: the supervisor's daily report (issue 9 §2), built in main
 * from a day summary the Review page already holds, as a PDF (pdf-lib) or a CSV. The export is
 * `report.export` (supervisors), which the access gate records in the audit journal.
 */
import { z } from 'zod';

import { daySummarySchema } from '../../review/daySummary';

/** More rows than any court keys in a day; a bigger summary is refused, not half-built. */
export const MAX_REPORT_ROWS = 5000;

export const reportFormatSchema = z.enum(['pdf', 'csv']);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

export const buildDailyInputSchema = z
  .object({
    summary: daySummarySchema.refine((s) => s.submissions.length <= MAX_REPORT_ROWS, {
      message: `A daily report holds at most ${MAX_REPORT_ROWS} submissions.`,
      path: ['submissions'],
    }),
    format: reportFormatSchema,
  })
  .strict();
export type BuildDailyInput = z.infer<typeof buildDailyInputSchema>;

/** The finished file: a name to save it under, its type and its bytes (never base64). */
export const reportFileSchema = z.object({
  fileName: z.string().min(1),
  mime: z.enum(['application/pdf', 'text/csv']),
  bytes: z.instanceof(Uint8Array),
});
export type ReportFile = z.infer<typeof reportFileSchema>;

export const reportContract = {
  'report:build-daily': { input: buildDailyInputSchema, output: reportFileSchema },
} as const;

export const reportEvents = {} as const;
