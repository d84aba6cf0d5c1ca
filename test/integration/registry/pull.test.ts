/**
 * The pull cursor never skips a row that commits late (reliability-security.md A-8): 20
 * concurrent writers with random commit delays while a client pulls; the client's final set
 * equals the server's. Plus a deterministic late-commit case, paging, and court scoping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { request } from '../../../src/registry/client/http';
import { pushMutations } from '../../../src/registry/push/pushService';
import { pullChanges } from '../../../src/registry/pull/changes';
import { setOrderStatus } from '../../../src/registry/orders/status';
import { seededRandom } from '../../helpers/seededRandom';

import { BACKENDS, startEnv, stopCluster, type EnrolledDevice, type TestEnv } from './env';
import { COURT_A, COURT_B, letters, makeOrder, mutation, submit } from './fixtures';

afterAll(stopCluster);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pulls everything available now into `cache` (orderId → version); returns the cursor. */
async function pullAll(
  dev: EnrolledDevice,
  cursor: string,
  cache: Map<string, number>,
): Promise<string> {
  for (;;) {
    const page = await dev.client.pull(cursor, 37);
    for (const c of page.changes) if (c.entity === 'order') cache.set(c.id, c.order.version);
    cursor = page.cursor;
    if (!page.hasMore) return cursor;
  }
}

describe.each(BACKENDS)('pull on %s', (backend) => {
  let env: TestEnv;
  // Commit delays come from the writer's own hook; the writer's device id picks its delay.
  const delays = new Map<string, () => number>();
  beforeAll(async () => {
    env = await startEnv(backend, {
      pushHooks: {
        beforeCommit: async (deviceId) => {
          const next = delays.get(deviceId);
          if (next) await sleep(next());
        },
      },
    });
  });
  afterAll(() => env.stop());

  it('20 concurrent writers with random commit delays: the pulled set equals the server set', async () => {
    const writers = await Promise.all(
      Array.from({ length: 20 }, (_, w) => env.enrol(COURT_A, `writer ${w}`)),
    );
    const reader = await env.enrol(COURT_A, 'reader');
    const perWriter = backend === 'postgres' ? 10 : 4;
    const maxDelay = backend === 'postgres' ? 150 : 30;
    writers.forEach((w, i) => {
      const rnd = seededRandom(1000 + i);
      delays.set(w.deviceId, () => Math.floor(rnd() * maxDelay));
    });
    const cache = new Map<string, number>();
    let cursor = '';
    let done = false;
    const pulls = (async () => {
      let rounds = 0;
      while (!done) {
        cursor = await pullAll(reader, cursor, cache);
        rounds += 1;
        await sleep(10);
      }
      return rounds;
    })();
    await Promise.all(
      writers.map(async (w, i) => {
        for (let k = 1; k <= perWriter; k += 1) {
          const order = makeOrder(i * 1000 + k, { tag: 200 });
          // Each order is modified right after, so versions move too.
          const batch = [await submit(w.deviceId, k * 2 - 1, order)];
          await w.client.pushWithRetry(batch);
          const mod = makeOrder(i * 1000 + k, {
            tag: 200,
            first: `Changed${letters(k).toLowerCase()}`,
          });
          await w.client.pushWithRetry([
            await mutation(w.deviceId, k * 2, 'order.modify', { order: mod, baseVersion: 1 }),
          ]);
        }
      }),
    );
    done = true;
    const rounds = await pulls;
    cursor = await pullAll(reader, cursor, cache);
    const server = await env.db.query<{ order_id: string; version: number }>(
      'SELECT order_id, version FROM orders WHERE court_ori = $1',
      [COURT_A],
    );
    const expected = new Map(server.map((r) => [r.order_id, r.version]));
    expect(expected.size).toBe(20 * perWriter);
    expect([...expected.values()].filter((v) => v !== 2)).toEqual([]);
    expect(new Map([...cache].sort())).toEqual(new Map([...expected].sort()));
    expect(rounds).toBeGreaterThan(1);
    delays.clear();
  });

  it('a pull taken while an earlier transaction is still open does not pass it (late commit)', async () => {
    if (backend === 'pglite') {
      // PGlite has one connection: a second transaction cannot overlap, so there is no late commit
      // to provoke. The concurrent test above still runs against it.
      const dev = await env.enrol(COURT_B);
      const page = await dev.client.pull('', 10);
      expect(page.changes).toEqual([]);
      return;
    }
    const writerA = await env.enrol(COURT_B, 'slow');
    const writerB = await env.enrol(COURT_B, 'fast');
    const reader = await env.enrol(COURT_B, 'reader');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const slowDevice = { deviceId: writerA.deviceId, courtOri: COURT_B, label: '' };
    // A takes its change id first and holds its transaction open.
    const slow = pushMutations(
      env.db,
      slowDevice,
      [await submit(writerA.deviceId, 1, makeOrder(1, { tag: 300, court: COURT_B }))],
      {
        beforeCommit: async () => {
          entered();
          await gate;
        },
      },
    );
    await inside;
    // B starts later (higher change id) and commits at once.
    await writerB.client.push([
      await submit(writerB.deviceId, 1, makeOrder(2, { tag: 300, court: COURT_B })),
    ]);
    const ids = await env.db.query<{ entity_id: string; change_id: number }>(
      'SELECT entity_id, change_id FROM changes WHERE court_ori = $1 ORDER BY change_id',
      [COURT_B],
    );
    expect(ids.length).toBe(1); // A's row is not visible yet; B's is
    const before = await reader.client.pull('', 100);
    // The horizon is A's open transaction: B's committed row waits behind it, nothing is skipped.
    expect(before.changes.map((c) => c.id)).toEqual([]);
    release();
    await slow;
    const cache = new Map<string, number>();
    await pullAll(reader, before.cursor, cache);
    expect([...cache.keys()].sort()).toEqual(
      [makeOrder(1, { tag: 300 }).id, makeOrder(2, { tag: 300 }).id].sort(),
    );
  });

  it('carries status changes (FCN, reject reason) in the feed, pages with hasMore, and keeps courts apart', async () => {
    const court = 'CA0010000';
    const dev = await env.enrol(court);
    const other = await env.enrol('CA0020000');
    for (let i = 1; i <= 5; i += 1) {
      await dev.client.push([await submit(dev.deviceId, i, makeOrder(i, { tag: 400, court }))]);
    }
    const first = await dev.client.pull('', 2);
    expect(first.changes.length).toBe(2);
    expect(first.hasMore).toBe(true);
    const cache = new Map<string, number>();
    const cursor = await pullAll(dev, '', cache);
    expect(cache.size).toBe(5);
    const target = makeOrder(3, { tag: 400 }).id as string;
    await setOrderStatus(env.db, target, { status: 'acknowledged', fcn: '1234567890123' });
    const after = await dev.client.pull(cursor, 100);
    expect(after.changes).toHaveLength(1);
    expect(after.changes[0]).toMatchObject({
      entity: 'order',
      id: target,
      order: { status: 'acknowledged', fcn: '1234567890123' },
    });
    await setOrderStatus(env.db, target, {
      status: 'rejected',
      rejectCode: 'DUP',
      rejectReason: 'Duplicate record on file',
    });
    const again = await pullChanges(env.db, court, after.cursor, 100);
    expect(again.changes[0]).toMatchObject({
      order: {
        status: 'rejected',
        rejectCode: 'DUP',
        rejectReason: 'Duplicate record on file',
        fcn: '1234567890123',
      },
    });
    expect((await other.client.pull('', 100)).changes).toEqual([]);
    const history = await request(
      { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 10_000 },
      {
        method: 'GET',
        path: `/v1/orders/${target}/history`,
        headers: { 'x-clerk-session': dev.session },
      },
    );
    expect((history.body as { events: { event: string; detail: object }[] }).events).toMatchObject([
      { event: 'submitted' },
      { event: 'status:acknowledged', detail: { fcn: '1234567890123' } },
      { event: 'status:rejected', detail: { rejectCode: 'DUP' } },
    ]);
    await expect(
      request(
        { baseUrl: env.baseUrl, credential: other.credential, timeoutMs: 10_000 },
        {
          method: 'GET',
          path: `/v1/orders/${target}/history`,
          headers: { 'x-clerk-session': other.session },
        },
      ),
    ).rejects.toMatchObject({ status: 404 });
    // A cursor from another (restored or replaced) database, ahead of this one's history.
    await expect(dev.client.pull('v1.999999999.1', 10)).rejects.toMatchObject({
      status: 400,
      code: 'cursor-invalid',
    });
    await expect(dev.client.pull('not-a-cursor', 10)).rejects.toMatchObject({
      status: 400,
      code: 'cursor-invalid',
    });
  });
});
