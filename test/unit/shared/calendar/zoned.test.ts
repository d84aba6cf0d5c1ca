import { describe, expect, it } from 'vitest';
import {
  InvalidDateError,
  InvalidInstantError,
  InvalidTimeError,
  addDays,
  dayOfWeek,
  daysBetween,
  parseInstant,
  parseIsoDate,
  toZonedIso,
  zonedDateOf,
  zonedDateTimeToIso,
} from '../../../../src/shared/time';

describe('parseIsoDate', () => {
  it('accepts real dates including 29 Feb of a leap year', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it.each([
    ['2026-02-29', 'day 29 does not exist'],
    ['2026-13-01', 'month must be 01 to 12'],
    ['2026-7-3', 'not in the form YYYY-MM-DD'],
    ['07/03/2026', 'not in the form YYYY-MM-DD'],
    ['2026-07-03T00:00', 'not in the form YYYY-MM-DD'],
    ['0000-01-01', 'year must be 0001'],
  ])('refuses %s with a reason', (text, reason) => {
    expect(() => parseIsoDate(text)).toThrow(InvalidDateError);
    expect(() => parseIsoDate(text)).toThrow(reason);
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09'); // across the DST change
  });

  it('gives the day of week (0 = Sunday)', () => {
    expect(dayOfWeek('2026-07-04')).toBe(6);
    expect(dayOfWeek('2026-07-05')).toBe(0);
    expect(dayOfWeek('2026-11-26')).toBe(4);
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-03-01', '2028-02-01')).toBe(-29);
  });

  it('refuses fractional day counts', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('zonedDateOf', () => {
  it('gives the California wall date of an instant', () => {
    expect(zonedDateOf('2026-07-04T05:00:00Z')).toBe('2026-07-03');
    expect(zonedDateOf('2026-07-04T07:00:00Z')).toBe('2026-07-04');
    expect(zonedDateOf('2026-01-01T07:59:59.999Z')).toBe('2025-12-31');
    expect(zonedDateOf('2026-07-03T23:30:00-07:00')).toBe('2026-07-03');
  });

  it('honours another zone', () => {
    expect(zonedDateOf('2026-07-03T20:00:00Z', 'Asia/Tokyo')).toBe('2026-07-04');
  });

  it('refuses an instant without a zone and names the fix', () => {
    expect(() => zonedDateOf('2026-07-03T10:00:00')).toThrow(InvalidInstantError);
    expect(() => zonedDateOf('2026-07-03T10:00:00')).toThrow(/no zone offset/);
    expect(() => zonedDateOf('2026-02-30T10:00:00Z')).toThrow(/not a real calendar date/);
    expect(() => zonedDateOf('2026-07-03T25:00:00Z')).toThrow(/out of range/);
  });

  it('refuses an unknown zone', () => {
    expect(() => zonedDateOf('2026-07-03T10:00:00Z', 'Mars/Olympus')).toThrow(
      /not a known IANA zone/,
    );
  });
});

describe('zonedDateTimeToIso', () => {
  it('writes the offset in force on that date', () => {
    expect(zonedDateTimeToIso('2026-07-06', '23:59:59.999')).toBe('2026-07-06T23:59:59.999-07:00');
    expect(zonedDateTimeToIso('2026-01-15', '17:00')).toBe('2026-01-15T17:00:00-08:00');
    expect(zonedDateTimeToIso('2026-01-15', '17:00', 'Asia/Kolkata')).toBe(
      '2026-01-15T17:00:00+05:30',
    );
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(zonedDateTimeToIso('2026-03-08', '02:30')).toBe('2026-03-08T03:30:00-07:00');
    expect(zonedDateTimeToIso('2026-03-08', '01:59:59')).toBe('2026-03-08T01:59:59-08:00');
    expect(zonedDateTimeToIso('2026-03-08', '03:00')).toBe('2026-03-08T03:00:00-07:00');
  });

  it('takes the earlier (daylight) reading of a repeated hour', () => {
    expect(zonedDateTimeToIso('2026-11-01', '01:30')).toBe('2026-11-01T01:30:00-07:00');
    expect(zonedDateTimeToIso('2026-11-01', '02:00')).toBe('2026-11-01T02:00:00-08:00');
  });

  it('round-trips through parseInstant and toZonedIso', () => {
    const iso = zonedDateTimeToIso('2026-11-01', '00:59:59.250');
    expect(toZonedIso(parseInstant(iso), 'America/Los_Angeles', true)).toBe(iso);
    expect(zonedDateOf(iso)).toBe('2026-11-01');
  });

  it('refuses bad times', () => {
    expect(() => zonedDateTimeToIso('2026-07-06', '24:00')).toThrow(InvalidTimeError);
    expect(() => zonedDateTimeToIso('2026-07-06', '5pm')).toThrow(/HH:MM/);
    expect(() => zonedDateTimeToIso('2026-07-06', '12:60')).toThrow(/minutes/);
    expect(() => zonedDateTimeToIso('2026-02-30', '12:00')).toThrow(InvalidDateError);
  });
});
