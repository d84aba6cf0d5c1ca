/**
 * Date arithmetic the order rules need on top of src/shared/time: ISO 8601 durations on
 * wall dates (years and months clamp to the month's last day) and "end of day" instants.
 */
import { addDays, daysInMonth, isIsoDate, parseIsoDate, type IsoDate } from '../time/dates';
import { COURT_ZONE, parseInstant, zonedDateOf, zonedDateTimeToIso } from '../time/zoned';
import { isoDurationPattern } from './catalog/schema';

/** Parts of an ISO 8601 duration limited to years, months, weeks and days. */
export type DurationParts = { years: number; months: number; days: number };

/** Parses `P5Y`, `P3M`, `P21D`, `P1Y6M`… Throws on anything else (catalog data is checked). */
export function parseDuration(duration: string): DurationParts {
  const m = isoDurationPattern.exec(duration);
  if (!m) throw new RangeError(`"${duration}" is not an ISO 8601 duration such as P5Y or P21D`);
  const n = (s: string | undefined): number => (s ? Number(s.slice(0, -1)) : 0);
  return { years: n(m[1]), months: n(m[2]), days: n(m[3]) * 7 + n(m[4]) };
}

/**
 * `date` plus a duration. Years and months move the calendar month and keep the day, clamped
 * to the month's length (2024-02-29 + P3Y is 2027-02-28), as courts count "three years".
 */
export function addDuration(date: IsoDate, duration: string): IsoDate {
  const d = parseDuration(duration);
  const p = parseIsoDate(date);
  const monthIndex = p.year * 12 + (p.month - 1) + d.years * 12 + d.months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  const moved = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return addDays(moved, d.days);
}

/** Plain-language form of a duration for messages: P5Y → "5 years", P21D → "21 days". */
export function describeDuration(duration: string): string {
  const d = parseDuration(duration);
  const parts: string[] = [];
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (d.years) parts.push(unit(d.years, 'year'));
  if (d.months) parts.push(unit(d.months, 'month'));
  if (d.days) parts.push(unit(d.days, 'day'));
  return parts.join(' ') || '0 days';
}

/** The last second of a court-zone wall date, as ISO with the Pacific offset. */
export function endOfDayIso(date: IsoDate): string {
  return zonedDateTimeToIso(date, '23:59:59', COURT_ZONE);
}

/** The court-zone (Pacific) wall date of an instant. */
export function courtDateOf(iso: string): IsoDate {
  return zonedDateOf(iso, COURT_ZONE);
}

/** Epoch milliseconds of an ISO instant with offset; NaN when it is not one. */
export function instantMs(iso: string): number {
  try {
    return parseInstant(iso);
  } catch {
    return Number.NaN;
  }
}

/** True for strict ISO 8601 date-time text WITH an offset (`Z` or ±HH:MM). */
export function isInstant(text: string): boolean {
  return !Number.isNaN(instantMs(text));
}

/** True for a real `YYYY-MM-DD` calendar date. */
export const isDate = isIsoDate;

/** NCIC date format CCYYMMDD from a wall date. */
export function ncicDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

/** Whole years between a date of birth and a later wall date (age on that date). */
export function ageOn(dob: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(dob);
  const o = parseIsoDate(on);
  const before = o.month < b.month || (o.month === b.month && o.day < b.day);
  return o.year - b.year - (before ? 1 : 0);
}
