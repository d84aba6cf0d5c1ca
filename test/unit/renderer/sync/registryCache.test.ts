import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { submitOrder } from '../../../../src/renderer/db/ordersRepo';
import {
  applyPulledPage,
  cacheCandidates,
  cacheRowOf,
  loadPullCursor,
  resetCache,
  surnameKeys,
  surnameQueryKeys,
} from '../../../../src/renderer/features/sync/registryCache';
import type { PulledOrder } from '../../../../src/shared/ipc/contracts/sync';
import { pulledOrder } from '../../../fixtures/pulledOrder';

const dbs: ClerkDb[] = [];
const newDb = () => {
  const db = new ClerkDb(`cache-unit-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
};
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const pulled = (n: number, over: Partial<PulledOrder> = {}): PulledOrder =>
  pulledOrder(n, {
    caseNumber: `26-fl-${n}`,
    surnames: [n % 2 ? 'Peña' : 'Okonkwo', 'Whitfield'],
    ...over,
  });

describe('cache search keys', () => {
  it('finds one-letter typos and sound-alikes of surnames, and case numbers however typed', async () => {
    const db = newDb();
    await applyPulledPage(db, [pulled(1), pulled(2)], 'c1');
    expect(cacheRowOf(pulled(1))).toMatchObject({ caseKey: '26FL1', status: 'at-registry' });
    const ids = async (names: string[], caseNumber = '') =>
      (await cacheCandidates(db, names, caseNumber)).map((r) => r.id).sort();
    expect(await ids(['Pena'])).toEqual(['order-1']);
    expect(await ids(['Pina'])).toEqual(['order-1']); // one letter off
    expect(await ids(['Whitfeild'])).toEqual(['order-1', 'order-2']); // sounds alike
    expect(await ids(['Smith'], '26 FL 2')).toEqual(['order-2']);
    expect(await ids(['Smith'])).toEqual([]);
    expect(surnameKeys('')).toEqual([]);
  });
});

describe('surnameQueryKeys', () => {
  it('property: any one-letter change, drop or addition of a stored surname is found', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    fc.assert(
      fc.property(
        fc.array(letter, { minLength: 1, maxLength: 14 }),
        fc.constantFrom('change', 'drop', 'add'),
        fc.nat(),
        letter,
        (chars, edit, at, c) => {
          const i = at % (chars.length + (edit === 'add' ? 1 : 0));
          const typed = [...chars];
          if (edit === 'change') typed[i] = c;
          else if (edit === 'drop') typed.splice(i, 1);
          else typed.splice(i, 0, c);
          if (typed.length === 0) return;
          const stored = new Set(surnameKeys(chars.join('')));
          expect(surnameQueryKeys(typed.join('')).some((k) => stored.has(k))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('applyPulledPage', () => {
  it('writes in chunks with a yield between them, then saves the cursor', async () => {
    const db = newDb();
    let yields = 0;
    const changes = Array.from({ length: 25 }, (_, i) => pulled(i));
    const written = await applyPulledPage(db, changes, 'cursor-25', {
      chunkSize: 10,
      yieldToUi: async () => {
        yields += 1;
      },
    });
    expect(written).toBe(25);
    expect(yields).toBe(3);
    expect(await db.registryOrders.count()).toBe(25);
    expect(await loadPullCursor(db)).toBe('cursor-25');
    await resetCache(db);
    expect(await db.registryOrders.count()).toBe(0);
    expect(await loadPullCursor(db)).toBe('');
  });

  it('moves orders keyed here to the feed’s status with FCN or rejection reason', async () => {
    const db = newDb();
    for (const id of ['order-1', 'order-2']) {
      await submitOrder(db, {
        draftId: `d-${id}`,
        order: { id, orderType: 'DV-110', caseNumber: '26FL1' },
        confidential: null,
        meta: {},
      });
    }
    await applyPulledPage(
      db,
      [
        pulled(1, { status: 'acknowledged', fcn: '2026123400001' }),
        pulled(2, { status: 'rejected', rejectCode: 'E1', rejectReason: 'DOB invalid' }),
        pulled(3),
      ],
      'c',
    );
    expect(await db.orders.get('order-1')).toMatchObject({
      status: 'acknowledged',
      fcn: '2026123400001',
    });
    expect(await db.orders.get('order-2')).toMatchObject({
      status: 'rejected',
      statusReason: 'DOB invalid',
    });
    expect(await db.orders.get('order-3')).toBeUndefined(); // the cache, not this workstation's list
    expect(await db.registryOrders.get('order-3')).toBeDefined();
  });
});
