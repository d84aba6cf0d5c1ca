/**
 * The renderer's sync engine end to end: Dexie (fake-indexeddb) → engine → main's SyncService
 * (through the IPC contract's validation) → a real registry (in-process, PGlite). Pages go up
 * before their order, a crash after the registry committed is resent as a duplicate, a rejected
 * order lands in needs-attention with the reason, and the pull feed brings CLETS statuses, FCNs
 * and other workstations' orders (found by the conflict check) into the local cache.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDispatcher } from '../../../src/main/ipc/dispatcher';
import type { CallContext, Handlers } from '../../../src/main/ipc/dispatcher';
import { createSyncHandlers } from '../../../src/main/sync/syncHandlers';
import { SyncService } from '../../../src/main/sync/syncService';
import { payloadHash } from '../../../src/registry/client/canonicalJson';
import { setOrderStatus } from '../../../src/registry/orders/status';
import type { InvokeChannel } from '../../../src/shared/ipc/channels';
import { orderSchema } from '../../../src/shared/orders';
import { ClerkDb } from '../../../src/renderer/db/clerkDb';
import { submitOrder } from '../../../src/renderer/db/ordersRepo';
import { listNeedsAttention } from '../../../src/renderer/db/outboxRepo';
import { findConflicts } from '../../../src/renderer/features/intake/conflicts';
import { SyncEngine } from '../../../src/renderer/features/sync/syncEngine';
import type { SyncPort } from '../../../src/renderer/features/sync/syncPort';
import { ADMIN_CODE, startEnv, type TestEnv } from '../registry/env';

import { COURT, letters, testOrder } from './orders';

let env: TestEnv;
let sync: SyncService;
let dataDir: string;
let port: SyncPort;

/** Sign-in is not under test here (src/main/auth has its own tests): let every call through. */
const allowAll = {
  check: async (_channel: string, ctx: CallContext) => ({ allowed: true as const, ctx }),
};

/** The port over the real dispatcher, so every call is validated as IPC would validate it. */
function contractPort(service: SyncService): SyncPort {
  const options = { access: allowAll };
  const handlers = createSyncHandlers(service) as unknown as Handlers;
  const dispatcher = createDispatcher(handlers, options);
  const call = async <T>(channel: InvokeChannel, input: unknown): Promise<T> => {
    const r = await dispatcher.dispatch(channel, input, { shell: 'host', origin: 'test' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  return {
    pushBatch: (rows) => call('sync:push-batch', { rows }),
    uploadPage: (bytes, sha256) => call('sync:upload-page', sha256 ? { bytes, sha256 } : { bytes }),
    pullChanges: (cursor, limit) => call('sync:pull-changes', { cursor, limit }),
  };
}

const newDb = () => new ClerkDb(`sync-engine-${Math.random().toString(36).slice(2)}`);

async function submit(db: ClerkDb, order: Record<string, unknown> & { id: string }) {
  const o = order as Parameters<typeof submitOrder>[1]['order'];
  await submitOrder(db, { draftId: `draft-${order.id}`, order: o, confidential: null, meta: {} });
}

async function drain(engine: SyncEngine) {
  for (let i = 0; i < 20; i += 1) if ((await engine.drainOnce()) === 'empty') return;
  throw new Error('the outbox did not empty');
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await env.db.query<{ n: number }>(sql, params))[0]?.n);

beforeAll(async () => {
  env = await startEnv('pglite');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-sync-engine-'));
  sync = new SyncService({
    dataDir,
    env: { CLERK_REGISTRY_URL: env.baseUrl, CLERK_ENROL_CODE: ADMIN_CODE, CLERK_COURT_ORI: COURT },
    probeCapMs: 200,
  });
  sync.start();
  const deadline = Date.now() + 20_000;
  while (sync.status().connectivity !== 'online') {
    if (Date.now() > deadline) throw new Error(JSON.stringify(sync.status()));
    await new Promise((r) => setTimeout(r, 50));
  }
  port = contractPort(sync);
});

afterAll(async () => {
  sync?.close();
  await env?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sync engine with main and a real registry', () => {
  it('uploads pages before the order, and every submitted order reaches the registry', async () => {
    const db = newDb();
    const withPage = testOrder(2, 1);
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 251);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await db.pages.put({
      id: 'p1',
      ownerId: `draft-${withPage.id}`,
      position: 0,
      mime: 'image/jpeg',
      bytes: new Blob([bytes]),
      width: 10,
      height: 10,
      dpi: 300,
      sha256,
    });
    await submit(db, withPage);
    await submit(db, testOrder(2, 2));
    await submit(db, testOrder(2, 3));
    await drain(new SyncEngine({ db, port }));

    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.state)).toEqual(['at-registry', 'at-registry', 'at-registry']);
    expect(rows[0]?.payload).toMatchObject({ pages: [{ sha256, position: 0 }] });
    expect((await db.orders.get(withPage.id))?.status).toBe('at-registry');
    expect(
      await count('SELECT count(*)::int AS n FROM pages WHERE sha256 = $1 AND complete', [sha256]),
    ).toBe(1);
    // The order was applied with its page reference (the court may now read the page).
    expect(
      await count(
        'SELECT count(*)::int AS n FROM page_courts WHERE sha256 = $1 AND court_ori = $2',
        [sha256, COURT],
      ),
    ).toBe(1);
  });

  it('resends a row left in flight by a crash with the same key: one order at the registry', async () => {
    const db = newDb();
    const order = testOrder(2, 10);
    await submit(db, order);
    // The renderer dies right after main pushed: the registry committed, Dexie never heard.
    const crashing: SyncPort = {
      ...port,
      pushBatch: async (rows) => {
        await port.pushBatch(rows);
        throw new Error('renderer crashed');
      },
    };
    expect(await new SyncEngine({ db, port: crashing }).drainOnce()).toBe('blocked');
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'in-flight', attempts: 1 });
    expect((await db.orders.get(order.id))?.status).toBe('queued');

    await drain(new SyncEngine({ db, port })); // the restarted page
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'at-registry', attempts: 2 });
    expect((await db.orders.get(order.id))?.status).toBe('at-registry');
    expect(
      await count('SELECT count(*)::int AS n FROM orders WHERE order_id = $1', [order.id]),
    ).toBe(1);
  });

  it('puts a refused order in needs-attention with the reason and keeps it', async () => {
    const db = newDb();
    const bad = testOrder(2, 20) as Record<string, unknown> & { id: string };
    delete bad.restrained;
    await submit(db, bad);
    await submit(db, testOrder(2, 21));
    await drain(new SyncEngine({ db, port }));
    const attention = await listNeedsAttention(db);
    expect(attention).toHaveLength(1);
    expect(attention[0]).toMatchObject({
      orderId: bad.id,
      reason: expect.stringMatching(/^invalid-/),
    });
    expect(attention[0]?.lastError).toMatch(/restrained/);
    expect(await db.orders.get(bad.id)).toMatchObject({ status: 'needs-attention' });
    expect((await db.orders.get(testOrder(2, 21).id))?.status).toBe('at-registry');
  });

  it('pulls CLETS statuses, FCNs and other workstations’ orders into the cache', async () => {
    const db = newDb();
    const mine = testOrder(2, 30);
    const refused = testOrder(2, 31);
    await submit(db, mine);
    await submit(db, refused);
    const engine = new SyncEngine({ db, port, applyOptions: { chunkSize: 2 } });
    await drain(engine);
    await setOrderStatus(env.db, mine.id, { status: 'acknowledged', fcn: '2026123400001' });
    await setOrderStatus(env.db, refused.id, {
      status: 'rejected',
      rejectCode: 'E12',
      rejectReason: 'Restrained person date of birth invalid',
    });
    // Another workstation of the court files an order about the same restrained person.
    const other = await env.enrol(COURT, 'counter 2');
    const theirs = testOrder(2, 32, `Parkerson${letters(30)}`);
    theirs.caseNumber = '26FL999999';
    const payload = { order: theirs, confidential: null, meta: {} };
    await other.client.push([
      {
        deviceId: other.deviceId,
        seq: 1,
        idempotencyKey: `order.submit:${theirs.id}`,
        payloadHash: await payloadHash(payload),
        kind: 'order.submit',
        payload,
      },
    ]);

    expect(await engine.pullAll()).toBe(true);
    expect(await db.orders.get(mine.id)).toMatchObject({
      status: 'acknowledged',
      fcn: '2026123400001',
    });
    expect(await db.orders.get(refused.id)).toMatchObject({
      status: 'rejected',
      statusReason: 'Restrained person date of birth invalid',
    });
    expect(await db.registryOrders.get(theirs.id)).toMatchObject({ status: 'at-registry' });

    const draft = orderSchema.parse({
      ...testOrder(2, 40, `Parkersen${letters(30)}`),
      caseNumber: '26FL777777',
    });
    const report = await findConflicts(db, draft, 'no-draft');
    const fromRegistry = report.matches.filter((m) => m.source === 'registry');
    expect(fromRegistry.map((m) => m.id)).toContain(theirs.id);
  });
});
