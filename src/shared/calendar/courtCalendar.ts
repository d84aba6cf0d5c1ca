/**
 * Court-day arithmetic over a holiday table, weekends and court-specific closures.
 *
 * A court day is a day that is not a Saturday, not a Sunday, not an observed judicial holiday and
 * not one of the court's own closure dates (emergencies, extra days; domain.md §5.2). Everything
 * is built by {@link makeCourtCalendar} from a holiday table so a court (or a test) can run with
 * an edited table; index.ts exports the California instance.
 */
import { addDays, dayOfWeek, parseIsoDate, InvalidDateError, type IsoDate } from '../time/dates';
import {
  COURT_ZONE,
  parseInstant,
  zonedDateOf,
  zonedDateTimeToIso,
  zonedDateTimeToMs,
} from '../time/zoned';
import { computeHolidays, type CourtHoliday } from './holidays';
import type { HolidayRule } from './holidayRules';

/** Opening hours used to count "court hours" (wall time in America/Los_Angeles). */
export type CourtHours = { readonly open: string; readonly close: string };

/** Default court hours for at-risk counting: 08:00–17:00 (UNVERIFIED; courts differ). */
export const DEFAULT_COURT_HOURS: CourtHours = { open: '08:00', close: '17:00' };

/** Largest |n| accepted by addCourtDays (≈ 400 years): stops a typo from spinning for minutes. */
export const MAX_COURT_DAYS = 100_000;

/** The calendar functions, bound to one holiday table. */
export type CourtCalendar = ReturnType<typeof makeCourtCalendar>;

const EMPTY: ReadonlySet<string> = new Set();
const closureSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The closure list as a set, validated once per array instance: a mistyped closure date must be
 * an error, not a silently ignored row.
 */
function closureSet(closures: readonly string[] | undefined): ReadonlySet<string> {
  if (!closures || closures.length === 0) return EMPTY;
  let set = closureSets.get(closures);
  if (!set) {
    for (const c of closures) {
      try {
        parseIsoDate(c);
      } catch (e) {
        if (e instanceof InvalidDateError) {
          throw new InvalidDateError(c, e.reason, 'Court closure date');
        }
        throw e;
      }
    }
    set = new Set(closures);
    closureSets.set(closures, set);
  }
  return set;
}

/** Builds the court-day functions for a holiday table (validated by the caller's schema). */
export function makeCourtCalendar(rules: readonly HolidayRule[]) {
  const byYear = new Map<number, { list: readonly CourtHoliday[]; dates: ReadonlySet<string> }>();

  function year(y: number): { list: readonly CourtHoliday[]; dates: ReadonlySet<string> } {
    let entry = byYear.get(y);
    if (!entry) {
      const list = Object.freeze(computeHolidays(rules, y));
      entry = { list, dates: new Set(list.map((h) => h.date)) };
      byYear.set(y, entry);
    }
    return entry;
  }

  /** Observed court holidays of `year`, sorted by date. */
  function holidaysFor(y: number): { date: string; name: string }[] {
    if (!Number.isInteger(y) || y < 1 || y > 9999) {
      throw new RangeError(`Year must be a whole number from 1 to 9999, got ${y}`);
    }
    return year(y).list.map((h) => ({ date: h.date, name: h.name }));
  }

  /** True when courts are open for judicial business on `date`. Throws on a bad date. */
  function isCourtDay(date: IsoDate, closures?: readonly string[]): boolean {
    const dow = dayOfWeek(date); // validates the date
    if (dow === 0 || dow === 6) return false;
    if (year(Number(date.slice(0, 4))).dates.has(date)) return false;
    return !closureSet(closures).has(date);
  }

  function step(date: IsoDate, dir: 1 | -1, closures?: readonly string[]): IsoDate {
    let d = addDays(date, dir);
    while (!isCourtDay(d, closures)) d = addDays(d, dir);
    return d;
  }

  /** The first court day strictly after `date` (whether or not `date` is a court day). */
  function nextCourtDay(date: IsoDate, closures?: readonly string[]): IsoDate {
    return step(date, 1, closures);
  }

  /** The last court day strictly before `date`. */
  function previousCourtDay(date: IsoDate, closures?: readonly string[]): IsoDate {
    return step(date, -1, closures);
  }

  /**
   * The date `n` court days after `date` (before it for negative `n`); `n = 0` returns `date`
   * unchanged even if it is not a court day. Counting starts the day after, so from Friday
   * 2 July 2026, 1 court day is Monday 6 July (3 July is the observed Independence Day).
   */
  function addCourtDays(date: IsoDate, n: number, closures?: readonly string[]): IsoDate {
    if (!Number.isInteger(n) || Math.abs(n) > MAX_COURT_DAYS) {
      throw new RangeError(
        `Court days must be a whole number from -${MAX_COURT_DAYS} to ${MAX_COURT_DAYS}, got ${n}`,
      );
    }
    parseIsoDate(date);
    let d = date;
    for (let i = 0; i < Math.abs(n); i += 1) d = step(d, n > 0 ? 1 : -1, closures);
    return d;
  }

  /**
   * When the CLETS/CARPOS entry for an event (issuance, modification, extension, termination, or
   * service) is due: Fam. Code §6380 says "within one business day". The statute sets no clock
   * time, so "end" means the last millisecond of the next court day after the event's
   * California date, i.e. 23:59:59.999 America/Los_Angeles — NOT the court's close of business
   * (that setting is for EPO expiry, Fam. Code §6256). An event on a weekend or holiday is due at
   * the end of the next court day too. Result: ISO 8601 with the Pacific offset, e.g.
   * `cletsDueBy('2026-07-02T15:00:00-07:00')` is `'2026-07-06T23:59:59.999-07:00'`.
   */
  function cletsDueBy(eventAtIso: string, closures?: readonly string[]): string {
    const due = nextCourtDay(zonedDateOf(eventAtIso, COURT_ZONE), closures);
    return zonedDateTimeToIso(due, '23:59:59.999', COURT_ZONE);
  }

  /**
   * Court hours from `fromIso` until `dueIso`: only time inside court hours (default 08:00–17:00
   * Pacific) on court days counts, so a deadline at 23:59 Monday seen at 16:00 Monday is 1 court
   * hour away, and seen at 16:00 Friday is 10 court hours away. Use it for "at risk" (e.g. under
   * 4 court hours left). Never negative: when `dueIso` is not after `fromIso` it returns 0, so test
   * "overdue" by comparing the instants. Cost grows with the number of calendar days between.
   */
  function courtHoursUntil(
    fromIso: string,
    dueIso: string,
    closures?: readonly string[],
    hours: CourtHours = DEFAULT_COURT_HOURS,
  ): number {
    const from = parseInstant(fromIso);
    const due = parseInstant(dueIso);
    if (due <= from) return 0;
    const last = zonedDateOf(dueIso, COURT_ZONE);
    let total = 0;
    for (let d = zonedDateOf(fromIso, COURT_ZONE); d <= last; d = addDays(d, 1)) {
      if (!isCourtDay(d, closures)) continue;
      const open = zonedDateTimeToMs(d, hours.open, COURT_ZONE);
      const close = zonedDateTimeToMs(d, hours.close, COURT_ZONE);
      const span = Math.min(close, due) - Math.max(open, from);
      if (span > 0) total += span;
    }
    return total / 3_600_000;
  }

  return {
    holidaysFor,
    isCourtDay,
    nextCourtDay,
    previousCourtDay,
    addCourtDays,
    cletsDueBy,
    courtHoursUntil,
  };
}
