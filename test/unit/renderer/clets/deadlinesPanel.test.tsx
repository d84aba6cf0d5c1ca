// @vitest-environment happy-dom
/**
 * DeadlinesPanel against a fake `window.clerk` (main's answers) and a real Dexie database
 * (fake-indexeddb): the populated lists with headings, tables and links to local orders; the
 * honest empty and offline states; a refused role; fetching again when the registry link
 * changes; and the countdown moving each minute.
 */
import 'fake-indexeddb/auto';

import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createAppStore } from '../../../../src/renderer/app/store';
import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import type { OrderRow } from '../../../../src/renderer/db/rows';
import { DeadlinesPanel } from '../../../../src/renderer/features/clets/DeadlinesPanel';
import { syncStatusReceived } from '../../../../src/renderer/features/sync/syncSlice';
import type { ListDeadlinesResult } from '../../../../src/shared/ipc/contracts/clets';
import type { SyncStatus } from '../../../../src/shared/ipc/contracts/sync';

const LOCAL = '0c1e7a55-9d2b-4f10-8a3c-000000000001';
const REMOTE = '0c1e7a55-9d2b-4f10-8a3c-000000000002';
let db: ClerkDb;
let n = 0;
let answers: (() => Promise<unknown>)[] = [];
let calls = 0;

const base = { event: 'issued', state: 'pending' as const, eventAt: '', messageId: null };
const populated: ListDeadlinesResult = {
  reached: true,
  message: null,
  lists: {
    asOf: '2026-12-04T14:45:00-08:00',
    ageMs: 0,
    overdue: [
      {
        ...base,
        transactionId: 7,
        orderId: LOCAL,
        caseNumber: '26FL000111',
        dueBy: '2026-12-03T23:59:59.999-08:00',
        courtDaysOverdue: 1,
        courtHoursOverdue: 6.75,
      },
    ],
    atRisk: [
      {
        ...base,
        transactionId: 8,
        orderId: REMOTE,
        caseNumber: '26FL000222',
        event: 'served',
        state: 'sending',
        dueBy: '2026-12-04T23:59:59.999-08:00',
        courtHoursLeft: 2.25,
      },
    ],
  },
};

function answer(value: ListDeadlinesResult | { error: { code: string; message: string } }) {
  return () =>
    Promise.resolve('error' in value ? { ok: false, ...value } : { ok: true, value: value });
}

function mount() {
  const store = createAppStore();
  render(
    <Provider store={store}>
      <DeadlinesPanel />
    </Provider>,
  );
  return store;
}

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`deadlines-panel-${n}`);
  await db.open();
  useDatabaseForTests(db);
  const order: OrderRow = {
    id: LOCAL,
    orderType: 'DV-110',
    caseNumber: '26FL000111',
    status: 'sent-to-clets',
    updatedAt: '2026-12-02T10:00:00-08:00',
    courtroom: '',
    submittedAt: '2026-12-02T10:00:00-08:00',
    order: {},
  };
  await db.orders.put(order);
  calls = 0;
  answers = [];
  (window as unknown as { clerk: unknown }).clerk = {
    clets: {
      listDeadlines: () => {
        calls += 1;
        const next = answers.length > 1 ? answers.shift() : answers[0];
        return next ? next() : new Promise(() => undefined);
      },
    },
  };
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  db.close();
  await db.delete();
});

describe('DeadlinesPanel', () => {
  it('shows overdue and at-risk lists as labelled tables, linking orders kept here', async () => {
    answers = [answer(populated)];
    mount();
    const overdue = await screen.findByRole('table', { name: /Overdue \(1\)/ });
    const atRisk = screen.getByRole('table', { name: /At risk \(1\)/ });
    expect(screen.getByRole('heading', { level: 2, name: 'CLETS deadlines' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Overdue (1)' })).toBeTruthy();

    const late = within(overdue).getAllByRole('row')[1] as HTMLElement;
    expect(late.textContent).toContain('1 court day overdue (6 h 45 min of court time)');
    expect(late.textContent).toContain('Issued');
    expect(late.textContent).toContain('Waiting to be sent');
    expect(late.textContent).toContain('Thu, Dec 3, 11:59 PM PST');
    const link = await within(late).findByRole('link', { name: '26FL000111' });
    expect(link.getAttribute('href')).toBe(`#/intake/submitted/${LOCAL}`);
    await waitFor(() => expect(late.textContent).toContain('DV-110'));

    const soon = within(atRisk).getAllByRole('row')[1] as HTMLElement;
    expect(soon.textContent).toContain('At risk');
    expect(soon.textContent).toContain('Proof of service');
    expect(soon.textContent).toContain('Sent, CLETS has not answered');
    expect(soon.textContent).toContain('Not on this workstation');
    expect(within(soon).queryByRole('link')).toBeNull();
    // The figure the clerk reads does not depend on colour: the words say it.
    expect(soon.textContent).toMatch(/2 h 1[45] min of court time left/);
  });

  it('says so plainly when nothing is at risk or overdue', async () => {
    answers = [
      answer({
        reached: true,
        message: null,
        lists: { asOf: '2026-12-04T09:00:00-08:00', ageMs: 0, overdue: [], atRisk: [] },
      }),
    ];
    mount();
    const status = await screen.findByText('No CLETS transaction is at risk or overdue.');
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('while the registry is not reached, shows the last lists and from when they are', async () => {
    answers = [
      answer({
        reached: false,
        message: 'The registry cannot be reached (timeout); retrying on its own.',
        lists: { ...(populated.lists as NonNullable<ListDeadlinesResult['lists']>), ageMs: 0 },
      }),
    ];
    mount();
    const status = await screen.findByText(/deadlines shown are from Fri, Dec 4, 2:45 PM PST/);
    expect(status.textContent).toContain('retrying on its own');
    expect(screen.getByRole('table', { name: /Overdue/ })).toBeTruthy();
  });

  it('never claims "nothing at risk" when it has no lists at all', async () => {
    answers = [
      answer({
        reached: false,
        message: 'This workstation is not enrolled with the registry yet: enrol it in Settings.',
        lists: null,
      }),
    ];
    mount();
    const status = await screen.findByText(/CLETS deadlines are not known/);
    expect(status.textContent).toContain('enrol it in Settings');
    expect(screen.queryByText(/No CLETS transaction/)).toBeNull();
  });

  it('shows the refusal when the role may not see deadlines', async () => {
    answers = [answer({ error: { code: 'forbidden', message: 'Your role may not do this.' } })];
    mount();
    expect(await screen.findByText(/cannot be shown: Your role may not do this\./)).toBeTruthy();
  });

  it('asks again when the registry link changes', async () => {
    answers = [answer(populated)];
    const store = mount();
    await screen.findByRole('table', { name: /Overdue/ });
    const before = calls;
    const status: SyncStatus = {
      registryUrl: 'http://127.0.0.1:1/',
      urlSource: 'environment',
      enrolled: true,
      deviceId: 'd',
      courtOri: 'CA034999J',
      connectivity: 'offline',
      detail: 'x',
      lastContactAt: null,
      autoEnrol: false,
    };
    act(() => {
      store.dispatch(syncStatusReceived(status));
    });
    await waitFor(() => expect(calls).toBe(before + 1));
  });

  it('counts down each minute and asks the registry again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-12-04T14:45:00-08:00'));
    // First answer arrives; later calls never answer, so only the local countdown moves.
    answers = [answer(populated), () => new Promise(() => undefined)];
    mount();
    const table = await screen.findByRole('table', { name: /At risk/ });
    expect(table.textContent).toContain('2 h 15 min of court time left');
    act(() => {
      vi.advanceTimersByTime(30 * 60_000);
    });
    expect(table.textContent).toContain('1 h 45 min of court time left');
    expect(calls).toBe(31);
  });
});
