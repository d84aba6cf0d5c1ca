import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CA_JUDICIAL_HOLIDAY_RULES,
  addCourtDays,
  closuresFor,
  courtClosureTableSchema,
  holidayRuleSchema,
  holidaysFor,
  isCourtDay,
  makeCourtCalendar,
  nextCourtDay,
  previousCourtDay,
} from '../../../../src/shared/calendar';
import { InvalidDateError, addDays } from '../../../../src/shared/time';

const dates = (year: number): string[] => holidaysFor(year).map((h) => h.date);

describe('holidaysFor', () => {
  it('lists the 14 observed court holidays of 2025 from domain.md §5.2', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01',
      '2025-01-20',
      '2025-02-12',
      '2025-02-17',
      '2025-03-31',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-09-26',
      '2025-11-11',
      '2025-11-27',
      '2025-11-28',
      '2025-12-25',
    ]);
  });

  it('lists the 14 observed court holidays of 2026 with their names', () => {
    const list = holidaysFor(2026);
    expect(list).toHaveLength(14);
    expect(dates(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-12',
      '2026-02-16',
      '2026-03-31',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-09-25',
      '2026-11-11',
      '2026-11-26',
      '2026-11-27',
      '2026-12-25',
    ]);
    expect(list.find((h) => h.date === '2026-07-03')?.name).toBe('Independence Day');
  });

  it('observes a Sunday holiday on the Monday after', () => {
    // 19 June 2033 and Christmas 2033 fall on Sundays.
    expect(dates(2033)).toContain('2033-06-20');
    expect(dates(2033)).toContain('2033-12-26');
    expect(dates(2033)).not.toContain('2033-12-25');
  });

  it('observes 1 January on a Saturday on 31 December of the year before', () => {
    expect(dates(2021)).toContain('2021-12-31');
    expect(dates(2022)).not.toContain('2022-01-01');
    // 2022: no Juneteenth yet, and New Year's Day 2022 was observed in 2021.
    expect(dates(2022)).toHaveLength(12);
    expect(dates(2027)).toContain('2027-12-31');
    expect(isCourtDay('2027-12-31')).toBe(false);
    expect(nextCourtDay('2027-12-30')).toBe('2028-01-03');
  });

  it('applies rule versions by effective date', () => {
    const names2021 = holidaysFor(2021).map((h) => h.name);
    expect(names2021).toContain('Columbus Day');
    expect(names2021).not.toContain('Native American Day');
    expect(names2021).not.toContain('Juneteenth');
    const names2022 = holidaysFor(2022).map((h) => h.name);
    expect(names2022).toContain('Native American Day');
    expect(names2022).not.toContain('Columbus Day');
    expect(names2022).not.toContain('Juneteenth');
    expect(holidaysFor(2023).map((h) => h.name)).toContain('Juneteenth');
  });

  it('refuses a year that is not a whole number in range', () => {
    expect(() => holidaysFor(2026.5)).toThrow(RangeError);
    expect(() => holidaysFor(0)).toThrow(/1 to 9999/);
  });

  it('returns copies, so a caller cannot edit the cached table', () => {
    const first = holidaysFor(2026);
    first[0]!.date = '1999-01-01';
    first.pop();
    expect(holidaysFor(2026)[0]?.date).toBe('2026-01-01');
    expect(holidaysFor(2026)).toHaveLength(14);
  });
});

describe('isCourtDay', () => {
  it('Independence Day 2026 is observed on Friday 3 July', () => {
    expect(isCourtDay('2026-07-02')).toBe(true);
    expect(isCourtDay('2026-07-03')).toBe(false);
    expect(isCourtDay('2026-07-04')).toBe(false); // Saturday
    expect(isCourtDay('2026-07-06')).toBe(true);
  });

  it('Thanksgiving and the day after are holidays', () => {
    expect(isCourtDay('2026-11-25')).toBe(true);
    expect(isCourtDay('2026-11-26')).toBe(false);
    expect(isCourtDay('2026-11-27')).toBe(false);
    expect(nextCourtDay('2026-11-25')).toBe('2026-11-30');
  });

  it('Columbus Day is a court day now, but was not in 2021', () => {
    expect(isCourtDay('2026-10-12')).toBe(true);
    expect(isCourtDay('2025-10-13')).toBe(true);
    expect(isCourtDay('2021-10-11')).toBe(false);
  });

  it('weekends are not court days', () => {
    expect(isCourtDay('2026-07-11')).toBe(false);
    expect(isCourtDay('2026-07-12')).toBe(false);
  });

  it('court closures passed in as data close that court only', () => {
    const closures = ['2026-07-06'];
    expect(isCourtDay('2026-07-06', closures)).toBe(false);
    expect(isCourtDay('2026-07-06')).toBe(true);
    expect(nextCourtDay('2026-07-02', closures)).toBe('2026-07-07');
  });

  it('refuses a bad date or a bad closure date', () => {
    expect(() => isCourtDay('2026-02-30')).toThrow(InvalidDateError);
    expect(() => isCourtDay('2026-07-06', ['2026-7-6'])).toThrow(/Court closure date "2026-7-6"/);
  });
});

describe('nextCourtDay / previousCourtDay / addCourtDays', () => {
  it('skips weekends and holidays', () => {
    expect(nextCourtDay('2026-07-02')).toBe('2026-07-06');
    expect(nextCourtDay('2026-12-24')).toBe('2026-12-28');
    expect(previousCourtDay('2026-07-06')).toBe('2026-07-02');
  });

  it('adds court days, counting from the day after', () => {
    expect(addCourtDays('2026-07-02', 0)).toBe('2026-07-02');
    expect(addCourtDays('2026-07-04', 0)).toBe('2026-07-04');
    expect(addCourtDays('2026-07-02', 1)).toBe('2026-07-06');
    expect(addCourtDays('2026-07-02', 5)).toBe('2026-07-10');
    // EPO example: issued Wednesday 25 Nov 2026; Thanksgiving break and weekend skipped.
    expect(addCourtDays('2026-11-25', 5)).toBe('2026-12-04');
    expect(addCourtDays('2026-07-06', -1)).toBe('2026-07-02');
  });

  it('refuses non-integer or huge counts', () => {
    expect(() => addCourtDays('2026-07-02', 1.5)).toThrow(RangeError);
    expect(() => addCourtDays('2026-07-02', 1e9)).toThrow(/whole number/);
  });
});

const isoDate = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2090-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const closureList = fc.uniqueArray(isoDate, { maxLength: 5 });

describe('calendar properties', () => {
  it('addCourtDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40, max: 40 }), closureList, (date, n, closures) => {
        expect(addCourtDays(date, n + 1, closures) > addCourtDays(date, n, closures)).toBe(true);
      }),
    );
  });

  it('nextCourtDay is a court day, after the input, with no court day in between', () => {
    fc.assert(
      fc.property(isoDate, closureList, (date, closures) => {
        const next = nextCourtDay(date, closures);
        expect(next > date).toBe(true);
        expect(isCourtDay(next, closures)).toBe(true);
        for (let d = addDays(date, 1); d < next; d = addDays(d, 1)) {
          expect(isCourtDay(d, closures)).toBe(false);
        }
      }),
    );
  });

  it('every year has its observed holidays on weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        for (const h of holidaysFor(year)) {
          expect(h.date.startsWith(`${year}-`)).toBe(true);
          expect(isCourtDay(h.date)).toBe(false);
          expect([0, 6]).not.toContain(new Date(`${h.date}T00:00:00Z`).getUTCDay());
        }
      }),
    );
  });
});

describe('editable tables', () => {
  it('every shipped holiday rule passes its own schema', () => {
    for (const rule of CA_JUDICIAL_HOLIDAY_RULES)
      expect(holidayRuleSchema.parse(rule)).toEqual(rule);
  });

  it('a calendar built from an edited table uses it', () => {
    const cal = makeCourtCalendar([
      ...CA_JUDICIAL_HOLIDAY_RULES,
      { name: 'Admission Day (test)', date: { kind: 'fixed', month: 9, day: 9 }, source: 'test' },
    ]);
    expect(cal.isCourtDay('2026-09-09')).toBe(false);
    expect(isCourtDay('2026-09-09')).toBe(true);
  });

  it('picks one court’s closures from the closure table, including all-court rows', () => {
    const table = courtClosureTableSchema.parse([
      { court: 'CA019015J', date: '2026-08-03', reason: 'Power outage' },
      { court: '*', date: '2026-08-10', reason: 'National day of mourning' },
      { court: 'CA034015J', date: '2026-08-04', reason: 'Flood' },
    ]);
    expect(closuresFor(table, 'CA019015J')).toEqual(['2026-08-03', '2026-08-10']);
    expect(() =>
      courtClosureTableSchema.parse([{ court: 'X', date: '2026-02-30', reason: 'r' }]),
    ).toThrow(/Closure date/);
  });
});
