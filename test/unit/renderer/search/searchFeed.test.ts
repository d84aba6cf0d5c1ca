import { Dexie, type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { submitOrder } from '../../../../src/renderer/db/ordersRepo';
import { mergeResults } from '../../../../src/renderer/features/search/mergeResults';
import { pointKeys, SearchFeed } from '../../../../src/renderer/features/search/searchFeed';
import { handleRequest } from '../../../../src/renderer/features/search/workerCore';
import { applyPulledPage } from '../../../../src/renderer/features/sync/registryCache';
import type { PulledOrder } from '../../../../src/shared/ipc/contracts/sync';
import { pulledOrder } from '../../../fixtures/pulledOrder';

const dbs: ClerkDb[] = [];
const newDb = () => {
  const db = new ClerkDb(`search-feed-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
};
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const order = (n: number, last: string) => ({
  id: `order-${n}`,
  orderType: 'DV-110',
  caseNumber: `26-FL-${n}`,
  restrained: { name: { last, first: 'Maria' }, dob: '1980-01-0' + String(n % 9 || 1) },
  protected: [{ name: { last: 'Whitfield', first: 'Ann' } }],
});

const pulled = (n: number, last: string, over: Partial<PulledOrder> = {}): PulledOrder =>
  pulledOrder(n, { surnames: [last], orderJson: JSON.stringify(order(n, last)), ...over });

/** Collects Dexie's storagemutated parts until `fn` has written. */
async function mutations(
  fn: () => Promise<unknown>,
): Promise<Parameters<SearchFeed['applyMutations']>[0]> {
  const seen: Parameters<SearchFeed['applyMutations']>[0] = {};
  const listener = (parts: ObservabilitySet) => Object.assign(seen, parts);
  Dexie.on('storagemutated', listener);
  try {
    await fn();
  } finally {
    Dexie.on('storagemutated').unsubscribe(listener);
  }
  return seen;
}

describe('SearchFeed (the worker side)', () => {
  it('loads the cache and our orders, then follows writes Dexie reports', async () => {
    const db = newDb();
    await applyPulledPage(db, [pulled(1, 'Peña'), pulled(2, 'Okonkwo')], 'c1');
    await submitOrder(db, {
      draftId: 'd-1',
      order: order(1, 'Peña'),
      confidential: null,
      meta: {},
    });
    const feed = new SearchFeed(db);
    const loaded = feed.load();
    const ask = async (query: Parameters<SearchFeed['index']['search']>[0]) => {
      const reply = await handleRequest(feed, loaded, { type: 'search', reqId: 1, query });
      if (reply.type !== 'result') throw new Error(JSON.stringify(reply));
      return reply.page;
    };
    let page = await ask({ surname: 'Pena', offset: 0, limit: 25 });
    expect(page.hits.map((h) => [h.id, h.copies])).toEqual([
      ['order-1', ['workstation', 'registry-cache']],
    ]);
    expect((await ask({ surname: 'Okonkow', offset: 0, limit: 25 })).hits[0]?.id).toBe('order-2');

    const parts = await mutations(() =>
      applyPulledPage(db, [pulled(3, 'Nakamura'), pulled(2, 'Okafor', { version: 2 })], 'c2'),
    );
    await feed.applyMutations(parts);
    expect((await ask({ surname: 'Nakamure', offset: 0, limit: 25 })).hits[0]?.id).toBe('order-3');
    expect((await ask({ surname: 'Okonkwo', offset: 0, limit: 25 })).total).toBe(0);
    page = await ask({ caseNumber: '26 fl 2', offset: 0, limit: 25 });
    expect(page.hits[0]?.restrained.last).toBe('Okafor');

    const cleared = await mutations(() => db.registryOrders.clear());
    await feed.applyMutations(cleared);
    page = await ask({ surname: 'Pena', offset: 0, limit: 25 });
    expect(page.hits.map((h) => h.copies)).toEqual([['workstation']]);
    expect((await ask({ surname: 'Nakamura', offset: 0, limit: 25 })).total).toBe(0);
  });

  it('answers an empty search with the clerk-readable reason', async () => {
    const feed = new SearchFeed(newDb());
    const reply = await handleRequest(feed, feed.load(), {
      type: 'search',
      reqId: 7,
      query: { offset: 0, limit: 25 },
    });
    expect(reply).toMatchObject({ type: 'error', reqId: 7 });
    expect(reply.type === 'error' && reply.message).toMatch(/surname, or a case number/);
    expect(await handleRequest(feed, Promise.resolve(), { type: 'status', reqId: 8 })).toEqual({
      type: 'status',
      reqId: 8,
      ready: true,
      size: 0,
    });
  });

  it('reads single keys from a range set and refuses real ranges', () => {
    expect(pointKeys({ from: 'b', to: 'b', l: { from: 'a', to: 'a' }, r: null })).toEqual([
      'b',
      'a',
    ]);
    expect(pointKeys({ from: 'a', to: 'z' })).toBeNull();
    expect(pointKeys(undefined)).toEqual([]);
  });
});

describe('mergeResults', () => {
  it('keeps one row per order id and labels where each copy came from', () => {
    const rows = mergeResults(
      [
        {
          id: 'o1',
          caseNumber: 'C1',
          orderType: 'DV-110',
          status: 'queued',
          updatedAt: '',
          fcn: null,
          restrained: { last: 'Peña', first: 'José', dob: null },
          match: null,
          copies: ['workstation'],
        },
      ],
      [
        {
          orderId: 'o1',
          caseNumber: 'C1',
          orderType: 'DV-110',
          version: 2,
          status: 'at_registry',
          fcn: 'F1',
          restrained: { last: 'Peña', first: 'José', dob: null },
          match: null,
        },
        {
          orderId: 'o2',
          caseNumber: 'C2',
          orderType: 'DV-110',
          version: 1,
          status: 'acknowledged',
          fcn: null,
          restrained: { last: 'Pena', first: 'Jo', dob: null },
          match: null,
        },
      ],
    );
    expect(rows.map((r) => [r.id, r.status, r.labels])).toEqual([
      ['o1', 'at-registry', ["this workstation's copy", 'registry']],
      ['o2', 'acknowledged', ['registry']],
    ]);
  });
});
