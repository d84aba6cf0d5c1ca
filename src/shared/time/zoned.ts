/**
 * Instants ↔ wall-clock dates and times in a named IANA zone, using only `Intl.DateTimeFormat`.
 *
 * Court rules are written in California wall time ("end of the next court day"), while records
 * store instants as ISO 8601 text with an explicit offset. These helpers convert between the two
 * without a date library, so they run unchanged in the renderer, main process and registry.
 */
import { formatIsoDate, parseIsoDate, type IsoDate } from './dates';

/** The zone California court rules are written in. */
export const COURT_ZONE = 'America/Los_Angeles';

/** Thrown for an instant that is not strict ISO 8601 with a zone (`Z` or `±HH:MM`). */
export class InvalidInstantError extends Error {
  override readonly name = 'InvalidInstantError';
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(
      `Date-time "${input}" is not valid: ${reason}. Write it as ISO 8601 with its offset, e.g. 2026-07-03T14:30:00-07:00.`,
    );
  }
}

/** Thrown for a wall-clock time that is not `HH:MM`, `HH:MM:SS` or `HH:MM:SS.sss`. */
export class InvalidTimeError extends Error {
  override readonly name = 'InvalidTimeError';
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(
      `Time "${input}" is not valid: ${reason}. Write it as HH:MM in 24-hour time, e.g. 17:00.`,
    );
  }
}

const INSTANT_RE =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;
const DAY_MS = 86_400_000;

/** Epoch milliseconds of a date and time read as if it were UTC (the "wall as UTC" trick). */
function wallAsUtcMs(date: IsoDate, h: number, mi: number, s: number, ms: number): number {
  const p = parseIsoDate(date);
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}

/**
 * Parses a strict ISO 8601 instant (`YYYY-MM-DDTHH:MM[:SS[.fff]]` then `Z` or `±HH:MM`) to epoch
 * milliseconds. Unlike `Date.parse` it refuses zone-less text, because a time without a zone is
 * ambiguous for court deadlines. Fractions beyond milliseconds are truncated.
 */
export function parseInstant(iso: string): number {
  if (typeof iso !== 'string') throw new InvalidInstantError(String(iso), 'it is not text');
  const m = INSTANT_RE.exec(iso);
  if (!m) {
    const reason = /^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(iso)
      ? 'it has no zone offset (add Z or an offset such as -07:00)'
      : 'it is not in ISO 8601 form';
    throw new InvalidInstantError(iso, reason);
  }
  const [
    ,
    date = '',
    hh = '',
    mm = '',
    ss = '00',
    frac = '',
    z = '',
    sign,
    oh = '0',
    om = '0',
    os = '0',
  ] = m;
  const h = Number(hh);
  const mi = Number(mm);
  const s = Number(ss);
  if (h > 23 || mi > 59 || s > 59) {
    throw new InvalidInstantError(iso, 'the time of day is out of range');
  }
  if (Number(oh) > 23 || Number(om) > 59 || Number(os) > 59) {
    throw new InvalidInstantError(iso, 'the offset is out of range');
  }
  let local: number;
  try {
    local = wallAsUtcMs(date, h, mi, s, Number(frac.padEnd(3, '0').slice(0, 3)));
  } catch {
    throw new InvalidInstantError(iso, `${date} is not a real calendar date`);
  }
  if (z === 'Z') return local;
  const offsetMs = (Number(oh) * 3600 + Number(om) * 60 + Number(os)) * 1000;
  return sign === '-' ? local + offsetMs : local - offsetMs;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new RangeError(
        `Time zone "${zone}" is not a known IANA zone, e.g. America/Los_Angeles`,
      );
    }
    formatters.set(zone, f);
  }
  return f;
}

type Wall = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/** The wall-clock fields of an instant in `zone` (whole seconds). */
function wallAt(ms: number, zone: string): Wall {
  const w: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(zone).formatToParts(ms)) {
    if (part.type in w) w[part.type as keyof Wall] = Number(part.value);
  }
  return w;
}

/** Offset by direct `Intl` lookup (a few microseconds; see the cache below). */
function offsetUncached(ms: number, zone: string): number {
  const w = wallAt(ms, zone);
  const wallMs = wallAsUtcMs(formatIsoDate(w.year, w.month, w.day), w.hour, w.minute, w.second, 0);
  return wallMs - Math.floor(ms / 1000) * 1000;
}

/**
 * Per zone, UTC day number → the offset valid for that whole UTC day, or null when the offset
 * changes during it. Deadline maths asks for the same few days over and over (validating 10k
 * orders), and `Intl` formatting costs microseconds per call, so this makes the common path a map
 * lookup. It assumes no UTC day holds two transitions that cancel out, which tzdb never has.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();
const DAY_CACHE_LIMIT = 20_000;

/** The zone's UTC offset in milliseconds at an instant (wall time = instant + offset). */
export function offsetMsAt(ms: number, zone: string = COURT_ZONE): number {
  let days = dayOffsets.get(zone);
  if (!days) {
    formatterFor(zone); // validates the zone name with a clear error
    days = new Map();
    dayOffsets.set(zone, days);
  }
  const day = Math.floor(ms / DAY_MS);
  let cached = days.get(day);
  if (cached === undefined) {
    const start = offsetUncached(day * DAY_MS, zone);
    const end = offsetUncached((day + 1) * DAY_MS - 1000, zone);
    cached = start === end ? start : null;
    if (days.size >= DAY_CACHE_LIMIT) days.clear();
    days.set(day, cached);
  }
  return cached ?? offsetUncached(ms, zone);
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(Math.round(offsetMs / 1000));
  const h = String(Math.floor(total / 3600)).padStart(2, '0');
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const s = total % 60;
  // Pre-1900 local mean time has second offsets; keep them so the text stays exact.
  return `${sign}${h}:${m}${s === 0 ? '' : `:${String(s).padStart(2, '0')}`}`;
}

/**
 * Writes an instant as ISO 8601 wall time in `zone` with that zone's offset, e.g.
 * `2026-07-06T23:59:59-07:00`. Milliseconds are written only when `withMs` is true.
 */
export function toZonedIso(ms: number, zone: string = COURT_ZONE, withMs = false): string {
  const offset = offsetMsAt(ms, zone);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset);
  const date = formatIsoDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  const frac = withMs ? `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}` : '';
  return `${date}T${time}${frac}${formatOffset(offset)}`;
}

/**
 * The `YYYY-MM-DD` wall date of an instant in `zone` (default America/Los_Angeles).
 * `zonedDateOf('2026-07-04T05:00:00Z')` is `'2026-07-03'`: 10 pm on the 3rd in California.
 * Throws {@link InvalidInstantError} for text without a zone.
 */
export function zonedDateOf(iso: string, zone: string = COURT_ZONE): IsoDate {
  const ms = parseInstant(iso);
  const wall = new Date(ms + offsetMsAt(ms, zone));
  return formatIsoDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
}

/** Parses `HH:MM`, `HH:MM:SS` or `HH:MM:SS.sss` (24-hour) into its parts. */
export function parseWallTime(time: string): {
  h: number;
  mi: number;
  s: number;
  ms: number;
  hasMs: boolean;
} {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  if (!m) throw new InvalidTimeError(String(time), 'it is not HH:MM, HH:MM:SS or HH:MM:SS.sss');
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? '0');
  if (h > 23) throw new InvalidTimeError(time, 'the hour must be 00 to 23');
  if (mi > 59) throw new InvalidTimeError(time, 'the minutes must be 00 to 59');
  if (s > 59) throw new InvalidTimeError(time, 'the seconds must be 00 to 59');
  return { h, mi, s, ms: Number(m[4] ?? '0'), hasMs: m[4] !== undefined };
}

/**
 * The instant (epoch ms) at which the wall clock in `zone` shows `date` `time`.
 *
 * Daylight-saving edges are resolved like Temporal's `disambiguation: 'compatible'`:
 * - a time that occurs twice (the repeated hour in November) gives the EARLIER instant, i.e. the
 *   daylight-time reading (`01:30-07:00`), so a deadline never silently gains an hour;
 * - a time that never occurs (the skipped hour in March) is moved FORWARD by the length of the
 *   gap (`02:30` becomes `03:30-07:00`), the reading a wall clock that "springs forward" shows.
 */
export function zonedDateTimeToMs(date: IsoDate, time: string, zone: string = COURT_ZONE): number {
  const t = parseWallTime(time);
  const local = wallAsUtcMs(date, t.h, t.mi, t.s, t.ms);
  // Offsets in use a day either side; any transition near this wall time lies between them.
  const before = offsetMsAt(local - DAY_MS, zone);
  const after = offsetMsAt(local + DAY_MS, zone);
  const fits = (offset: number): boolean => offsetMsAt(local - offset, zone) === offset;
  const candidates = [before, after].filter(fits).map((o) => local - o);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: reading the wall time with the offset from before the gap lands after it.
  return local - before;
}

/**
 * ISO 8601 text, with the zone's offset at that moment, for a wall date and time in `zone`
 * (default America/Los_Angeles): `zonedDateTimeToIso('2026-07-06', '23:59:59.999')` is
 * `'2026-07-06T23:59:59.999-07:00'`. Seconds are always written; milliseconds only when the
 * time had them. DST gaps and overlaps are resolved as in {@link zonedDateTimeToMs}.
 * Throws InvalidDateError / InvalidTimeError for a bad date or time.
 */
export function zonedDateTimeToIso(date: IsoDate, time: string, zone: string = COURT_ZONE): string {
  const ms = zonedDateTimeToMs(date, time, zone);
  return toZonedIso(ms, zone, parseWallTime(time).hasMs);
}
