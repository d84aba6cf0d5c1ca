import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  classifyDeadlines,
  courtDaysBetween,
  type OpenTransaction,
} from '../../../../src/registry/relay/deadlines';
import { cletsDueBy } from '../../../../src/shared/calendar';

function open(id: number, eventAt: string): OpenTransaction {
  return {
    transactionId: id,
    orderId: `o${id}`,
    caseNumber: `C${id}`,
    event: 'issued',
    state: 'pending',
    eventAt,
    dueBy: cletsDueBy(eventAt),
    messageId: null,
  };
}

const at = (iso: string) => new Date(iso);

describe('relay: CLETS deadline lists', () => {
  it('counts court days after the due date, weekends and holidays excluded', () => {
    expect(courtDaysBetween('2026-12-04', '2026-12-06')).toBe(0); // Fri → Sun
    expect(courtDaysBetween('2026-12-04', '2026-12-07')).toBe(1); // → Mon
    expect(courtDaysBetween('2026-11-25', '2026-11-30')).toBe(1); // Thanksgiving Thu/Fri skipped
    expect(courtDaysBetween('2026-12-04', '2026-12-03')).toBe(0);
    expect(courtDaysBetween('2026-12-04', '2026-12-07', ['2026-12-07'])).toBe(0); // court closed
  });

  it('puts a transaction due within 4 court hours at risk, counting only court hours', () => {
    // Issued Wednesday before Thanksgiving: due at the end of Monday 30 Nov.
    const t = open(1, '2026-11-25T16:30:00-08:00');
    expect(t.dueBy).toBe('2026-11-30T23:59:59.999-08:00');
    // Friday (a court holiday) evening: 9 court hours left (all of Monday) — not at risk.
    expect(classifyDeadlines([t], at('2026-11-27T20:00:00-08:00'))).toMatchObject({
      atRisk: [],
      overdue: [],
    });
    // Monday 13:30: 3.5 court hours left.
    expect(classifyDeadlines([t], at('2026-11-30T13:30:00-08:00')).atRisk).toEqual([
      { ...t, courtHoursLeft: 3.5 },
    ]);
    // Monday 20:00: past the court day's close but before midnight — 0 hours left, still at risk.
    expect(classifyDeadlines([t], at('2026-11-30T20:00:00-08:00')).atRisk).toEqual([
      { ...t, courtHoursLeft: 0 },
    ]);
  });

  it('lists overdue transactions by court days and hours late, oldest due first', () => {
    const thu = open(1, '2026-12-03T14:00:00-08:00');
    const fri = open(2, '2026-12-04T15:30:00-08:00');
    const lists = classifyDeadlines([fri, thu], at('2026-12-08T09:00:00-08:00'));
    expect(lists.now).toBe('2026-12-08T09:00:00-08:00');
    expect(lists.overdue).toEqual([
      { ...thu, courtDaysOverdue: 2, courtHoursOverdue: 10 },
      { ...fri, courtDaysOverdue: 1, courtHoursOverdue: 1 },
    ]);
  });

  it('never lets lateness shrink as time passes (property)', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const span = 365 * 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: span }),
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        fc.integer({ min: 0, max: 5 * 86_400_000 }),
        (event, after, more) => {
          const t = open(1, new Date(start + event).toISOString());
          const first = classifyDeadlines([t], new Date(start + event + after));
          const later = classifyDeadlines([t], new Date(start + event + after + more));
          const days = (l: typeof first) => l.overdue[0]?.courtDaysOverdue ?? -1;
          const hours = (l: typeof first) => l.overdue[0]?.courtHoursOverdue ?? -1;
          expect(days(later)).toBeGreaterThanOrEqual(days(first));
          expect(hours(later)).toBeGreaterThanOrEqual(hours(first));
          // Never both at risk and overdue.
          expect(first.atRisk.length + first.overdue.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
