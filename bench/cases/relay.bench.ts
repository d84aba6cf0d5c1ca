/**
 * CLETS relay (issue 8), with the simulator at zero delay on loopback and the registry on PGlite:
 * - throughput: transactions/s from orders already at the registry to acknowledgements recorded
 *   (plan, message id recorded before sending, send pipelined, answer recorded, order status and
 *   pull-feed change written), against the floor of the simulator's own throughput for the same
 *   messages sent pipelined on one connection with no database;
 * - latency: p99 ms from registry receipt (the push transaction) to the acknowledgement recorded,
 *   orders arriving one push at a time, against the floor of the simulator's own round trip p99.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { payloadHash } from '../../src/registry/client/canonicalJson';
import { RegistryClient } from '../../src/registry/client/registryClient';
import { startSimulator, type RunningSimulator } from '../../src/registry/clets-sim/server';
import type { Db } from '../../src/registry/db/types';
import { CletsClient, type CletsRequest } from '../../src/registry/relay/cletsClient';
import { DbRelayStore } from '../../src/registry/relay/dbStore';
import { planMessage } from '../../src/registry/relay/plan';
import { RelayWorker } from '../../src/registry/relay/worker';
import { orderSchema } from '../../src/shared/orders';
import { quantile, type BenchCase } from '../harness';
import { relayOrder } from '../../test/integration/relay/orders';

import { startBenchRegistry } from '../inProcessRegistry';

const ADMIN = 'bench-relay-admin';
const SAMPLES = 5;

type Setup = {
  db: Db;
  sim: RunningSimulator;
  push(orders: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
};

async function setup(): Promise<Setup> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-bench-relay-'));
  const registry = await startBenchRegistry(path.join(dir, 'db'), ADMIN);
  const { db, baseUrl } = registry;
  const e = await new RegistryClient({ baseUrl }).enrol(ADMIN, 'CA034999J', 'bench');
  const client = new RegistryClient({ baseUrl, credential: e.credential, timeoutMs: 60_000 });
  const sim = await startSimulator({
    port: 0,
    controlPort: 0,
    stateFile: path.join(dir, 'clets.jsonl'),
  });
  let seq = 0;
  return {
    db,
    sim,
    async push(orders) {
      const mutations = [];
      for (const order of orders) {
        seq += 1;
        const payload = { order };
        mutations.push({
          deviceId: e.deviceId,
          seq,
          idempotencyKey: `bench-relay-${seq}`,
          payloadHash: await payloadHash(payload),
          kind: 'order.submit',
          payload,
        });
      }
      await client.push(mutations);
    },
    async close() {
      await sim.close();
      await registry.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const orders = (tag: number, n: number) =>
  Array.from({ length: n }, (_, i) => relayOrder(i, { tag, served: false }));

/** The messages the relay would send for `orders`, under fresh message ids (for the floor). */
function messages(tag: number, list: ReturnType<typeof orders>): CletsRequest[] {
  return list.map((o, i) => {
    const plan = planMessage('issued', orderSchema.parse(o), []);
    if (plan.kind !== 'send') throw new Error('bench order cannot be sent');
    return { messageId: `floor-${tag}-${i}`, lines: plan.records.map((r) => r.line) };
  });
}

async function waitAcknowledged(db: Db, total: number): Promise<void> {
  for (;;) {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM clets_transactions WHERE state = 'acknowledged'`,
    );
    if ((rows[0]?.n ?? 0) >= total) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const cases: BenchCase[] = [
  {
    name: 'relay throughput: registry → relay → CLETS simulator (PGlite, zero delay)',
    unit: 'transactions/s',
    better: 'higher',
    async run() {
      const N = 100;
      const s = await setup();
      const values: number[] = [];
      const floor: number[] = [];
      let done = 0;
      try {
        for (let k = 0; k < SAMPLES; k += 1) {
          const batch = orders(100 + k, N);
          await s.push(batch);
          const worker = new RelayWorker({
            store: new DbRelayStore(s.db),
            clets: { host: '127.0.0.1', port: s.sim.port },
            maxIdleMs: 5,
          });
          const t0 = performance.now();
          worker.start();
          await waitAcknowledged(s.db, done + N);
          values.push(N / ((performance.now() - t0) / 1000));
          await worker.stop();
          done += N;

          const client = new CletsClient({ host: '127.0.0.1', port: s.sim.port });
          const msgs = messages(100 + k, orders(900 + k, N));
          const t1 = performance.now();
          for (let i = 0; i < msgs.length; i += 64) await client.sendAll(msgs.slice(i, i + 64));
          floor.push(N / ((performance.now() - t1) / 1000));
          client.close();
        }
      } finally {
        await s.close();
      }
      return {
        values,
        floor,
        notes: [`relay: ${N} single-order transactions (2 records each) per sample`],
      };
    },
  },
  {
    name: 'relay p99 registry receipt → CLETS acknowledgement (PGlite, zero delay)',
    unit: 'ms',
    better: 'lower',
    async run() {
      const N = 40;
      const s = await setup();
      const worker = new RelayWorker({
        store: new DbRelayStore(s.db),
        clets: { host: '127.0.0.1', port: s.sim.port },
        maxIdleMs: 5,
      }).start();
      const values: number[] = [];
      const floor: number[] = [];
      const medians: number[] = [];
      let done = 0;
      try {
        for (let k = 0; k < SAMPLES; k += 1) {
          for (const o of orders(200 + k, N)) await s.push([o]); // one order per push
          await waitAcknowledged(s.db, done + N);
          done += N;
          const rows = await s.db.query<{ ms: number }>(
            `SELECT extract(epoch FROM (finished_at - received_at)) * 1000 AS ms
             FROM clets_transactions ORDER BY id DESC LIMIT $1`,
            [N],
          );
          const latencies = rows.map((r) => Number(r.ms));
          values.push(quantile(latencies, 0.99));
          medians.push(quantile(latencies, 0.5));

          const client = new CletsClient({ host: '127.0.0.1', port: s.sim.port });
          const rtts: number[] = [];
          for (const m of messages(200 + k, orders(800 + k, N))) {
            const t = performance.now();
            await client.sendAll([m]);
            rtts.push(performance.now() - t);
          }
          floor.push(quantile(rtts, 0.99));
          client.close();
        }
      } finally {
        await worker.stop();
        await s.close();
      }
      return {
        values,
        floor,
        notes: [
          `relay receipt → acknowledgement p50 per sample: ${medians.map((m) => m.toFixed(1)).join(', ')} ms`,
        ],
      };
    },
  },
];
