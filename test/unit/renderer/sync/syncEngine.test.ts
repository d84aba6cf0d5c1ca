import { afterEach, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { submitOrder } from '../../../../src/renderer/db/ordersRepo';
import { backoffDelay } from '../../../../src/renderer/features/sync/backoff';
import { runAsLeader } from '../../../../src/renderer/features/sync/leader';
import { SyncEngine } from '../../../../src/renderer/features/sync/syncEngine';

import { fakeLocks, recordingPort } from './fakes';

const dbs: ClerkDb[] = [];
function newDb(): ClerkDb {
  const db = new ClerkDb(`sync-unit-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function submit(db: ClerkDb, n: number) {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await submitOrder(db, {
    draftId: `d${n}`,
    order: { id, orderType: 'DV-110', caseNumber: `26FL${n}` },
    confidential: null,
    meta: {},
  });
  return id;
}

const until = async (ok: () => Promise<boolean>) => {
  const deadline = Date.now() + 5000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('backoffDelay', () => {
  it('stays within [0, min(cap, base·2^n)) and reaches the cap', () => {
    const p = { baseMs: 1000, capMs: 300_000 };
    expect(backoffDelay(p, 0, () => 0.999)).toBeLessThan(1000);
    expect(backoffDelay(p, 3, () => 0.999)).toBeLessThan(8000);
    expect(backoffDelay(p, 3, () => 0.999)).toBeGreaterThan(7000);
    expect(backoffDelay(p, 40, () => 0.999)).toBeLessThan(300_000);
    expect(backoffDelay(p, 40, () => 0.999)).toBeGreaterThan(299_000);
    expect(backoffDelay(p, 5, () => 0)).toBe(0);
  });
});

describe('SyncEngine.drainOnce', () => {
  it('sends rows in seq order, in batches, and marks them and their orders at registry', async () => {
    const db = newDb();
    const ids = [];
    for (let n = 1; n <= 5; n += 1) ids.push(await submit(db, n));
    const port = recordingPort();
    const engine = new SyncEngine({ db, port, batchSize: 2 });
    const steps = [];
    for (let i = 0; i < 4; i += 1) steps.push(await engine.drainOnce());
    expect(steps).toEqual(['progress', 'progress', 'progress', 'empty']);
    expect(port.batches.map((b) => b.map((r) => r.localSeq))).toEqual([[1, 2], [3, 4], [5]]);
    const rows = await db.outbox.toArray();
    expect(rows.every((r) => r.state === 'at-registry' && r.attempts === 1)).toBe(true);
    expect((await db.orders.bulkGet(ids)).map((o) => o?.status)).toEqual(
      Array(5).fill('at-registry'),
    );
    // The payload is frozen with its (empty) page list before the first send.
    expect(port.batches[0]?.[0]?.payload).toMatchObject({ pages: [] });
  });

  it('keeps rows in flight when the registry cannot be reached, and resends them unchanged', async () => {
    const db = newDb();
    await submit(db, 1);
    const port = recordingPort();
    port.online = false;
    const engine = new SyncEngine({ db, port });
    expect(await engine.drainOnce()).toBe('blocked');
    expect(await db.outbox.get(1)).toMatchObject({
      state: 'in-flight',
      lastError: 'could not reach the registry',
    });
    port.online = true;
    expect(await engine.drainOnce()).toBe('progress');
    expect(port.batches[1]).toEqual(port.batches[0]);
    expect(await db.outbox.get(1)).toMatchObject({
      state: 'at-registry',
      attempts: 2,
      lastError: null,
    });
  });

  it('maps answers: refused → needs-attention with reason, hold → back to pending', async () => {
    const db = newDb();
    const a = await submit(db, 1);
    await submit(db, 2);
    const port = recordingPort();
    port.answer = (r) =>
      r.localSeq === 1
        ? {
            idempotencyKey: r.idempotencyKey,
            outcome: 'needs-attention',
            reason: 'invalid-payload',
            message: 'No restrained person.',
          }
        : {
            idempotencyKey: r.idempotencyKey,
            outcome: 'retry',
            reason: 'pages-incomplete',
            message: 'Pages missing.',
          };
    expect(await new SyncEngine({ db, port }).drainOnce()).toBe('progress');
    expect(await db.outbox.get(1)).toMatchObject({
      state: 'needs-attention',
      reason: 'invalid-payload',
    });
    expect(await db.orders.get(a)).toMatchObject({
      status: 'needs-attention',
      statusReason: 'No restrained person.',
    });
    expect(await db.outbox.get(2)).toMatchObject({ state: 'pending', lastError: 'Pages missing.' });
  });

  it('flags an unreadable row without sending it and sends other kinds as they are', async () => {
    const db = newDb();
    const orderId = await submit(db, 1);
    await db.outbox.add({
      idempotencyKey: 'x',
      orderId: null,
      kind: '',
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: '2026-12-02T10:00:00Z',
      payload: {},
    });
    const service = { orderId, record: { id: 'proof-1' } };
    await db.outbox.add({
      idempotencyKey: 'service.record:proof-1',
      orderId,
      kind: 'service.record',
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: '2026-12-02T10:01:00Z',
      payload: service,
    });
    const port = recordingPort();
    await new SyncEngine({ db, port }).drainOnce();
    expect(port.batches[0]?.map((r) => r.kind)).toEqual(['order.submit', 'service.record']);
    expect(port.batches[0]?.[1]?.payload).toEqual(service);
    expect(await db.outbox.get(2)).toMatchObject({
      state: 'needs-attention',
      reason: 'unreadable',
    });
    expect(await db.outbox.get(3)).toMatchObject({ state: 'at-registry' });
    expect((await db.orders.get(orderId))?.status).toBe('at-registry');
  });
});

describe('SyncEngine.run', () => {
  it('backs off while offline and sends once the registry answers, with no one pressing anything', async () => {
    const db = newDb();
    await submit(db, 1);
    const port = recordingPort();
    port.online = false;
    const stop = new AbortController();
    const engine = new SyncEngine({
      db,
      port,
      backoff: { baseMs: 2, capMs: 8 },
      random: () => 0.9,
    });
    const running = engine.run(stop.signal);
    await until(async () => port.batches.length >= 4);
    port.online = true;
    await until(async () => (await db.outbox.get(1))?.state === 'at-registry');
    stop.abort();
    await running;
  });

  it('a wake (new row, registry back) cuts a long backoff short', async () => {
    const db = newDb();
    await submit(db, 1);
    const port = recordingPort();
    port.online = false;
    const stop = new AbortController();
    const engine = new SyncEngine({
      db,
      port,
      backoff: { baseMs: 3_600_000, capMs: 3_600_000 },
      random: () => 0.99,
    });
    const running = engine.run(stop.signal);
    await until(async () => port.batches.length >= 1);
    port.online = true;
    engine.wake();
    await until(async () => (await db.outbox.get(1))?.state === 'at-registry');
    stop.abort();
    await running;
  });
});

describe('Retry-After', () => {
  it('waits at least as long as the registry asked, even with a tiny backoff', async () => {
    const db = newDb();
    await submit(db, 1);
    const port = recordingPort();
    const offline = port.pushBatch;
    port.pushBatch = async (rows) => ({
      ...(await offline(rows)),
      reached: false,
      retryAfterMs: 3_600_000,
    });
    const waits: string[] = [];
    const stop = new AbortController();
    const engine = new SyncEngine({
      db,
      port,
      backoff: { baseMs: 1, capMs: 7_200_000 },
      random: () => 0,
      onReport: (r) => {
        if (r.phase === 'waiting' && r.nextAttemptAt) waits.push(r.nextAttemptAt);
      },
    });
    const running = engine.run(stop.signal);
    await until(async () => waits.length > 0);
    stop.abort();
    await running;
    expect(Date.parse(waits[0] ?? '') - Date.now()).toBeGreaterThan(50 * 60 * 1000);
    expect(port.batches).toHaveLength(1);
  });
});

describe('one leader per profile', () => {
  it('only the tab holding the lock pushes; the next takes over when it closes', async () => {
    const db = newDb();
    await submit(db, 1);
    const locks = fakeLocks();
    const tabs = [0, 1].map(() => ({
      port: recordingPort(),
      stop: new AbortController(),
      role: 'starting',
    }));
    const runs = tabs.map((tab) =>
      runAsLeader(locks, 'ccpor-clerk|outbox-sync', tab.stop.signal, {
        onWaiting: () => {
          tab.role = 'follower';
        },
        lead: async () => {
          tab.role = 'leader';
          await new SyncEngine({ db, port: tab.port }).run(tab.stop.signal);
        },
      }),
    );
    await until(async () => (await db.outbox.get(1))?.state === 'at-registry');
    expect(tabs.map((t) => t.role)).toEqual(['leader', 'follower']);
    expect(tabs[1]?.port.batches).toEqual([]);

    await submit(db, 2);
    tabs[0]?.stop.abort(); // the leading tab closes
    await runs[0];
    await until(async () => (await db.outbox.get(2))?.state === 'at-registry');
    expect(tabs[1]?.role).toBe('leader');
    expect(tabs[1]?.port.batches.flat().map((r) => r.localSeq)).toEqual([2]);
    tabs[1]?.stop.abort();
    await runs[1];
  });
});
