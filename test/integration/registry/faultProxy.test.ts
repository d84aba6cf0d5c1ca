/**
 * Acceptance (issue 7, reliability-security.md A-2): 1,000 orders queued offline, then pushed
 * through a fault-injecting proxy that drops 10 % of replies after commit, fails 5 % with 500
 * (half before, half after commit) and stalls 5 % past the client timeout. Result: exactly 1,000
 * orders at the registry, 0 duplicates, every outbox item acknowledged, every stored payload hash
 * equal to the submitted one. Also a page upload through the same faults.
 */
import { createHash, randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { drainOutbox } from '../../../src/registry/client/drain';
import { RegistryClient } from '../../../src/registry/client/registryClient';
import { seededRandom, startFaultProxy, type FaultProxy } from '../../helpers/faultProxy';

import { BACKENDS, startEnv, stopCluster, type TestEnv } from './env';
import { COURT_A, makeOrder, submit } from './fixtures';
import { MemoryOutbox } from './memoryOutbox';

afterAll(stopCluster);

const RATES = { 'drop-reply': 0.1, 'error-before': 0.025, 'error-after': 0.025, stall: 0.05 };

describe.each(BACKENDS)('1,000 orders through the fault proxy on %s', (backend) => {
  let env: TestEnv;
  let proxy: FaultProxy;
  beforeAll(async () => {
    env = await startEnv(backend);
    const port = Number(new URL(env.baseUrl).port);
    proxy = await startFaultProxy({
      targetPort: port,
      rates: RATES,
      seed: backend === 'pglite' ? 7 : 8,
      stallMs: 1_700,
    });
  });
  afterAll(async () => {
    await proxy.close();
    await env.stop();
  });

  it('ends with exactly 1,000 orders, 0 duplicates, all acknowledged', async () => {
    const dev = await env.enrol(COURT_A, 'offline counter');
    const outbox = new MemoryOutbox();
    const hashes = new Map<string, string>();
    for (let i = 1; i <= 1000; i += 1) {
      const order = makeOrder(i, { tag: 800 });
      const m = await submit(dev.deviceId, i, order);
      hashes.set(String(order.id), m.payloadHash);
      outbox.add(m);
    }
    const client = new RegistryClient({
      baseUrl: proxy.url,
      credential: dev.credential,
      timeoutMs: 1_500,
      // Short waits keep the test quick; production uses the 1 s / 5 min defaults.
      backoff: { baseMs: 20, capMs: 200 },
      random: seededRandom(42),
    });
    let retries = 0;
    const report = await drainOutbox(client, outbox, {
      batchSize: 25,
      retry: { onRetry: () => (retries += 1) },
    });

    expect(report).toMatchObject({ acknowledged: 1000, needsAttention: 0, stalled: 0 });
    expect(outbox.count('acknowledged')).toBe(1000);
    // The faults really happened, and replays were answered from the ledger.
    expect(proxy.stats['drop-reply']).toBeGreaterThan(0);
    expect(proxy.stats.stall).toBeGreaterThan(0);
    expect(proxy.stats['error-after'] + proxy.stats['error-before']).toBeGreaterThan(0);
    expect(retries).toBeGreaterThan(0);
    expect(outbox.answers.filter((a) => a.outcome === 'duplicate').length).toBeGreaterThan(0);

    const rows = await env.db.query<{ order_id: string; payload_hash: string }>(
      'SELECT order_id, payload_hash FROM orders WHERE device_id = $1',
      [dev.deviceId],
    );
    expect(rows.length).toBe(1000);
    expect(new Set(rows.map((r) => r.order_id)).size).toBe(1000);
    expect(rows.every((r) => hashes.get(r.order_id) === r.payload_hash)).toBe(true);
    const ledger = await env.db.query<{ n: number; max: number }>(
      'SELECT count(*) AS n, max(seq) AS max FROM mutations WHERE device_id = $1',
      [dev.deviceId],
    );
    expect(ledger[0]).toEqual({ n: 1000, max: 1000 });
    const changes = await env.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM changes WHERE entity = 'order' AND entity_id = ANY($1::text[])",
      [[...hashes.keys()]],
    );
    expect(Number(changes[0]?.n)).toBe(1000);
    const dev0 = await env.db.query<{ last_seq: number }>(
      'SELECT last_seq FROM devices WHERE device_id = $1',
      [dev.deviceId],
    );
    expect(dev0[0]?.last_seq).toBe(1000);
  });

  it('uploads a 2 MB page through the faults, resuming rather than restarting', async () => {
    const dev = await env.enrol(COURT_A, 'scanner');
    const client = new RegistryClient({
      baseUrl: proxy.url,
      credential: dev.credential,
      timeoutMs: 1_500,
      backoff: { baseMs: 20, capMs: 200 },
      random: seededRandom(43),
    });
    const page = randomBytes(2 * 1024 * 1024);
    const result = await client.uploadPage(page, 256 * 1024);
    const id = createHash('sha256').update(page).digest('hex');
    expect(result.sha256).toBe(id);
    expect(result.bytesSent).toBeLessThanOrEqual(1.3 * page.length);
    const direct = new RegistryClient({ baseUrl: env.baseUrl, credential: dev.credential });
    expect(await direct.pageOffset(id)).toEqual({ received: page.length, complete: true });
  });
});
