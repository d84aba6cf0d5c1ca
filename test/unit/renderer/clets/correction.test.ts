import { afterEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { submitModification, submitOrder } from '../../../../src/renderer/db/ordersRepo';
import {
  editableParts,
  rejectedFieldOf,
  valueAt,
  withCorrection,
} from '../../../../src/renderer/features/clets/rejectedField';
import { applyPulledPage } from '../../../../src/renderer/features/sync/registryCache';
import type { PulledOrder } from '../../../../src/shared/ipc/contracts/sync';

const dbs: ClerkDb[] = [];
const newDb = () => {
  const db = new ClerkDb(`clets-unit-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
};
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const order = {
  id: 'o-1',
  orderType: 'DV-110',
  caseNumber: '26FL0001',
  restrained: { name: { last: 'REJECTME', first: 'John' }, sex: 'M' },
};
const message =
  "CLETS refused the restrained person's name: name not valid. Correct the restrained person's name and resubmit the order.";

describe('rejectedFieldOf', () => {
  it('finds the field the clerk message names', () => {
    expect(rejectedFieldOf(message)).toEqual({
      path: 'restrained.name',
      label: "restrained person's name",
    });
    // The longer label wins over a label it contains.
    expect(rejectedFieldOf('Correct the agency case number.')?.path).toBe('agencyCaseNumber');
    expect(rejectedFieldOf('This is a system problem.')).toBeNull();
  });
});

describe('withCorrection', () => {
  it('changes only the refused field and leaves the original untouched', () => {
    const parts = editableParts(valueAt(order, 'restrained.name'));
    expect(parts).toEqual({ last: 'REJECTME', first: 'John' });
    const fixed = withCorrection(order, 'restrained.name', { ...parts, last: 'SMITH' });
    expect(fixed).toEqual({
      ...order,
      restrained: { name: { last: 'SMITH', first: 'John' }, sex: 'M' },
    });
    expect(order.restrained.name.last).toBe('REJECTME');
    expect(withCorrection(order, 'restrained.sex', { '': 'F' })).toMatchObject({
      restrained: { sex: 'F' },
    });
  });
});

const pulled = (over: Partial<PulledOrder>): PulledOrder => ({
  kind: 'order',
  orderId: 'o-1',
  courtOri: 'CA034999J',
  version: 1,
  status: 'rejected',
  statusAt: '2026-12-02T18:00:00.000Z',
  fcn: null,
  rejectCode: 'INV',
  rejectReason: message,
  updatedAt: '2026-12-02T18:00:00.000Z',
  orderType: 'DV-110',
  caseNumber: '26FL0001',
  surnames: ['REJECTME'],
  orderJson: JSON.stringify(order),
  ...over,
});

describe('submitModification', () => {
  it('queues an order.modify against the registry version and re-queues the order', async () => {
    const db = newDb();
    await submitOrder(db, { draftId: 'd-1', order, confidential: null, meta: {} });
    await db.outbox.clear();
    await applyPulledPage(db, [pulled({ version: 2 })], 'c1');
    expect((await db.orders.get('o-1'))?.status).toBe('rejected');

    const fixed = withCorrection(order, 'restrained.name', { last: 'SMITH', first: 'John' });
    await submitModification(db, { order: fixed as typeof order, now: '2026-12-02T19:00:00Z' });
    const row = await db.orders.get('o-1');
    expect(row).toMatchObject({ status: 'queued', statusReason: null, order: fixed });
    const out = await db.outbox.toArray();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      kind: 'order.modify',
      idempotencyKey: 'order.modify:o-1:2',
      state: 'pending',
      payload: { order: fixed, baseVersion: 2 },
    });
    // The same correction twice is refused, and nothing changes.
    await expect(submitModification(db, { order: fixed as typeof order })).rejects.toThrow(
      /already waiting/,
    );
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an order the registry has not reported, changing nothing', async () => {
    const db = newDb();
    await submitOrder(db, { draftId: 'd-1', order, confidential: null, meta: {} });
    await expect(submitModification(db, { order })).rejects.toThrow(/not reported this order/);
    expect((await db.orders.get('o-1'))?.status).toBe('queued');
    expect((await db.outbox.toArray()).filter((r) => r.kind === 'order.modify')).toHaveLength(0);
  });
});
