/**
 * Acceptance (issue 8): 500 orders through registry → relay → CLETS simulator, the relay process
 * SIGKILLed at 20 random points (fixed seed) while the simulator drops connections (every 37th
 * message after processing it, so its answer is lost, and all connections at some kills):
 * 0 duplicate entries at the simulator, 100 % acknowledged, every FCN on the pull feed.
 */
import { readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { simControl, simStats } from '../../../src/registry/clets-sim/control';
import type { FiledRecord } from '../../../src/registry/clets-sim/engine';
import type { StoredMessage } from '../../../src/registry/clets-sim/stateFile';
import { orderSchema, orderToCletsRecords, type OrderInput } from '../../../src/shared/orders';

import {
  scratch,
  startRelayEnv,
  startRelayProcess,
  startSimProcess,
  waitFor,
  type Child,
  type RelayEnv,
  type SimProcess,
} from './harness';
import { seededRandom } from '../../helpers/seededRandom';

import { relayOrder } from './orders';

const ORDERS = 500;
const KILLS = 20;
const TYPES = ['DV-110', 'CH-130', 'GV-110', 'EPO-001', 'WV-110'];

let env: RelayEnv | undefined;
let sim: SimProcess | undefined;
let relay: Child | undefined;
const tmp = scratch('ccpor-relay-kill-');

afterAll(async () => {
  await relay?.kill('SIGKILL');
  await sim?.kill();
  await env?.stop();
  tmp.cleanup();
});

describe('500 orders with the relay SIGKILLed 20 times and CLETS dropping connections', () => {
  it('enters every record exactly once, acknowledges all, and shows every FCN on the pull feed', async () => {
    const random = seededRandom(20261125);
    env = await startRelayEnv();
    const stateFile = `${tmp.dir}/clets.jsonl`;
    sim = await startSimProcess(stateFile);
    await simControl(sim.controlPort, 'DROP EVERY 37 AFTER');
    relay = await startRelayProcess(env.baseUrl, sim.port);

    const orders: OrderInput[] = Array.from({ length: ORDERS }, (_, i) =>
      relayOrder(i, { tag: 7, type: TYPES[i % TYPES.length], served: i % 2 === 0 }),
    );
    const wave = ORDERS / KILLS;
    let killsMidWork = 0;
    for (let k = 0; k < KILLS; k += 1) {
      await env.submit(orders.slice(k * wave, (k + 1) * wave));
      await new Promise((r) => setTimeout(r, 100 + Math.floor(random() * 900)));
      const open = await env.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM clets_transactions WHERE state IN ('pending', 'sending')`,
      );
      if ((open[0]?.n ?? 0) > 0) killsMidWork += 1;
      await relay.kill('SIGKILL');
      if (k % 4 === 0) await simControl(sim.controlPort, 'DROP NOW');
      relay = await startRelayProcess(env.baseUrl, sim.port);
    }

    // Kills must land while transactions are in flight, or the test proves little. How many do
    // depends on machine load, so require some, not a share (no timing assertions).
    expect(killsMidWork).toBeGreaterThanOrEqual(1);
    const e = env;
    const states = await waitFor(
      'all 500 orders acknowledged',
      async () => {
        const all = await e.pullAll();
        const done = orders.every((o) => {
          const s = all.get(o.id);
          return s?.status === 'acknowledged' && s.clets?.open === 0;
        });
        return done ? all : undefined;
      },
      150_000,
    );

    // 100 % acknowledged: every transaction of every order.
    const txStates = await env.db.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM clets_transactions GROUP BY state',
    );
    const expectedTx =
      orders.length + orders.filter((o) => o.service.method !== 'not-served').length;
    expect(txStates).toEqual([{ state: 'acknowledged', n: expectedTx }]);

    // 0 duplicates: each record (ORI|PNO|PPN) entered exactly once, no DUP or IDM answers.
    const expectedRecords = orders.reduce(
      (n, o) => n + orderToCletsRecords(orderSchema.parse(o), 'issued').length,
      0,
    );
    const log = readFileSync(stateFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as StoredMessage);
    const entries = new Map<string, number>();
    for (const m of log) {
      for (const eff of m.effects) {
        if (eff.op === 'enter') entries.set(eff.key, (entries.get(eff.key) ?? 0) + 1);
      }
    }
    expect(entries.size).toBe(expectedRecords);
    expect([...entries.values()].every((n) => n === 1)).toBe(true);
    const stats = await simStats(sim.controlPort);
    expect(stats.rejects).toEqual({});
    expect(stats.entries).toBe(expectedRecords);
    // The faults really happened: answers were lost and the same message ids came back.
    expect(stats.resends).toBeGreaterThan(0);
    expect(stats.drops).toBeGreaterThan(0);
    console.info(
      `[relay kill test] ${killsMidWork}/${KILLS} kills mid-work; simulator ${JSON.stringify(stats)}`,
    );

    // Every FCN CLETS assigned is on the pull feed, against the right order.
    const records = JSON.parse(await simControl(sim.controlPort, 'RECORDS')) as FiledRecord[];
    const byCase = new Map<string, string[]>();
    for (const r of records) {
      const pno = r.key.split('|')[1] ?? '';
      byCase.set(pno, [...(byCase.get(pno) ?? []), r.fcn]);
    }
    const seen = new Set<string>();
    for (const o of orders) {
      const s = states.get(o.id);
      const fcns = [...(s?.clets?.fcns ?? [])].sort();
      expect(fcns).toEqual([...(byCase.get(o.caseNumber) ?? [])].sort());
      expect(s?.fcn).toBe(s?.clets?.fcns[0]);
      for (const f of fcns) seen.add(f);
    }
    expect(seen.size).toBe(expectedRecords);
  }, 240_000);
});
