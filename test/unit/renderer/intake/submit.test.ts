/**
 * Submit: the order, its outbox entry, the draft's retirement and its pages' move happen in one
 * transaction, so either all of them are written or none; the order then reads "Queued — not yet
 * in CLETS".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { createDraft } from '../../../../src/renderer/db/draftsRepo';
import { submitOrder } from '../../../../src/renderer/db/ordersRepo';
import { statusLabel } from '../../../../src/renderer/features/intake/statusLabels';

const order = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../fixtures/orders/DV-130.valid.json'), 'utf8'),
) as { id: string; orderType: string; caseNumber: string } & Record<string, unknown>;

let db: ClerkDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`submit-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const snapshot = async () => ({
  orders: await db.orders.count(),
  outbox: await db.outbox.count(),
  drafts: await db.drafts.count(),
});

describe('submitOrder', () => {
  it('writes the order and its outbox entry and retires the draft together', async () => {
    const draft = await createDraft(db, 'DV-130', 'casey', {});
    await submitOrder(db, { draftId: draft.id, order, confidential: null, meta: {} });
    expect(await snapshot()).toEqual({ orders: 1, outbox: 1, drafts: 0 });
    const row = await db.orders.get(order.id);
    expect(statusLabel(row?.status ?? '')).toBe('Queued — not yet in CLETS');
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ orderId: order.id, kind: 'order.submit', state: 'pending' });
  });

  it('writes nothing when any part fails (here: the outbox key is already taken)', async () => {
    const draft = await createDraft(db, 'DV-130', 'casey', {});
    await db.outbox.add({
      idempotencyKey: `order.submit:${order.id}`,
      orderId: order.id,
      kind: 'order.submit',
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: '2026-12-02T10:00:00-08:00',
      payload: {},
    });
    await expect(
      submitOrder(db, { draftId: draft.id, order, confidential: null, meta: {} }),
    ).rejects.toThrow();
    // The order row written before the failing outbox add is rolled back; the draft stays.
    expect(await snapshot()).toEqual({ orders: 0, outbox: 1, drafts: 1 });
  });

  it('refuses a second submit of the same order', async () => {
    const draft = await createDraft(db, 'DV-130', 'casey', {});
    await submitOrder(db, { draftId: draft.id, order, confidential: null, meta: {} });
    const again = await createDraft(db, 'DV-130', 'casey', {});
    await expect(
      submitOrder(db, { draftId: again.id, order, confidential: null, meta: {} }),
    ).rejects.toThrow('This order was already submitted.');
    expect(await snapshot()).toEqual({ orders: 1, outbox: 1, drafts: 1 });
  });
});
