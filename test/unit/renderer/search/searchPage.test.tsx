// @vitest-environment happy-dom
/**
 * The Search page against a fake `window.clerk` (main's answers) and the real local index over
 * a fake-indexeddb database holding the registry cache: a supervisor's mistyped surname finds the
 * cached order as they type, Enter merges and labels the registry's answer, typing on drops the
 * registry's rows of the old query, a registry refusal is said and the local rows stay, the
 * registry's rows show even when the local search fails, the keyboard opens an order; a clerk
 * is offered the case number only and main is asked for nothing else.
 */
import 'fake-indexeddb/auto';

import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppStore } from '../../../../src/renderer/app/store';
import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { useDatabaseForTests } from '../../../../src/renderer/db/database';
import { sessionChanged } from '../../../../src/renderer/features/auth/authSlice';
import { SearchPage } from '../../../../src/renderer/features/search/SearchPage';
import {
  useLocalSearcherForTests,
  type LocalSearcher,
} from '../../../../src/renderer/features/search/searchClient';
import { SearchFeed } from '../../../../src/renderer/features/search/searchFeed';
import { handleRequest } from '../../../../src/renderer/features/search/workerCore';
import { applyPulledPage } from '../../../../src/renderer/features/sync/registryCache';
import type { Role } from '../../../../src/shared/auth/roles';
import type { RegistrySearchPage } from '../../../../src/shared/ipc/contracts/search';
import type { PulledOrder } from '../../../../src/shared/ipc/contracts/sync';
import { pulledOrder } from '../../../fixtures/pulledOrder';

type Answer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const ok = (value: unknown): Answer => ({ ok: true, value });
let db: ClerkDb;
let n = 0;
let registryAnswer: () => Answer;
const calls: { channel: string; input: unknown }[] = [];

const record = (last: string, i: number) => ({
  id: `order-${i}`,
  orderType: 'DV-110',
  caseNumber: `26FL00${i}`,
  restrained: { name: { last, first: 'Daniel' }, dob: '1988-03-14' },
  protected: [{ name: { last: 'Whitfield', first: 'Ann' } }],
});

const pulled = (last: string, i: number): PulledOrder =>
  pulledOrder(i, {
    caseNumber: `26FL00${i}`,
    surnames: [last, 'Whitfield'],
    orderJson: JSON.stringify(record(last, i)),
  });

/** The registry's answer: the cached order and one only the registry knows. */
const registryPage: RegistrySearchPage = {
  results: [
    {
      orderId: 'order-1',
      caseNumber: '26FL001',
      orderType: 'DV-110',
      version: 1,
      status: 'at_registry',
      fcn: null,
      restrained: { last: 'Castellanos', first: 'Daniel', dob: '1988-03-14' },
      match: { role: 'restrained', last: 'Castellanos', first: 'Daniel', score: 0.7 },
    },
    {
      orderId: 'order-9',
      caseNumber: '26FL009',
      orderType: 'DV-130',
      version: 2,
      status: 'sent_to_clets',
      fcn: null,
      restrained: { last: 'Castellano', first: 'Rita', dob: null },
      match: { role: 'restrained', last: 'Castellano', first: 'Rita', score: 0.7 },
    },
  ],
  offset: 0,
  limit: 25,
  nextOffset: null,
};

function fakeClerk() {
  const answer = (channel: string, a: () => Answer) => (input: unknown) => {
    calls.push({ channel, input });
    return Promise.resolve(a());
  };
  return {
    search: {
      searchRegistry: answer('search:search-registry', () => registryAnswer()),
      getOrder: answer('search:get-order', () =>
        ok({
          orderId: 'order-1',
          version: 1,
          status: 'at_registry',
          statusAt: '2026-12-02T18:00:00.000Z',
          fcn: null,
          rejectReason: null,
          updatedAt: '2026-12-02T18:00:00.000Z',
          order: record('Castellanos', 1),
        }),
      ),
      getHistory: answer('search:get-history', () =>
        ok({
          orderId: 'order-1',
          events: [
            {
              version: 1,
              event: 'submitted',
              status: 'at_registry',
              detail: {},
              at: '2026-12-02T18:00:00.000Z',
            },
          ],
          services: [],
        }),
      ),
      getPage: answer('search:get-page', () => ok({ bytes: new Uint8Array([1]) })),
    },
    audit: { recordEvent: answer('audit:record-event', () => ok({ seq: 1 })) },
  };
}

/** The worker's code, in-thread, over the test database. */
function inThread(database: ClerkDb): LocalSearcher {
  const feed = new SearchFeed(database);
  const loaded = feed.load();
  return {
    async search(query) {
      const reply = await handleRequest(feed, loaded, { type: 'search', reqId: 1, query });
      if (reply.type === 'result') return reply.page;
      throw new Error(reply.type === 'error' ? reply.message : 'unexpected');
    },
  };
}

function mount(role: Role) {
  const store = createAppStore();
  store.dispatch(
    sessionChanged({
      state: 'active',
      user: {
        userId: `u-${role}`,
        username: role,
        displayName: `Test ${role}`,
        role,
        courtOri: 'CA034999J',
        courtroom: '',
      },
      lockedReason: null,
      idleLockMinutes: 5,
      workstationId: 'ws-1',
    }),
  );
  render(
    <Provider store={store}>
      <SearchPage headingRef={{ current: null }} />
    </Provider>,
  );
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.submit(screen.getByRole('search'));
const options = () =>
  within(screen.getByRole('listbox', { name: 'Search results' }))
    .queryAllByRole('option')
    .map((o) => o.textContent ?? '');
const registryCalls = () => calls.filter((c) => c.channel === 'search:search-registry');

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`search-page-${n}`);
  await db.open();
  useDatabaseForTests(db);
  await applyPulledPage(db, [pulled('Castellanos', 1), pulled('Yamamoto', 2)], 'c1');
  useLocalSearcherForTests(inThread(db));
  calls.length = 0;
  registryAnswer = () => ok(registryPage);
  (window as unknown as { clerk: unknown }).clerk = fakeClerk();
});

afterEach(async () => {
  cleanup();
  useLocalSearcherForTests(null);
  db.close();
  await db.delete();
});

describe('SearchPage', () => {
  it('finds a mistyped surname locally as the supervisor types; Enter adds the registry', async () => {
    mount('supervisor');
    type('Surname', 'Castelanos');
    await waitFor(() => expect(options()).toHaveLength(1));
    expect(options()[0]).toMatch(
      /^Castellanos, Daniel · DOB 1988-03-14 · 26FL001 .*\(registry cache\)$/,
    );
    // Typing asks main for nothing: the local index answers.
    expect(registryCalls()).toHaveLength(0);

    submit();
    await waitFor(() => expect(options()).toHaveLength(2));
    expect(registryCalls()[0]?.input).toEqual({ name: 'Castelanos', offset: 0, limit: 25 });
    expect(options()[0]).toMatch(/\(registry cache, registry\)$/);
    expect(options()[1]).toMatch(/^Castellano, Rita .*sent-to-clets.*\(registry\)$/);
    expect(screen.getByTestId('search-summary').textContent).toBe('Page 1 of 1 · 2 found');

    // Typing on is a new query: the registry's rows of the old one go.
    type('Surname', 'Yamamot');
    await waitFor(() => expect(options()).toEqual([expect.stringMatching(/^Yamamoto,/)]));
    expect(registryCalls()).toHaveLength(1);
  });

  it('keeps the registry search of an Enter pressed before the typing pause ended', async () => {
    mount('supervisor');
    type('Surname', 'Castelanos');
    submit();
    await waitFor(() => expect(options()).toHaveLength(2));
    // The debounced local-only search must not have replaced it.
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(options()).toHaveLength(2);
  });

  it('says the registry was not searched and keeps the local rows', async () => {
    registryAnswer = () => ({
      ok: false,
      error: { code: 'unavailable', message: 'The registry cannot be reached.' },
    });
    mount('supervisor');
    type('Surname', 'Castellanos');
    submit();
    await screen.findByText('Registry not searched: The registry cannot be reached.');
    expect(options()).toEqual([expect.stringMatching(/\(registry cache\)$/)]);
  });

  it("shows the registry's rows when the local search fails", async () => {
    useLocalSearcherForTests({
      search: () => Promise.reject(new Error('The local search failed: no index.')),
    });
    mount('supervisor');
    type('Surname', 'Castelanos');
    submit();
    await waitFor(() => expect(options()).toHaveLength(2));
    expect(options().every((o) => o.endsWith('(registry)'))).toBe(true);
  });

  it('opens the chosen order with the keyboard and shows its registry history', async () => {
    mount('supervisor');
    type('Surname', 'Castelanos');
    submit();
    await waitFor(() => expect(options()).toHaveLength(2));
    const list = screen.getByRole('listbox', { name: 'Search results' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('result-order-9');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    fireEvent.keyDown(list, { key: 'Enter' });
    const detail = await screen.findByTestId('order-detail');
    await waitFor(() =>
      expect(within(detail).getByRole('heading', { level: 1 }).textContent).toBe(
        'Castellanos, Daniel · 26FL001',
      ),
    );
    await within(detail).findByText(/submitted → at_registry \(version 1\)/);
    expect(calls.map((c) => c.channel)).toEqual(
      expect.arrayContaining(['search:get-history', 'search:get-order']),
    );
    expect(within(detail).getByText('No page images available.')).toBeTruthy();
    fireEvent.click(within(detail).getByRole('button', { name: 'Back to results' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeTruthy();
  });

  it('offers a clerk the case number only and asks the registry by case number', async () => {
    mount('clerk');
    expect(screen.queryByLabelText('Surname')).toBeNull();
    expect(screen.getByText('Your role searches the registry by case number only.')).toBeTruthy();
    registryAnswer = () => ok({ ...registryPage, results: registryPage.results.slice(0, 1) });
    type('Case number', '26FL001');
    submit();
    await waitFor(() => expect(options()).toHaveLength(1));
    expect(registryCalls().map((c) => c.input)).toEqual([
      { caseNumber: '26FL001', offset: 0, limit: 25 },
    ]);
    expect(options()[0]).toMatch(/\(registry cache, registry\)$/);
  });
});
