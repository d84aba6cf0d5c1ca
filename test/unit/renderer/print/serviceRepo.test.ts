import { readFileSync } from 'node:fs';
import path from 'node:path';

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import type { OrderRow } from '../../../../src/renderer/db/rows';
import { listOrderOutbox, recordService } from '../../../../src/renderer/db/serviceRepo';

const fixture = (code: string) =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, `../../../fixtures/orders/${code}.valid.json`), 'utf8'),
  ) as Record<string, unknown> & { id: string; caseNumber: string };

const now = '2026-12-02T10:00:00-08:00';
let db: ClerkDb;
let n = 0;

async function seed(code = 'DV-110'): Promise<OrderRow> {
  const order = { ...fixture(code), service: { method: 'not-served' } };
  const row: OrderRow = {
    id: order.id,
    orderType: code,
    caseNumber: order.caseNumber,
    status: 'at-registry',
    updatedAt: '2026-12-01T09:00:00.000Z',
    courtroom: 'Dept 12',
    submittedAt: '2026-12-01T09:00:00.000Z',
    order,
  };
  await db.orders.put(row);
  return row;
}

beforeEach(async () => {
  n += 1;
  db = new ClerkDb(`service-repo-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('recordService', () => {
  it('writes the served order and one pending outbox entry together', async () => {
    const row = await seed();
    const service = {
      method: 'personal',
      at: '2026-12-02T09:15:00-08:00',
      servedBy: '  Deputy Rosa Alvarez ',
      agency: "Sacramento County Sheriff's Office",
    } as const;
    const result = await recordService(db, { orderId: row.id, service, now });
    expect(result.ok).toBe(true);

    const stored = await db.orders.get(row.id);
    const order = stored?.order as { service: unknown; caseNumber: string };
    // Trimmed by the shared schema, the rest of the order untouched.
    expect(order.service).toEqual({ ...service, servedBy: 'Deputy Rosa Alvarez' });
    expect(order.caseNumber).toBe(row.caseNumber);
    expect(stored?.updatedAt).toBe(now);
    expect(stored?.status).toBe('at-registry');

    const outbox = await listOrderOutbox(db, row.id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      idempotencyKey: `service.record:${row.id}:1`,
      orderId: row.id,
      kind: 'service.record',
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      payload: {
        orderId: row.id,
        record: {
          id: `${row.id}:service:1`,
          service: { ...service, servedBy: 'Deputy Rosa Alvarez' },
        },
      },
    });
  });

  it('numbers each later record of the same order', async () => {
    const row = await seed();
    const inCourt = { method: 'in-court', at: '2026-12-02T08:45:00-08:00' } as const;
    await recordService(db, { orderId: row.id, service: inCourt, now });
    const second = await recordService(db, {
      orderId: row.id,
      service: { method: 'personal', at: '2026-12-02T09:40:00-08:00', servedBy: 'Ana Ruiz' },
      now,
    });
    expect(second.ok && second.outbox.idempotencyKey).toBe(`service.record:${row.id}:2`);
    const keys = (await listOrderOutbox(db, row.id)).map((o) => o.idempotencyKey);
    expect(keys).toEqual([`service.record:${row.id}:1`, `service.record:${row.id}:2`]);
    const order = (await db.orders.get(row.id))?.order as { service: { method: string } };
    expect(order.service.method).toBe('personal');
  });

  it('refuses a service in the future and changes nothing', async () => {
    const row = await seed();
    const result = await recordService(db, {
      orderId: row.id,
      service: { method: 'in-court', at: '2026-12-03T09:00:00-08:00' },
      now,
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'service.at', message: 'Service cannot be in the future.' }],
    });
    expect((await db.orders.get(row.id))?.order).toEqual(row.order);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a protected person as the server, and a method the order type does not allow', async () => {
    const row = await seed();
    const byProtected = await recordService(db, {
      orderId: row.id,
      service: { method: 'personal', at: '2026-12-02T09:00:00-08:00', servedBy: 'Melissa Parker' },
      now,
    });
    expect(byProtected.ok).toBe(false);
    expect(!byProtected.ok && byProtected.errors[0]?.path).toBe('service.servedBy');

    const epo = await seed('EPO-001');
    const inCourt = await recordService(db, {
      orderId: epo.id,
      service: { method: 'in-court', at: '2026-12-02T09:00:00-08:00' },
      now,
    });
    expect(!inCourt.ok && inCourt.errors[0]?.path).toBe('service.method');
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a missing name for personal service with the shared message', async () => {
    const row = await seed();
    const result = await recordService(db, {
      orderId: row.id,
      service: { method: 'personal', at: '2026-12-02T09:00:00-08:00', servedBy: '   ' },
      now,
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'service.servedBy', message: 'Enter the name of the person who served.' }],
    });
  });

  it('says so for an order that is not on this workstation', async () => {
    const result = await recordService(db, {
      orderId: 'c0ffee00-0000-4000-8000-000000000000',
      service: { method: 'in-court', at: '2026-12-02T09:00:00-08:00' },
      now,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(/no longer on this workstation/);
  });

  it('rolls the order back when its outbox entry cannot be written', async () => {
    const row = await seed();
    // Another row already holds the key this record would take: the add fails.
    await db.outbox.add({
      idempotencyKey: `service.record:${row.id}:1`,
      orderId: null,
      kind: 'other',
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      payload: null,
    });
    await expect(
      recordService(db, {
        orderId: row.id,
        service: { method: 'in-court', at: '2026-12-02T09:00:00-08:00' },
        now,
      }),
    ).rejects.toThrow();
    expect((await db.orders.get(row.id))?.order).toEqual(row.order);
    expect(await db.outbox.count()).toBe(1);
  });
});
