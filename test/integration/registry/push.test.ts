/**
 * Push idempotency against both backends: replay returns the stored result, a reused key with
 * another payload is refused (422) and recorded, gaps are held, lastSeq commits with the effect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { payloadHash } from '../../../src/registry/client/canonicalJson';
import { request } from '../../../src/registry/client/http';
import { pushMutations } from '../../../src/registry/push/pushService';

import { BACKENDS, startEnv, stopCluster, type TestEnv } from './env';
import { COURT_A, COURT_B, makeOrder, mutation, submit } from './fixtures';

afterAll(stopCluster);

describe.each(BACKENDS)('push on %s', (backend) => {
  let env: TestEnv;
  let failNextCommit = false;
  /** Pushes of these devices wait for the promise before COMMIT (to overlap transactions). */
  const holds = new Map<string, { entered: () => void; gate: Promise<void> }>();
  beforeAll(async () => {
    env = await startEnv(backend, {
      pushHooks: {
        beforeCommit: async (deviceId) => {
          if (failNextCommit) {
            failNextCommit = false;
            throw new Error('injected failure just before COMMIT');
          }
          const hold = holds.get(deviceId);
          if (hold) {
            hold.entered();
            await hold.gate;
          }
        },
      },
    });
  });
  afterAll(() => env.stop());

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await env.db.query<{ n: number }>(sql, params))[0]?.n);
  const lastSeq = async (deviceId: string) =>
    Number(
      (
        await env.db.query<{ s: number }>(
          'SELECT last_seq AS s FROM devices WHERE device_id = $1',
          [deviceId],
        )
      )[0]?.s,
    );

  it('applies a new order and replays return the original stored result', async () => {
    const dev = await env.enrol(COURT_A);
    const m = await submit(dev.deviceId, 1, makeOrder(1, { tag: 101 }));
    const first = await dev.client.push([m]);
    expect(first.results[0]).toMatchObject({
      outcome: 'applied',
      result: { orderId: makeOrder(1, { tag: 101 }).id, version: 1, status: 'at_registry' },
    });
    expect(first.lastSeq).toBe(1);
    const again = await dev.client.push([m]);
    expect(again.results[0]?.outcome).toBe('duplicate');
    const original =
      again.results[0]?.outcome === 'duplicate' ? again.results[0].original : undefined;
    expect(original).toEqual(
      first.results[0]?.outcome === 'applied' ? first.results[0].result : null,
    );
    expect(
      await count('SELECT count(*) AS n FROM orders WHERE order_id = $1', [
        makeOrder(1, { tag: 101 }).id,
      ]),
    ).toBe(1);
    expect(await lastSeq(dev.deviceId)).toBe(1);
  });

  it('refuses a reused key with a different payload (422), records it and changes nothing', async () => {
    const dev = await env.enrol(COURT_A);
    const m = await submit(dev.deviceId, 1, makeOrder(2, { tag: 102 }));
    await dev.client.push([m]);
    const tampered = { ...m, payload: { order: makeOrder(2, { tag: 102, last: 'Changed' }) } };
    const forged = { ...tampered, payloadHash: await payloadHash(tampered.payload) };
    const res = await request(
      { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 10_000 },
      { method: 'POST', path: '/v1/mutations', json: { mutations: [forged] }, accept: [422] },
    );
    expect(res.status).toBe(422);
    expect((res.body as { results: unknown[] }).results[0]).toMatchObject({
      outcome: 'conflict',
      reason: 'idempotency-key-reused',
      httpStatus: 422,
    });
    expect(
      await count(
        'SELECT count(*) AS n FROM idempotency_conflicts WHERE device_id = $1 AND idempotency_key = $2',
        [dev.deviceId, m.idempotencyKey],
      ),
    ).toBe(1);
    const stored = await env.db.query<{ restrained_last: string }>(
      'SELECT restrained_last FROM orders WHERE order_id = $1',
      [makeOrder(2, { tag: 102 }).id],
    );
    expect(stored[0]?.restrained_last).toBe('Williams');
    expect(await lastSeq(dev.deviceId)).toBe(1);
  });

  it('holds a mutation after a gap and applies it once the gap is filled', async () => {
    const dev = await env.enrol(COURT_A);
    const m1 = await submit(dev.deviceId, 1, makeOrder(1, { tag: 103 }));
    const m2 = await submit(dev.deviceId, 2, makeOrder(2, { tag: 103 }));
    const held = await dev.client.push([m2]);
    expect(held.results[0]).toMatchObject({ outcome: 'retry', reason: 'seq-gap', expectedSeq: 1 });
    expect(await lastSeq(dev.deviceId)).toBe(0);
    // Out of order in one batch: the registry sorts by seq.
    const both = await dev.client.push([m2, m1]);
    expect(both.results.map((r) => [r.seq, r.outcome])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
    ]);
    expect(await lastSeq(dev.deviceId)).toBe(2);
  });

  it('records lastSeq in the same transaction as the order: a failure before COMMIT leaves neither', async () => {
    const dev = await env.enrol(COURT_A);
    const order = makeOrder(1, { tag: 104 });
    const m = await submit(dev.deviceId, 1, order);
    failNextCommit = true;
    await expect(dev.client.push([m])).rejects.toThrow(/500/);
    expect(await count('SELECT count(*) AS n FROM orders WHERE order_id = $1', [order.id])).toBe(0);
    expect(
      await count('SELECT count(*) AS n FROM mutations WHERE device_id = $1', [dev.deviceId]),
    ).toBe(0);
    expect(await count('SELECT count(*) AS n FROM changes WHERE entity_id = $1', [order.id])).toBe(
      0,
    );
    expect(await lastSeq(dev.deviceId)).toBe(0);
    const retried = await dev.client.push([m]);
    expect(retried.results[0]?.outcome).toBe('applied');
    expect(await count('SELECT count(*) AS n FROM orders WHERE order_id = $1', [order.id])).toBe(1);
    expect(await lastSeq(dev.deviceId)).toBe(1);
  });

  it('rejects bad content permanently: stored, seq advanced, replay returns the rejection', async () => {
    const dev = await env.enrol(COURT_A);
    const bad = await mutation(dev.deviceId, 1, 'order.submit', {
      order: { id: 'x', orderType: 'DV-110' },
    });
    const wrongCourt = await submit(dev.deviceId, 2, makeOrder(3, { tag: 105, court: COURT_B }));
    const badDob = await submit(dev.deviceId, 3, makeOrder(4, { tag: 105, dob: '1990-02-30' }));
    const unknownKind = await mutation(dev.deviceId, 4, 'order.teleport', {
      order: makeOrder(5, { tag: 105 }),
    });
    const wrongHash = {
      ...(await submit(dev.deviceId, 5, makeOrder(6, { tag: 105 }))),
      payloadHash: 'a'.repeat(64),
    };
    const res = await dev.client.push([bad, wrongCourt, badDob, unknownKind, wrongHash]);
    expect(res.results.map((r) => r.outcome)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    const reasons = res.results.map((r) => (r.outcome === 'rejected' ? r.result.reason : ''));
    expect(reasons).toEqual([
      'invalid-order',
      'wrong-court',
      'invalid-order',
      'unknown-kind',
      'payload-hash-mismatch',
    ]);
    const first = res.results[0];
    expect(first?.outcome === 'rejected' && first.result.message).toMatch(/caseNumber/);
    expect(res.lastSeq).toBe(5);
    const replay = await dev.client.push([bad]);
    expect(replay.results[0]).toMatchObject({
      outcome: 'duplicate',
      original: { outcome: 'rejected', reason: 'invalid-order' },
    });
    expect(
      await count('SELECT count(*) AS n FROM orders WHERE device_id = $1', [dev.deviceId]),
    ).toBe(0);
  });

  it('rejects a value PostgreSQL refuses mid-batch without losing the rest of the batch', async () => {
    const dev = await env.enrol(COURT_A);
    // A lone UTF-16 surrogate is valid JavaScript and canonical JSON, but jsonb refuses it
    // (SQLSTATE class 22): the batch is redone with savepoints and only that mutation fails.
    const batch = [
      await submit(dev.deviceId, 1, makeOrder(1, { tag: 112 })),
      await mutation(dev.deviceId, 2, 'audit.append', { event: { note: 'broken \ud800 text' } }),
      await submit(dev.deviceId, 3, makeOrder(3, { tag: 112 })),
    ];
    const res = await dev.client.push(batch);
    expect(res.results.map((r) => r.outcome)).toEqual(['applied', 'rejected', 'applied']);
    expect(res.results[1]).toMatchObject({ result: { reason: 'invalid-data' } });
    expect(res.lastSeq).toBe(3);
    expect(
      await count('SELECT count(*) AS n FROM orders WHERE device_id = $1', [dev.deviceId]),
    ).toBe(2);
    expect(
      await count('SELECT count(*) AS n FROM audit_events WHERE device_id = $1', [dev.deviceId]),
    ).toBe(0);
  });

  it('applies a submit and a modification of the same order in one batch, in order', async () => {
    const dev = await env.enrol(COURT_A);
    const order = makeOrder(1, { tag: 113 });
    const res = await dev.client.push([
      await submit(dev.deviceId, 1, order),
      await mutation(dev.deviceId, 2, 'order.modify', {
        order: makeOrder(1, { tag: 113, last: 'Renamed' }),
        baseVersion: 1,
      }),
      await submit(dev.deviceId, 3, order),
      await submit(dev.deviceId, 4, makeOrder(1, { tag: 113, first: 'Other' })),
      await submit(dev.deviceId, 5, makeOrder(2, { tag: 113 })),
      await submit(dev.deviceId, 6, makeOrder(2, { tag: 113 })),
    ]);
    expect(
      res.results.map((r) =>
        r.outcome === 'applied' || r.outcome === 'rejected'
          ? [r.outcome, r.result.version ?? r.result.reason, r.result.alreadyPresent ?? false]
          : r.outcome,
      ),
    ).toEqual([
      ['applied', 1, false],
      ['applied', 2, false],
      ['rejected', 'order-exists', false], // now at version 2 with other content
      ['rejected', 'order-exists', false],
      ['applied', 1, false],
      ['applied', 1, true], // same content again within the batch
    ]);
    expect(
      await count('SELECT count(*) AS n FROM changes WHERE entity_id = $1', [
        makeOrder(2, { tag: 113 }).id,
      ]),
    ).toBe(1);
  });

  it('redoes a batch safely when another transaction inserts the same order meanwhile', async () => {
    const a = await env.enrol(COURT_A, 'first');
    const b = await env.enrol(COURT_A, 'second');
    const order = makeOrder(1, { tag: 114 });
    if (backend === 'pglite') {
      // One connection: transactions cannot overlap; the same order from two devices is simply
      // applied once and reported as already present the second time.
      await a.client.push([await submit(a.deviceId, 1, order)]);
      const res = await b.client.push([await submit(b.deviceId, 1, order)]);
      expect(res.results[0]).toMatchObject({
        outcome: 'applied',
        result: { alreadyPresent: true },
      });
      return;
    }
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    holds.set(a.deviceId, { entered, gate: new Promise<void>((r) => (release = r)) });
    const first = a.client.push([await submit(a.deviceId, 1, order)]);
    await inside; // a's batch has inserted the order and waits before COMMIT
    holds.delete(a.deviceId);
    // b read "no such order", queued it, and its insert now waits for a's transaction.
    const second = b.client.push([
      await submit(b.deviceId, 1, order),
      await submit(b.deviceId, 2, makeOrder(2, { tag: 114 })),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    release();
    const [ra, rb] = await Promise.all([first, second]);
    expect(ra.results[0]).toMatchObject({ outcome: 'applied', result: { version: 1 } });
    expect(rb.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    expect(rb.results[0]).toMatchObject({ result: { alreadyPresent: true } });
    expect(await count('SELECT count(*) AS n FROM orders WHERE order_id = $1', [order.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM changes WHERE entity_id = $1', [order.id])).toBe(
      1,
    );
    expect(await lastSeq(b.deviceId)).toBe(2);
  });

  it('modifies with baseVersion and refuses a stale base as a version conflict', async () => {
    const dev = await env.enrol(COURT_A);
    const order = makeOrder(1, { tag: 106 });
    await dev.client.push([await submit(dev.deviceId, 1, order)]);
    const changed = makeOrder(1, { tag: 106, last: 'Renamed' });
    const mod = await mutation(dev.deviceId, 2, 'order.modify', { order: changed, baseVersion: 1 });
    const stale = await mutation(dev.deviceId, 3, 'order.modify', {
      order: makeOrder(1, { tag: 106, last: 'Other' }),
      baseVersion: 1,
    });
    const res = await dev.client.push([mod, stale]);
    expect(res.results[0]).toMatchObject({ outcome: 'applied', result: { version: 2 } });
    expect(res.results[1]).toMatchObject({
      outcome: 'rejected',
      result: { reason: 'version-conflict' },
    });
    const rows = await env.db.query<{ version: number; restrained_last: string }>(
      'SELECT version, restrained_last FROM orders WHERE order_id = $1',
      [order.id],
    );
    expect(rows[0]).toEqual({ version: 2, restrained_last: 'Renamed' });
  });

  it('treats an identical resubmission under a new key as already present, and different content as a conflict', async () => {
    const dev = await env.enrol(COURT_A);
    const order = makeOrder(1, { tag: 107 });
    await dev.client.push([await submit(dev.deviceId, 1, order)]);
    const same = await submit(dev.deviceId, 2, order);
    const differs = await submit(dev.deviceId, 3, makeOrder(1, { tag: 107, first: 'Changed' }));
    const res = await dev.client.push([same, differs]);
    expect(res.results[0]).toMatchObject({ outcome: 'applied', result: { alreadyPresent: true } });
    expect(res.results[1]).toMatchObject({
      outcome: 'rejected',
      result: { reason: 'order-exists' },
    });
    expect(await count('SELECT count(*) AS n FROM orders WHERE order_id = $1', [order.id])).toBe(1);
  });

  it('serialises duplicate leaders: the same batch pushed 5 times at once applies once', async () => {
    const dev = await env.enrol(COURT_A);
    const batch = await Promise.all(
      [1, 2, 3].map((i) => submit(dev.deviceId, i, makeOrder(i, { tag: 108 }))),
    );
    const answers = await Promise.all(Array.from({ length: 5 }, () => dev.client.push(batch)));
    const applied = answers.flatMap((a) => a.results).filter((r) => r.outcome === 'applied').length;
    const dupes = answers.flatMap((a) => a.results).filter((r) => r.outcome === 'duplicate').length;
    expect([applied, dupes]).toEqual([3, 12]);
    expect(
      await count('SELECT count(*) AS n FROM orders WHERE device_id = $1', [dev.deviceId]),
    ).toBe(3);
  });

  it('refuses a mutation naming another device (403) and a seq reused under a new key (409)', async () => {
    const dev = await env.enrol(COURT_A);
    const other = await env.enrol(COURT_A);
    const foreign = await submit(other.deviceId, 1, makeOrder(1, { tag: 109 }));
    await expect(dev.client.push([foreign])).rejects.toMatchObject({
      status: 403,
      code: 'device-mismatch',
    });
    await dev.client.push([await submit(dev.deviceId, 1, makeOrder(2, { tag: 109 }))]);
    const reuse = await submit(dev.deviceId, 1, makeOrder(3, { tag: 109 }));
    const res = await dev.client.push([reuse]);
    expect(res.results[0]).toMatchObject({
      outcome: 'conflict',
      reason: 'seq-already-used',
      httpStatus: 409,
    });
  });

  it('answers a malformed push with 400 naming the field', async () => {
    const dev = await env.enrol(COURT_A);
    await expect(
      request(
        { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 10_000 },
        {
          method: 'POST',
          path: '/v1/mutations',
          json: { mutations: [{ deviceId: dev.deviceId, seq: 0 }] },
        },
      ),
    ).rejects.toMatchObject({
      status: 400,
      code: 'invalid-request',
      message: expect.stringMatching(/mutations\.0\.seq/),
    });
  });

  it('records service records and audit events through the same ledger', async () => {
    const dev = await env.enrol(COURT_A);
    const order = makeOrder(1, { tag: 110 });
    const res = await dev.client.push([
      await submit(dev.deviceId, 1, order),
      await mutation(dev.deviceId, 2, 'service.record', {
        orderId: order.id,
        record: { id: 'svc-110-1', method: 'personal', at: '2026-11-03T18:15:00-08:00' },
      }),
      await mutation(dev.deviceId, 3, 'audit.append', {
        event: { type: 'order.viewed', orderId: order.id },
      }),
      await mutation(dev.deviceId, 4, 'service.record', {
        orderId: 'no-such-order',
        record: { id: 'svc-110-2' },
      }),
    ]);
    expect(res.results.map((r) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'rejected',
    ]);
    expect(
      await count('SELECT count(*) AS n FROM service_records WHERE order_id = $1', [order.id]),
    ).toBe(1);
    expect(
      await count('SELECT count(*) AS n FROM audit_events WHERE device_id = $1', [dev.deviceId]),
    ).toBe(1);
  });

  it('applies mutations through the service API directly with the same rules', async () => {
    const dev = await env.enrol(COURT_A);
    const m = await submit(dev.deviceId, 1, makeOrder(1, { tag: 111 }));
    const device = { deviceId: dev.deviceId, courtOri: COURT_A, label: '' };
    const a = await pushMutations(env.db, device, [m]);
    const b = await pushMutations(env.db, device, [m]);
    expect([a.results[0]?.outcome, b.results[0]?.outcome]).toEqual(['applied', 'duplicate']);
  });
});
