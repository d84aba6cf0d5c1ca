/**
 * The California judicial calendar: court days, observed holidays, court-specific closures and
 * the CLETS due-by time. These names are imported by the order rules (src/shared/orders) and the
 * `ccpor` CLI; keep them stable.
 */
import { CA_JUDICIAL_HOLIDAY_RULES } from './holidayRules';
import { makeCourtCalendar } from './courtCalendar';

const california = makeCourtCalendar(CA_JUDICIAL_HOLIDAY_RULES);

/** True when `date` (YYYY-MM-DD) is a California court day given the court's `closures`. */
export const isCourtDay = california.isCourtDay;
/** The first court day strictly after `date`. */
export const nextCourtDay = california.nextCourtDay;
/** The last court day strictly before `date`. */
export const previousCourtDay = california.previousCourtDay;
/** `date` plus `n` court days (counting starts the day after; negative counts back). */
export const addCourtDays = california.addCourtDays;
/** Observed California court holidays of a year: `[{ date, name }]`, sorted. */
export const holidaysFor = california.holidaysFor;
/** End (23:59:59.999 Pacific) of the next court day after an event: the CLETS entry deadline. */
export const cletsDueBy = california.cletsDueBy;
/** Court hours (08:00–17:00 Pacific on court days by default) from one instant to another. */
export const courtHoursUntil = california.courtHoursUntil;

export { makeCourtCalendar, DEFAULT_COURT_HOURS, MAX_COURT_DAYS } from './courtCalendar';
export type { CourtCalendar, CourtHours } from './courtCalendar';
export {
  CA_JUDICIAL_HOLIDAY_RULES,
  holidayRuleSchema,
  holidayDateRuleSchema,
} from './holidayRules';
export type { HolidayRule, HolidayDateRule } from './holidayRules';
export type { CourtHoliday } from './holidays';
export { observedDate } from './holidays';
export { ALL_COURTS, closuresFor, courtClosureSchema, courtClosureTableSchema } from './closures';
export type { CourtClosure } from './closures';
export {
  DEFAULT_CLOSE_OF_BUSINESS,
  closeOfBusinessFor,
  courtRulesFor,
  courtSettingSchema,
  courtSettingsTableSchema,
} from './courtSettings';
export type { CourtSetting } from './courtSettings';
