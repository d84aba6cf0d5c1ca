/**
 * The court calendar as one document (what the registry stores and an administrator edits):
 * whole-table rules, messages that name the row, and one court's view of the table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  courtCalendarFor,
  courtCalendarProblems,
  courtCalendarTableSchema,
} from '../../../../src/shared/calendar/courtCalendarTable';

const A = 'CA034999J';
const B = 'CA019015J';

function problems(input: unknown): string[] {
  const parsed = courtCalendarTableSchema.safeParse(input);
  return parsed.success ? [] : courtCalendarProblems(parsed.error, input);
}

describe('the court calendar table', () => {
  it('accepts empty tables and ignores the export’s updatedAt / updatedBy', () => {
    expect(
      courtCalendarTableSchema.parse({
        closures: [],
        settings: [],
        updatedAt: '2026-11-26T03:00:00.000Z',
        updatedBy: 'command line',
      }),
    ).toEqual({ closures: [], settings: [] });
  });

  it('names each bad row by its number and what identifies it', () => {
    expect(
      problems({
        closures: [
          { court: A, date: '2026-11-03', reason: 'Fine' },
          { court: 'Sacramento', date: '2026-11-04', reason: 'Name, not ORI' },
          { court: A, date: '2026-11-05', reason: '   ' },
        ],
        settings: [
          { court: '*', closeOfBusiness: '17:00' },
          { court: B, closeOfBusiness: '24:00' },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^closures row 2 \(Sacramento 2026-11-04\), court: .*ORI/),
      'closures row 3 (CA034999J 2026-11-05), reason: Say why the court is closed',
      expect.stringMatching(/^settings row 1 \(\* 17:00\), court: .*ORI/),
      expect.stringMatching(/^settings row 2 \(CA019015J 24:00\), closeOfBusiness: .*HH:MM/),
    ]);
  });

  it('refuses a second row for the same court and date, or the same court’s settings', () => {
    expect(
      problems({
        closures: [
          { court: A, date: '2026-11-03', reason: 'One' },
          { court: B, date: '2026-11-03', reason: 'Other court: fine' },
          { court: A, date: '2026-11-03', reason: 'Two' },
        ],
        settings: [
          { court: A, closeOfBusiness: '16:00' },
          { court: A, closeOfBusiness: '17:00' },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^closures row 3 .*already closed on 2026-11-03 \(closures row 1\)/),
      expect.stringMatching(/^settings row 2 .*already has a settings row \(settings row 1\)/),
    ]);
  });

  it('says which table is missing, and refuses a row that is not an object', () => {
    expect(problems({ closures: [] })).toEqual([
      'settings: List the settings as "settings": [ … ] (an empty list is fine)',
    ]);
    expect(problems({ closures: ['2026-11-03'], settings: [] })).toEqual([
      expect.stringMatching(/^closures row 1: /),
    ]);
  });

  it('gives a court its own rows and the * rows, never another court’s', () => {
    const table = courtCalendarTableSchema.parse({
      closures: [
        { court: '*', date: '2026-12-24', reason: 'All courts' },
        { court: A, date: '2026-11-03', reason: 'A only' },
        { court: B, date: '2026-11-04', reason: 'B only' },
      ],
      settings: [
        { court: A, closeOfBusiness: '16:00' },
        { court: B, closeOfBusiness: '17:30' },
      ],
    });
    expect(courtCalendarFor(table, A, null)).toEqual({
      court: A,
      closures: [table.closures[0], table.closures[1]],
      settings: [{ court: A, closeOfBusiness: '16:00' }],
      updatedAt: null,
    });
    fc.assert(
      fc.property(fc.constantFrom(A, B, 'CA001997J'), (court) => {
        const view = courtCalendarFor(table, court, null);
        return (
          view.closures.every((c) => c.court === court || c.court === '*') &&
          view.settings.every((s) => s.court === court)
        );
      }),
    );
  });
});
