// @vitest-environment happy-dom
/**
 * The court's rules in the renderer: loaded from main after sign-in and again when the registry
 * comes back, into the store; the form's check, its expiry preview and the Review page's derived
 * values count the court's closures and close of business. An EPO-001 issued the day before a
 * closure gets the later expiry, and its CLETS due-by moves to the next court day.
 */
import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startAppListening } from '../../../../src/renderer/app/listenerMiddleware';
import { createAppStore } from '../../../../src/renderer/app/store';
import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import { createDraft } from '../../../../src/renderer/db/draftsRepo';
import { classifyDeadlines } from '../../../../src/registry/relay/deadlines';
import { addCalendarListeners } from '../../../../src/renderer/features/calendar/calendarListeners';
import {
  courtRulesLoaded,
  DEFAULT_COURT_RULES,
  selectCourtRules,
  selectCourtRulesError,
} from '../../../../src/renderer/features/calendar/calendarSlice';
import { deadlineRowsAt } from '../../../../src/renderer/features/clets/deadlinesView';
import { entryFor } from '../../../../src/renderer/features/intake/currentEntries';
import {
  parseStoredOrder,
  toPacketOrder,
} from '../../../../src/renderer/features/print/packet/toPacketOrder';
import { expiryPreview } from '../../../../src/renderer/features/intake/form/expiryPreview';
import { orderToValues } from '../../../../src/renderer/features/intake/form/toOrder';
import { checkForm } from '../../../../src/renderer/features/intake/form/validateForm';
import { Review } from '../../../../src/renderer/features/intake/Review';
import { syncStatusReceived } from '../../../../src/renderer/features/sync/syncSlice';
import type { CourtRules } from '../../../../src/shared/ipc/contracts/calendar';
import type { SyncStatus } from '../../../../src/shared/ipc/contracts/sync';

// Issued Monday 2 Nov 2026 10:00; the court is closed Tuesday 3 Nov.
const NOW = '2026-11-02T12:00:00-08:00';
const CLOSED = { closures: ['2026-11-03'], closeOfBusiness: '17:00' };
const entry = entryFor('EPO-001', NOW);
const fixture = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../fixtures/orders/EPO-001.valid.json'), 'utf8'),
) as Record<string, unknown>;
const values = {
  ...orderToValues(fixture),
  issuedAt: '2026-11-02 10:00',
  'service.at': '2026-11-02 10:30',
};

function derived(rules?: CourtRules) {
  if (!entry) throw new Error('EPO-001 missing');
  const check = checkForm(entry, values, String(fixture.id), Object.keys(values), NOW, rules);
  expect(check.result.errors).toEqual([]);
  return check.result.derived;
}

describe('the form with the court’s rules', () => {
  it('gives an EPO-001 issued the day before a closure the later expiry and due-by', () => {
    // 5th court day: Monday 9 Nov at close of business, before the end of the 7th day.
    expect(derived()).toMatchObject({
      expiresAt: '2026-11-09T17:00:00-08:00',
      cletsDueBy: '2026-11-03T23:59:59.999-08:00',
    });
    // Closed Tuesday: the 5th court day is Tuesday 10 Nov, so the 7th calendar day ends it.
    expect(derived(CLOSED)).toMatchObject({
      expiresAt: '2026-11-09T23:59:59-08:00',
      cletsDueBy: '2026-11-04T23:59:59.999-08:00',
    });
  });

  it('ends the EPO at the court’s own close of business', () => {
    expect(derived({ closures: [], closeOfBusiness: '16:00' })?.expiresAt).toBe(
      '2026-11-09T16:00:00-08:00',
    );
  });

  it('shows the same expiry in the Dates section while keying', () => {
    if (!entry) throw new Error('EPO-001 missing');
    const check = checkForm(entry, values, String(fixture.id), Object.keys(values), NOW, CLOSED);
    expect(expiryPreview(check.built.order, CLOSED)).toMatchObject({
      state: 'computed',
      text: 'Expires Nov 9, 2026, 11:59 PM (Pacific)',
    });
    expect(expiryPreview(check.built.order)).toMatchObject({
      text: 'Expires Nov 9, 2026, 5:00 PM (Pacific)',
    });
  });
});

describe('the printed service copy', () => {
  it('shows the same expiry as Review', () => {
    const order = parseStoredOrder({ ...fixture, issuedAt: '2026-11-02T10:00:00-08:00' }, 'EPO');
    expect(toPacketOrder(order, []).expiresAt).toBe('2026-11-09T17:00:00-08:00');
    expect(toPacketOrder(order, [], CLOSED).expiresAt).toBe('2026-11-09T23:59:59-08:00');
  });
});

describe('the CLETS deadline countdown with the court’s closures', () => {
  it('does not count a closed Monday as a court day overdue', () => {
    // Issued Thu 3 Dec → due by the end of Fri 4 Dec; the registry looked at 15:00 Friday.
    const item = {
      transactionId: 1,
      orderId: 'o-1',
      caseNumber: '26FL000001',
      event: 'issued',
      state: 'pending' as const,
      eventAt: '2026-12-03T10:00:00-08:00',
      dueBy: '2026-12-04T23:59:59.999-08:00',
      messageId: null,
    };
    const { now, atRisk, overdue } = classifyDeadlines([item], new Date('2026-12-04T15:00-08:00'));
    const lists = { asOf: now, ageMs: 0, atRisk: [...atRisk], overdue: [...overdue] };
    const monday = Date.parse('2026-12-07T10:30:00-08:00');
    expect(deadlineRowsAt(lists, monday).overdue[0]).toMatchObject({
      courtDaysOverdue: 1,
      courtHoursOverdue: 2.5,
    });
    expect(deadlineRowsAt(lists, monday, ['2026-12-07']).overdue[0]).toMatchObject({
      courtDaysOverdue: 0,
      courtHoursOverdue: 0,
    });
  });
});

// ——— the store: loading from main ———

let answers: (() => Promise<unknown>)[] = [];
let calls = 0;

beforeAll(() => addCalendarListeners(startAppListening));

function status(connectivity: SyncStatus['connectivity']): SyncStatus {
  return {
    registryUrl: 'http://127.0.0.1:1/',
    urlSource: 'settings',
    enrolled: true,
    deviceId: 'd-1',
    courtOri: 'CA034999J',
    connectivity,
    detail: '',
    lastContactAt: null,
    autoEnrol: false,
  };
}
const session = (state: 'active' | 'signed-out' | 'locked') => ({
  type: 'auth/sessionChanged',
  payload: { state, user: null, lockedReason: null, idleLockMinutes: 15, workstationId: 'ws' },
});

/** A store as after start-up: signed out and offline (the listener follows both). */
function freshStore() {
  const store = createAppStore();
  store.dispatch(session('signed-out'));
  store.dispatch(syncStatusReceived(status('offline')));
  return store;
}

let db: ClerkDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`court-rules-${n}`);
  await db.open();
  useDatabaseForTests(db);
  calls = 0;
  answers = [];
  (window as unknown as { clerk: unknown }).clerk = {
    calendar: {
      getCourtRules: () => {
        calls += 1;
        const next = answers.shift();
        return next ? next() : Promise.resolve({ ok: true, value: CLOSED });
      },
    },
  };
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

describe('the court’s rules in the store', () => {
  it('are the defaults until main answers after sign-in, then the court’s', async () => {
    const store = freshStore();
    expect(selectCourtRules(store.getState())).toBe(DEFAULT_COURT_RULES);
    store.dispatch(syncStatusReceived(status('online')));
    expect(calls).toBe(0); // not signed in: the channel would refuse
    store.dispatch(session('active'));
    await waitFor(() => expect(selectCourtRules(store.getState())).toEqual(CLOSED));
    expect(calls).toBe(1);
  });

  it('load again when the registry comes back, keeping the same object when unchanged', async () => {
    const store = freshStore();
    store.dispatch(session('active'));
    await waitFor(() => expect(calls).toBe(1));
    const first = selectCourtRules(store.getState());
    store.dispatch(syncStatusReceived(status('offline')));
    store.dispatch(syncStatusReceived(status('online')));
    await waitFor(() => expect(calls).toBe(2));
    expect(selectCourtRules(store.getState())).toBe(first);
    // Still online: no new load for every status message.
    store.dispatch(syncStatusReceived(status('online')));
    answers = [() => Promise.resolve({ ok: true, value: { ...CLOSED, closeOfBusiness: '16:00' } })];
    store.dispatch(syncStatusReceived(status('offline')));
    store.dispatch(syncStatusReceived(status('online')));
    await waitFor(() => expect(selectCourtRules(store.getState()).closeOfBusiness).toBe('16:00'));
    expect(calls).toBe(3);
  });

  it('keep the last rules when main refuses, and say why', async () => {
    const store = freshStore();
    store.dispatch(courtRulesLoaded(CLOSED));
    answers = [
      () => Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Sign in first.' } }),
    ];
    store.dispatch(session('active'));
    await waitFor(() => expect(selectCourtRulesError(store.getState())).toMatch(/Sign in first/));
    expect(selectCourtRules(store.getState())).toEqual(CLOSED);
  });
});

describe('the Review page', () => {
  it('shows the expiry and CLETS due-by with the court’s closures', async () => {
    if (!entry) throw new Error('EPO-001 missing');
    const store = freshStore();
    store.dispatch(courtRulesLoaded(CLOSED));
    const draft = await createDraft(db, 'EPO-001', 'casey', values);
    render(
      <Provider store={store}>
        <Review draft={draft} entry={entry} owner="casey" />
      </Provider>,
    );
    const facts = await screen.findByTestId('review-derived');
    expect(facts.textContent).toContain('Nov 9, 2026, 11:59 PM');
    expect(screen.getByTestId('review-clets-due').textContent).toBe('Nov 4, 2026, 11:59 PM');
    // The conflict check reads Dexie; let it finish before the database closes.
    await screen.findByText(/No other order or draft/);
  });
});
