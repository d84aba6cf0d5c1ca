/**
 * The editable table of court-specific closures (emergencies, extra days a court is closed).
 *
 * Statewide holidays come from holidayRules.ts; this table holds the days only some courts close,
 * kept as data a supervisor can edit. The calendar functions take plain date lists, so this module
 * only validates the table and picks one court's dates out of it.
 */
import { z } from 'zod';
import { isIsoDate } from '../time/dates';

/** Use this court id for a closure that applies to every court (e.g. a presidential holiday). */
export const ALL_COURTS = '*';

/** One closure row: which court, which date, and why (shown to the clerk). */
export const courtClosureSchema = z.object({
  /** Court identifier (its ORI), or {@link ALL_COURTS}. */
  court: z.string().min(1, 'Name the court (its ORI) or * for all courts'),
  date: z.string().refine(isIsoDate, 'Closure date must be a real date written YYYY-MM-DD'),
  reason: z.string().min(1, 'Say why the court is closed'),
});

export const courtClosureTableSchema = z.array(courtClosureSchema);

export type CourtClosure = z.infer<typeof courtClosureSchema>;

/** The sorted, de-duplicated closure dates that apply to `court` (its own rows and `*` rows). */
export function closuresFor(table: readonly CourtClosure[], court: string): string[] {
  const dates = new Set<string>();
  for (const row of table) if (row.court === court || row.court === ALL_COURTS) dates.add(row.date);
  return [...dates].sort();
}
