/**
 * The workstation's kept court calendar: survives a new instance (a restart), is used only for
 * the court it was fetched for, treats a damaged file as "none yet", fetches at most once a
 * minute, and keeps the last copy when the registry fails or answers for another court.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CourtCalendarCopy } from '../../../../src/main/sync/courtCalendarCopy';
import type { CourtCalendarForCourt } from '../../../../src/shared/calendar/courtCalendarTable';

const A = 'CA034999J';
const calendar: CourtCalendarForCourt = {
  court: A,
  closures: [
    { court: '*', date: '2026-12-24', reason: 'All courts' },
    { court: A, date: '2026-11-03', reason: 'Water main break' },
  ],
  settings: [{ court: A, closeOfBusiness: '16:00' }],
  updatedAt: '2026-11-01T10:00:00.000Z',
};
const rulesA = { closures: ['2026-11-03', '2026-12-24'], closeOfBusiness: '16:00' };
const defaults = { closures: [], closeOfBusiness: '17:00' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-calendar-copy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A fake client answering with `answers` in turn (a function throws). */
function client(...answers: (CourtCalendarForCourt | (() => never))[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    courtCalendar: async () => {
      const next = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      if (typeof next === 'function') return next();
      if (!next) throw new Error('no answer');
      return next;
    },
  };
}

describe('CourtCalendarCopy', () => {
  it('gives the defaults with no copy, and the court’s rules from a saved one after a restart', () => {
    expect(new CourtCalendarCopy(dir).rulesFor(A)).toEqual(defaults);
    new CourtCalendarCopy(dir).save(calendar, '2026-11-02T09:00:00.000Z');
    const again = new CourtCalendarCopy(dir);
    expect(again.rulesFor(A)).toEqual(rulesA);
    expect(again.get(A)?.receivedAt).toBe('2026-11-02T09:00:00.000Z');
    // Enrolled for another court (or not at all): the copy is not this court's.
    expect(again.rulesFor('CA019015J')).toEqual(defaults);
    expect(again.rulesFor(null)).toEqual(defaults);
  });

  it('treats a damaged file as no copy', () => {
    mkdirSync(path.join(dir, 'sync'), { recursive: true });
    writeFileSync(path.join(dir, 'sync', 'court-calendar.json'), '{"version":1,"calendar":');
    expect(new CourtCalendarCopy(dir).rulesFor(A)).toEqual(defaults);
  });

  it('fetches at most once a minute, again after forget()', async () => {
    const copy = new CourtCalendarCopy(dir);
    const fake = client(calendar);
    await Promise.all([copy.refresh(fake, A, new Date()), copy.refresh(fake, A, new Date())]);
    await copy.refresh(fake, A, new Date());
    expect(fake.calls).toBe(1);
    expect(copy.rulesFor(A)).toEqual(rulesA);
    copy.forget();
    await copy.refresh(fake, A, new Date());
    expect(fake.calls).toBe(2);
  });

  it('keeps the last copy when the registry fails or answers for another court', async () => {
    const copy = new CourtCalendarCopy(dir);
    await copy.refresh(client(calendar), A, new Date());
    copy.forget();
    const failing = client(() => {
      throw new Error('offline');
    });
    await expect(copy.refresh(failing, A, new Date())).resolves.toBeUndefined();
    await copy.refresh(client({ ...calendar, court: 'CA019015J', closures: [] }), A, new Date());
    expect(copy.rulesFor(A)).toEqual(rulesA);
    expect(new CourtCalendarCopy(dir).rulesFor(A)).toEqual(rulesA);
  });
});
