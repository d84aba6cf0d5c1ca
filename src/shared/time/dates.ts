/**
 * Calendar-date helpers on plain `YYYY-MM-DD` strings.
 *
 * Court rules count calendar and court days, not instants, so dates travel as wall-date strings
 * (no time, no zone). The arithmetic runs on UTC midnights, where every day is exactly 24 hours
 * long, so daylight-saving changes can never shift a date.
 */

/** A wall-calendar date written `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** Thrown for a date string that is not a real `YYYY-MM-DD` calendar date. */
export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';
  constructor(
    /** The text that was refused, as given. */
    readonly input: string,
    /** Why it was refused, e.g. "the month must be 01 to 12". */
    readonly reason: string,
    /** What the date is, for the message: "Date", "Court closure date", … */
    label = 'Date',
  ) {
    super(`${label} "${input}" is not valid: ${reason}. Write it as YYYY-MM-DD, e.g. 2026-07-03.`);
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days in each month of a non-leap year; February is corrected in {@link daysInMonth}. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True for Gregorian leap years (the proleptic calendar is used for every year). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? Number.NaN;
}

/** The parts of a date, month and day 1-based. */
export type DateParts = { readonly year: number; readonly month: number; readonly day: number };

/**
 * Parses a `YYYY-MM-DD` string strictly: exactly that shape, a year from 0001 to 9999, a real
 * month and a day that exists in that month (2026-02-29 is refused, 2028-02-29 accepted).
 * Throws {@link InvalidDateError} with a clerk-readable reason otherwise.
 */
export function parseIsoDate(text: string): DateParts {
  if (typeof text !== 'string') throw new InvalidDateError(String(text), 'it is not text');
  const m = DATE_RE.exec(text);
  if (!m) throw new InvalidDateError(text, 'it is not in the form YYYY-MM-DD');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1) throw new InvalidDateError(text, 'the year must be 0001 or later');
  if (month < 1 || month > 12) throw new InvalidDateError(text, 'the month must be 01 to 12');
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    throw new InvalidDateError(text, `day ${m[3]} does not exist in that month (it has ${max})`);
  }
  return { year, month, day };
}

/** True when `text` is a real `YYYY-MM-DD` date (see {@link parseIsoDate}). */
export function isIsoDate(text: string): boolean {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

/** Formats date parts as `YYYY-MM-DD` (parts are assumed valid). */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for a date's parts (UTC midnight based, so DST never interferes). */
function epochDay(p: DateParts): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear avoids that for early years.
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  return Math.round(d.getTime() / DAY_MS);
}

function fromEpochDay(n: number): IsoDate {
  const d = new Date(n * DAY_MS);
  const year = d.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) {
    throw new RangeError('The resulting date is outside the years 0001–9999');
  }
  return formatIsoDate(year, d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `days` calendar days after `date` (negative goes back). Throws on a bad date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days))
    throw new RangeError(`Days to add must be a whole number, got ${days}`);
  return fromEpochDay(epochDay(parseIsoDate(date)) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(parseIsoDate(to)) - epochDay(parseIsoDate(from));
}

/** Day of week of a date: 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay(parseIsoDate(date)) + 4) % 7) + 7) % 7;
}

/** Day of week of a date given as parts, without re-parsing (0 = Sunday). */
export function dayOfWeekOf(p: DateParts): number {
  return (((epochDay(p) + 4) % 7) + 7) % 7;
}
