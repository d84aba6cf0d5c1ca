/**
 * Turns the holiday table (holidayRules.ts) into the observed holiday dates of a year.
 *
 * Observance (CRC 1.11 as described by the San Bernardino Superior Court, domain.md §5.2): a
 * holiday on a Saturday is observed the Friday before, on a Sunday the Monday after. Observance
 * can cross a year boundary: 1 January 2022 fell on a Saturday and was observed on Friday
 * 31 December 2021, which therefore belongs to 2021's list.
 */
import { addDays, daysInMonth, dayOfWeekOf, formatIsoDate, type IsoDate } from '../time/dates';
import type { HolidayDateRule, HolidayRule } from './holidayRules';

/** One observed court holiday. */
export type CourtHoliday = {
  /** The date the court is closed (after Saturday/Sunday observance). */
  readonly date: IsoDate;
  readonly name: string;
};

/** The rule's actual (unobserved) date in `year`, or null when it has none that year. */
function actualDate(rule: HolidayDateRule, year: number): IsoDate | null {
  if (rule.kind === 'fixed') {
    if (rule.day > daysInMonth(year, rule.month)) return null; // e.g. 29 Feb in a common year
    return formatIsoDate(year, rule.month, rule.day);
  }
  const first = dayOfWeekOf({ year, month: rule.month, day: 1 });
  const firstMatch = 1 + ((rule.weekday - first + 7) % 7);
  let day: number;
  if (rule.n === -1) {
    const lastDay = daysInMonth(year, rule.month);
    day = firstMatch + 7 * Math.floor((lastDay - firstMatch) / 7);
  } else {
    day = firstMatch + 7 * (rule.n - 1);
    if (day > daysInMonth(year, rule.month)) return null; // no 5th such weekday this month
  }
  const date = formatIsoDate(year, rule.month, day);
  return rule.offsetDays ? addDays(date, rule.offsetDays) : date;
}

/** Saturday → the Friday before; Sunday → the Monday after; weekdays unchanged. */
export function observedDate(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = dayOfWeekOf({ year: y, month: m, day: d });
  if (dow === 6) return addDays(date, -1);
  if (dow === 0) return addDays(date, 1);
  return date;
}

function inForce(rule: HolidayRule, date: IsoDate): boolean {
  // ISO dates compare correctly as strings.
  return (
    (rule.from === undefined || date >= rule.from) &&
    (rule.until === undefined || date <= rule.until)
  );
}

/**
 * Observed holidays falling in `year`, sorted by date (ties keep table order). The rule version
 * is chosen by the holiday's actual date, and the neighbouring years are consulted so that a
 * holiday observed across the year boundary lands in the right year.
 */
export function computeHolidays(rules: readonly HolidayRule[], year: number): CourtHoliday[] {
  const out: CourtHoliday[] = [];
  for (const y of [year - 1, year, year + 1]) {
    if (y < 1 || y > 9999) continue;
    for (const rule of rules) {
      const actual = actualDate(rule.date, y);
      if (actual === null || !inForce(rule, actual)) continue;
      const date = observedDate(actual);
      if (date.startsWith(`${String(year).padStart(4, '0')}-`)) out.push({ date, name: rule.name });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
