/**
 * Per-court settings of the court-day rules, as an editable data table beside the closure table
 * (closures.ts). Today it holds the close of judicial business, which ends an EPO on its 5th
 * court day (Fam. Code §6256): the statute sets no clock time and courts differ, so each court
 * has its own row and a court without one uses the UNVERIFIED default 17:00 (domain.md §5.2).
 */
import { z } from 'zod';
import { closuresFor, type CourtClosure } from './closures';

/** Close of judicial business for a court with no row in the settings table (UNVERIFIED). */
export const DEFAULT_CLOSE_OF_BUSINESS = '17:00';

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One court's settings row. */
export const courtSettingSchema = z.strictObject({
  /** Court identifier (its ORI), as on the order's `court.ori`. */
  court: z.string().min(1, 'Name the court (its ORI), e.g. CA034999J'),
  closeOfBusiness: z
    .string()
    .regex(hhmm, 'Close of business must be HH:MM in 24-hour time, e.g. 17:00.'),
});

/** The settings table: at most one row per court. */
export const courtSettingsTableSchema = z.array(courtSettingSchema).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.court)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'court'],
        message: `Court ${row.court} has two settings rows: keep one.`,
      });
    }
    seen.add(row.court);
  });
});

/** One court's settings row. */
export type CourtSetting = z.infer<typeof courtSettingSchema>;

/** The close of judicial business (`HH:MM` Pacific) of `court`, or the default. */
export function closeOfBusinessFor(settings: readonly CourtSetting[], court: string): string {
  return settings.find((s) => s.court === court)?.closeOfBusiness ?? DEFAULT_CLOSE_OF_BUSINESS;
}

/**
 * What the order rules need to know about one court, from the two editable tables: its
 * closure dates and its close of business. The result is the `closures` / `closeOfBusiness`
 * pair that checkOrder and deriveExpiry take, e.g.
 * `checkOrder(order, { now, ...courtRulesFor(settings, closures, order.court.ori) })`.
 */
export function courtRulesFor(
  settings: readonly CourtSetting[],
  closures: readonly CourtClosure[],
  court: string,
): { closures: string[]; closeOfBusiness: string } {
  return {
    closures: closuresFor(closures, court),
    closeOfBusiness: closeOfBusinessFor(settings, court),
  };
}
