/**
 * The workstation's CLETS deadline figures: words for court time, and the countdown that runs
 * on from the registry's lists between fetches, across a weekend and the Thanksgiving holidays
 * (shared calendar), checked against the registry's own classification.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { classifyDeadlines, type OpenTransaction } from '../../../../src/registry/relay/deadlines';
import {
  atRiskText,
  courtDaysAfter,
  courtTime,
  deadlineRowsAt,
  effectiveNow,
  eventLabel,
  formatCourtHours,
  overdueText,
  stateLabel,
} from '../../../../src/renderer/features/clets/deadlinesView';
import { cletsDueBy } from '../../../../src/shared/calendar';
import type { DeadlineListsView } from '../../../../src/shared/ipc/contracts/clets';
import { toZonedIso } from '../../../../src/shared/time';

const at = (iso: string) => Date.parse(iso);

function open(id: number, eventAt: string): OpenTransaction {
  return {
    transactionId: id,
    orderId: `order-${id}`,
    caseNumber: `26FL${String(id).padStart(6, '0')}`,
    event: 'issued',
    state: 'pending',
    eventAt,
    dueBy: cletsDueBy(eventAt),
    messageId: null,
  };
}

/** The registry's lists at `asOf`, as main hands them to the renderer. */
function listsAt(items: readonly OpenTransaction[], asOf: string): DeadlineListsView {
  const { now, atRisk, overdue } = classifyDeadlines(items, new Date(asOf));
  return { asOf: now, ageMs: 0, atRisk: [...atRisk], overdue: [...overdue] };
}

describe('words for court time', () => {
  it('writes hours and minutes, rounding to the minute', () => {
    expect(formatCourtHours(2.25)).toBe('2 h 15 min');
    expect(formatCourtHours(0.75)).toBe('45 min');
    expect(formatCourtHours(3)).toBe('3 h');
    expect(formatCourtHours(3.999)).toBe('4 h');
    expect(formatCourtHours(0.004)).toBe('less than 1 min');
    expect(formatCourtHours(-1)).toBe('less than 1 min');
  });

  it('says what is left, and how late in court days and court hours', () => {
    expect(atRiskText({ courtHoursLeft: 2.25 })).toBe('2 h 15 min of court time left');
    expect(atRiskText({ courtHoursLeft: 0 })).toBe('No court time left: due by the end of today');
    expect(overdueText({ courtDaysOverdue: 1, courtHoursOverdue: 0 })).toBe('1 court day overdue');
    expect(overdueText({ courtDaysOverdue: 3, courtHoursOverdue: 20.5 })).toBe(
      '3 court days overdue (20 h 30 min of court time)',
    );
    expect(overdueText({ courtDaysOverdue: 0, courtHoursOverdue: 0 })).toMatch(
      /no court day has passed/,
    );
  });

  it('names events and states in clerk words, and shows due-by in court time', () => {
    expect(eventLabel('served')).toBe('Proof of service');
    expect(eventLabel('entered-in-error')).toBe('Entered in error');
    expect(eventLabel('something-new')).toBe('something-new');
    expect(stateLabel('pending')).toBe('Waiting to be sent');
    expect(stateLabel('sending')).toMatch(/not answered/);
    const due = courtTime('2026-12-05T07:59:59.999Z');
    expect(due).toContain('Dec 4');
    expect(due).toContain('11:59 PM');
    expect(due).toContain('PST');
  });
});

describe('the countdown between fetches', () => {
  // Event Thu 3 Dec 2026 → due by the end of Fri 4 Dec; the registry looked at 15:00 Friday.
  const item = open(1, '2026-12-03T10:00:00-08:00');
  const lists = listsAt([item], '2026-12-04T15:00:00-08:00');

  it('starts from the registry’s figure', () => {
    expect(lists.atRisk.map((r) => r.courtHoursLeft)).toEqual([2]);
    const rows = deadlineRowsAt(lists, at(lists.asOf));
    expect(rows.atRisk[0]?.courtHoursLeft).toBe(2);
  });

  it('counts down court time on Friday afternoon', () => {
    const rows = deadlineRowsAt(lists, at('2026-12-04T16:15:00-08:00'));
    expect(rows.overdue).toEqual([]);
    expect(atRiskText(rows.atRisk[0] as never)).toBe('45 min of court time left');
  });

  it('after 5 PM no court time is left, but the order is not overdue before midnight', () => {
    const rows = deadlineRowsAt(lists, at('2026-12-04T18:00:00-08:00'));
    expect(rows.atRisk[0]?.courtHoursLeft).toBe(0);
    expect(rows.overdue).toEqual([]);
  });

  it('over the weekend it is overdue but no court day has passed', () => {
    const rows = deadlineRowsAt(lists, at('2026-12-05T10:00:00-08:00'));
    expect(rows.atRisk).toEqual([]);
    expect(rows.overdue[0]).toMatchObject({ courtDaysOverdue: 0, courtHoursOverdue: 0 });
  });

  it('on Monday morning it is one court day overdue, counted in court hours', () => {
    const rows = deadlineRowsAt(lists, at('2026-12-07T10:30:00-08:00'));
    expect(overdueText(rows.overdue[0] as never)).toBe(
      '1 court day overdue (2 h 30 min of court time)',
    );
  });

  it('Thanksgiving and the day after are not court days', () => {
    // Due by the end of Wed 25 Nov; the next court day after it is Mon 30 Nov.
    const due = open(2, '2026-11-24T09:00:00-08:00');
    const late = open(3, '2026-11-23T09:00:00-08:00');
    const wed = listsAt([due, late], '2026-11-25T14:00:00-08:00');
    expect(wed.atRisk.map((r) => r.transactionId)).toEqual([2]);
    expect(wed.overdue.map((r) => [r.courtDaysOverdue, r.courtHoursOverdue])).toEqual([[1, 6]]);
    const rows = deadlineRowsAt(wed, at('2026-11-30T09:30:00-08:00'));
    expect(rows.atRisk).toEqual([]);
    // Sorted by due-by: the older one first.
    expect(
      rows.overdue.map((r) => [r.transactionId, r.courtDaysOverdue, r.courtHoursOverdue]),
    ).toEqual([
      [3, 2, 10.5],
      [2, 1, 1.5],
    ]);
    expect(courtDaysAfter('2026-11-25', '2026-11-29')).toBe(0);
  });

  it('runs on elapsed time only, whatever the workstation clock says', () => {
    const kept = { ...lists, ageMs: 30 * 60_000 };
    // A workstation clock four years off: only the 15 minutes since receipt count.
    const received = at('2030-01-01T00:00:00Z');
    const now = effectiveNow(kept, received, received + 15 * 60_000);
    expect(toZonedIso(now)).toBe('2026-12-04T15:45:00-08:00');
    // A clock that went backwards does not run the countdown backwards.
    expect(effectiveNow(kept, received, received - 60_000)).toBe(at('2026-12-04T15:30:00-08:00'));
    expect(deadlineRowsAt(kept, now).atRisk[0]?.courtHoursLeft).toBe(1.25);
  });

  it('agrees with the registry’s own lists at any later instant (property)', () => {
    const minute = 60_000;
    const start = at('2026-11-16T00:00:00-08:00');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        fc.integer({ min: 0, max: 6 * 24 * 60 }),
        (events, asOfMin, laterMin) => {
          const items = events.map((m, i) => open(i + 1, toZonedIso(start + m * minute)));
          const asOf = start + asOfMin * minute;
          const later = asOf + laterMin * minute;
          const lists = listsAt(items, toZonedIso(asOf));
          const rows = deadlineRowsAt(lists, later);
          const truth = classifyDeadlines(items, new Date(later));
          const shown = new Set([...lists.atRisk, ...lists.overdue].map((r) => r.transactionId));
          const overdue = truth.overdue.filter((r) => shown.has(r.transactionId));
          expect(rows.overdue.map((r) => r.transactionId)).toEqual(
            overdue.map((r) => r.transactionId),
          );
          rows.overdue.forEach((r, i) => {
            expect(r.courtDaysOverdue).toBe(overdue[i]?.courtDaysOverdue);
            expect(r.courtHoursOverdue).toBeCloseTo(overdue[i]?.courtHoursOverdue ?? NaN, 1);
          });
          const atRisk = truth.atRisk.filter((r) => shown.has(r.transactionId));
          expect(rows.atRisk.map((r) => r.transactionId).sort()).toEqual(
            atRisk.map((r) => r.transactionId).sort(),
          );
          for (const r of rows.atRisk) {
            const expected = atRisk.find((t) => t.transactionId === r.transactionId);
            expect(r.courtHoursLeft).toBeCloseTo(expected?.courtHoursLeft ?? NaN, 1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
