/**
 * Migration pattern: for every schema version N, open at N, seed, reopen at the latest and
 * check nothing was lost. New versions add a seed function below and a case to the table.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

import { ClerkDb } from '../../../src/renderer/db/clerkDb';

const v1Order = {
  id: 'o1',
  orderType: 'DV-130',
  caseNumber: '26FL001234',
  status: 'queued',
  updatedAt: '2026-11-25T09:06:00-08:00',
  order: { id: 'o1' },
};

const seeds: Record<number, (db: ClerkDb) => Promise<void>> = {
  1: async (db) => {
    await db.drafts.put({
      id: 'd1',
      orderType: 'DV-130',
      owner: 'clerk1',
      createdAt: '2026-11-25T09:00:00-08:00',
      updatedAt: '2026-11-25T09:05:00-08:00',
      values: { caseNumber: '26FL001234' },
    });
    await db.outbox.add({
      idempotencyKey: 'k1',
      orderId: 'o1',
      kind: 'order.submit',
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: '2026-11-25T09:06:00-08:00',
      payload: { id: 'o1' },
    });
    // A v1 row has no courtroom or submittedAt.
    await db.orders.put(v1Order as never);
  },
  2: async (db) => {
    await seeds[1]?.(db);
    // What v2 code writes: every order has both new fields.
    await db.orders.put({ ...v1Order, courtroom: '', submittedAt: v1Order.updatedAt });
    await db.orders.put({
      ...v1Order,
      id: 'o2',
      courtroom: 'DEPT 12',
      submittedAt: v1Order.updatedAt,
    });
  },
  3: async (db) => {
    await seeds[2]?.(db);
    // v3 adds the registry cache, searched by case key and surname keys.
    await db.registryOrders.put({
      id: 'r1',
      courtOri: 'CA034999J',
      orderType: 'DV-110',
      caseNumber: '26FL-004512',
      caseKey: '26FL004512',
      status: 'acknowledged',
      statusAt: '2026-11-25T09:10:00-08:00',
      fcn: '1234567890123',
      rejectReason: null,
      version: 1,
      updatedAt: '2026-11-25T09:10:00-08:00',
      nameKeys: ['PARKER', 'M:PRKR'],
      orderJson: '{"id":"r1"}',
    });
  },
};

function uniqueName(): string {
  return `clerk-test-${Math.random().toString(36).slice(2)}`;
}

describe('ClerkDb schema versions', () => {
  it('declares a seed for every version', () => {
    for (let v = 1; v <= ClerkDb.latestVersion; v += 1) expect(seeds[v]).toBeTypeOf('function');
  });

  for (let from = 1; from <= ClerkDb.latestVersion; from += 1) {
    it(`keeps data written at v${from} when opened at v${ClerkDb.latestVersion}`, async () => {
      const name = uniqueName();
      const old = new ClerkDb(name, from);
      await old.open();
      expect(old.verno).toBe(from);
      await seeds[from]?.(old);
      old.close();

      const latest = new ClerkDb(name);
      await latest.open();
      expect(latest.verno).toBe(ClerkDb.latestVersion);
      expect(await latest.drafts.get('d1')).toMatchObject({ orderType: 'DV-130' });
      expect(await latest.outbox.where('state').equals('pending').count()).toBe(1);
      // v1 orders are backfilled, so they appear in the courtroom and day indexes.
      expect(await latest.orders.where('courtroom').equals('').primaryKeys()).toEqual(['o1']);
      expect(await latest.orders.where('submittedAt').above('2026-11-25').count()).toBe(
        from === 1 ? 1 : 2,
      );
      if (from >= 3) {
        expect(
          await latest.registryOrders.where('nameKeys').equals('M:PRKR').primaryKeys(),
        ).toEqual(['r1']);
        expect(await latest.registryOrders.where('caseKey').equals('26FL004512').count()).toBe(1);
      }
      latest.close();
    });
  }

  it('refuses a second outbox entry with the same idempotency key', async () => {
    const db = new ClerkDb(uniqueName());
    await seeds[1]?.(db);
    await expect(
      db.outbox.add({
        idempotencyKey: 'k1',
        orderId: 'o1',
        kind: 'order.submit',
        state: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: '2026-11-25T09:07:00-08:00',
        payload: {},
      }),
    ).rejects.toThrow(/ConstraintError|uniqueness/i);
    db.close();
  });

  it('opens every write transaction with strict durability', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const db = new ClerkDb(uniqueName());
    await seeds[1]?.(db);
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes.length).toBeGreaterThan(0);
    for (const call of writes) expect(call[2]).toMatchObject({ durability: 'strict' });
    spy.mockRestore();
    db.close();
  });
});
