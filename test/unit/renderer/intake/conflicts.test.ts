/**
 * Conflict check before submit: the orders keyed here (order + outbox), the court's orders in
 * the registry cache and the local drafts, matched by fuzzy name + date of birth or by case
 * number, with the enforcement priority among the orders found.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { createDraft } from '../../../../src/renderer/db/draftsRepo';
import { submitOrder } from '../../../../src/renderer/db/ordersRepo';
import { findConflicts } from '../../../../src/renderer/features/intake/conflicts';
import { applyPulledPage } from '../../../../src/renderer/features/sync/registryCache';
import { orderSchema } from '../../../../src/shared/orders';
import type { Order } from '../../../../src/shared/orders';
import { pulledOrder } from '../../../fixtures/pulledOrder';

type Json = Record<string, unknown>;
const fixture = (code: string): Json =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, `../../../fixtures/orders/${code}.valid.json`), 'utf8'),
  ) as Json;

/**
 * The CH-130 fixture with another id, case number and restrained person's details; `stranger`
 * also replaces the protected person (the fixture's would match on their own).
 */
function variant(
  id: string,
  caseNumber: string,
  last: string,
  dob: string,
  stranger = false,
): Json {
  const o = fixture('CH-130');
  const r = o.restrained as Json;
  const p = (o.protected as Json[]).map((q) =>
    stranger ? { ...q, name: { last: 'Nakamura', first: 'Yuki' }, dob: '2001-02-03' } : q,
  );
  return {
    ...o,
    id,
    caseNumber,
    restrained: { ...r, name: { ...(r.name as Json), last }, dob },
    protected: p,
  };
}

const ids = {
  mine: '0b6c1f3e-1111-4c1d-8e3f-5a7c9e1b3d52',
  local: '0b6c1f3e-2222-4c1d-8e3f-5a7c9e1b3d52',
  remote: '0b6c1f3e-3333-4c1d-8e3f-5a7c9e1b3d52',
  otherDob: '0b6c1f3e-4444-4c1d-8e3f-5a7c9e1b3d52',
};

let db: ClerkDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`conflicts-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const cached = (k: number, order: Json) =>
  pulledOrder(k, {
    orderId: String(order.id),
    orderType: String(order.orderType),
    caseNumber: String(order.caseNumber),
    surnames: [String(((order.restrained as Json).name as Json).last)],
    orderJson: JSON.stringify(order),
  });

describe('findConflicts', () => {
  it('finds the same person in local orders, the registry cache and drafts', async () => {
    const mine = orderSchema.parse(variant(ids.mine, '26CV099001', 'Brennan', '1983-07-09'));
    // Keyed here and queued in the outbox: exact name and date of birth.
    await submitOrder(db, {
      draftId: 'gone',
      order: variant(ids.local, '26CV099002', 'Brennan', '1983-07-09', true) as never,
      confidential: null,
      meta: {},
    });
    // Keyed at another workstation: a one-letter typo in the surname, same date of birth.
    // Another order for a Brennan born on a different day is not the same person.
    await applyPulledPage(
      db,
      [
        cached(1, variant(ids.remote, '26CV099003', 'Brenan', '1983-07-09', true)),
        cached(2, variant(ids.otherDob, '26CV099004', 'Brennan', '1990-01-01', true)),
      ],
      'c1',
      { yieldToUi: async () => undefined },
    );
    // A draft of the same case (no names keyed yet).
    const draft = await createDraft(db, 'CH-110', 'morgan', { caseNumber: '26CV099001' });
    const own = await createDraft(db, 'CH-130', 'casey', { caseNumber: '26CV099001' });

    const report = await findConflicts(db, mine as Order, own.id);
    const bySource = Object.fromEntries(report.matches.map((m) => [m.source, m]));
    expect(report.matches.map((m) => m.id).sort()).toEqual(
      [ids.local, ids.remote, draft.id].sort(),
    );
    expect(bySource.order).toMatchObject({
      orderType: 'CH-130',
      status: 'queued',
      issuedAt: mine.issuedAt,
      expiresAt: expect.stringMatching(/^2029-10-29T23:59/),
      noExpiration: false,
      reasons: ['restrained person: same name and date of birth'],
    });
    expect(bySource.registry).toMatchObject({
      caseNumber: '26CV099003',
      status: 'at-registry',
      reasons: ['restrained person: same name and date of birth'],
    });
    expect(bySource.draft).toMatchObject({
      orderType: 'CH-110',
      status: 'draft by morgan',
      reasons: ['same case number 26CV099001'],
    });
    expect(report.priority?.explanation).toMatch(/\S/);
    expect(report.priority?.ranking.map((r) => r.id).sort()).toEqual(
      [ids.mine, ids.local, ids.remote].sort(),
    );
  });

  it('reports nothing when no one matches', async () => {
    const mine = orderSchema.parse(variant(ids.mine, '26CV099001', 'Brennan', '1983-07-09'));
    await applyPulledPage(
      db,
      [cached(2, variant(ids.otherDob, '26CV099004', 'Brennan', '1990-01-01', true))],
      'c1',
      { yieldToUi: async () => undefined },
    );
    const report = await findConflicts(db, mine as Order, 'none');
    expect(report).toEqual({ matches: [], priority: null });
  });
});
