/**
 * Date arithmetic the order rules need on top of src/shared/time: ISO 8601 durations on
 * wall dates (years and months clamp to the month's last day) and "end of day" instants.
 */
import { cletsDueBy } from '../calendar';
import { addDays, daysInMonth, isIsoDate, parseIsoDate, type IsoDate } from '../time/dates';
import { COURT_ZONE, parseInstant, zonedDateOf, zonedDateTimeToIso } from '../time/zoned';
import { isoDurationPattern } from './catalog/schema';

/**
 * Remembers the results of a pure function of one string. Validating an order converts the
 * same few instants and dates many times (rules, expiry, CLETS deadline), and zone maths costs
 * microseconds per call; the cache is cleared when full, so memory stays bounded. Throws are
 * not cached.
 */
function memo<R>(fn: (key: string) => R, limit = 32_768): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}

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
  return addDurationCached(`${date}|${duration}`);
}

const addDurationCached = memo((key) => {
  const [date = '', duration = ''] = key.split('|');
  return addDurationUncached(date, duration);
});

function addDurationUncached(date: IsoDate, duration: string): IsoDate {
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
export const endOfDayIso: (date: IsoDate) => string = memo((date) =>
  zonedDateTimeToIso(date, '23:59:59', COURT_ZONE),
);

/**
 * `cletsDueBy` of src/shared/calendar, remembered per Pacific date: its result depends only on
 * the event's Pacific date and the closure list (one cache per closure-list instance).
 */
export function cletsDueByCached(eventAt: string, closures?: readonly string[]): string {
  const key = closures ?? NO_CLOSURES;
  let byDate = dueCaches.get(key);
  if (!byDate) {
    byDate = new Map();
    dueCaches.set(key, byDate);
  }
  const date = courtDateOf(eventAt);
  let due = byDate.get(date);
  if (due === undefined) {
    due = cletsDueBy(eventAt, closures);
    if (byDate.size >= 4096) byDate.clear();
    byDate.set(date, due);
  }
  return due;
}

const NO_CLOSURES: readonly string[] = [];
const dueCaches = new WeakMap<readonly string[], Map<string, string>>();

/** The court-zone (Pacific) wall date of an instant. Throws for text that is not an instant. */
export const courtDateOf: (iso: string) => IsoDate = memo((iso) => zonedDateOf(iso, COURT_ZONE));

/** Epoch milliseconds of an ISO instant with offset; NaN when it is not one. */
export const instantMs: (iso: string) => number = memo((iso) => {
  try {
    return parseInstant(iso);
  } catch {
    return Number.NaN;
  }
});

/** True for strict ISO 8601 date-time text WITH an offset (`Z` or ±HH:MM). */
export function isInstant(text: string): boolean {
  return !Number.isNaN(instantMs(text));
}

/** True for a real `YYYY-MM-DD` calendar date. */
export const isDate: (text: string) => boolean = memo((text) => isIsoDate(text));

/** NCIC date format CCYYMMDD from a wall date. */
export function ncicDate(date: IsoDate): string {
  return date.replaceAll('-', '');
}

/** Whole years between a date of birth and a later wall date (age on that date). */
export function ageOn(dob: IsoDate, on: IsoDate): number {
  // Both are valid YYYY-MM-DD here; MM-DD compares as text.
  const before = on.slice(5) < dob.slice(5);
  return Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) - (before ? 1 : 0);
}
