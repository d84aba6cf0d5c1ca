/**
 * Contract of the `calendar` domain: the court-day rules of this workstation's court, from the
 * court calendar the registry holds (closures and close of business; docs/registry-api.md
 * "Court calendar"). Main keeps the last copy in the data folder, so the rules work offline.
 *
 * The answer is exactly what `checkOrder` and `deriveExpiry` take as `{ closures,
 * closeOfBusiness }` (src/shared/calendar/courtSettings.ts `courtRulesFor`); a workstation that
 * never reached the registry gets the defaults (no closures, 17:00).
 */
import { z } from 'zod';

import { isIsoDate } from '../../time/dates';

/** `{ closures, closeOfBusiness }` of this workstation's court. */
export const courtRulesSchema = z.object({
  /** Closure dates (YYYY-MM-DD) of the court and of all courts, sorted. */
  closures: z.array(z.string().refine(isIsoDate, 'a real date written YYYY-MM-DD')),
  /** Close of judicial business, HH:MM Pacific (ends an EPO on its 5th court day). */
  closeOfBusiness: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM in 24-hour time'),
});

/** The court rules as checkOrder takes them. */
export type CourtRules = z.infer<typeof courtRulesSchema>;

export const calendarContract = {
  'calendar:get-court-rules': { input: z.object({}).strict(), output: courtRulesSchema },
} as const;

export const calendarEvents = {} as const;
