/**
 * Acceptance (issue 8): a CLETS outage across a weekend. Orders issued Thursday and Friday
 * cannot reach CLETS until Tuesday; the registry's deadline lists, read with an injected clock
 * moving through Friday, Saturday, Monday and Tuesday, count court hours and court days (the
 * weekend does not count), and once CLETS is back the backlog drains and the lists empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type RunningSimulator } from '../../../src/registry/clets-sim/server';
import type { DeadlineLists } from '../../../src/registry/relay/deadlines';
import { DbRelayStore } from '../../../src/registry/relay/dbStore';
import { RelayWorker } from '../../../src/registry/relay/worker';

import { scratch, startRelayEnv, waitFor, type RelayEnv } from './harness';
import { relayOrder } from './orders';

const THURSDAY = '2026-12-03T14:00:00-08:00';
const FRIDAY = '2026-12-04T15:30:00-08:00';

let env: RelayEnv;
let sim: RunningSimulator;
let worker: RelayWorker;
const tmp = scratch('ccpor-relay-outage-');

beforeAll(async () => {
  env = await startRelayEnv(new Date('2026-12-04T16:00:00-08:00'));
  sim = await startSimulator({ port: 0, controlPort: 0, stateFile: `${tmp.dir}/state.jsonl` });
  sim.control('DOWN');
  worker = new RelayWorker({
    store: new DbRelayStore(env.db),
    clets: { host: '127.0.0.1', port: sim.port, backoff: { baseMs: 50, capMs: 500 } },
    maxIdleMs: 50,
  }).start();
});

afterAll(async () => {
  await worker?.stop();
  await sim?.close();
  await env?.stop();
  tmp.cleanup();
});

type Row = { caseNumber: string; left?: number; days?: number; hours?: number };

function summary(lists: DeadlineLists): { atRisk: Row[]; overdue: Row[] } {
  return {
    atRisk: lists.atRisk.map((t) => ({ caseNumber: t.caseNumber, left: t.courtHoursLeft })),
    overdue: lists.overdue.map((t) => ({
      caseNumber: t.caseNumber,
      days: t.courtDaysOverdue,
      hours: t.courtHoursOverdue,
    })),
  };
}

describe('a CLETS outage from Friday to Tuesday', () => {
  const thursday = [0, 1, 2].map((i) =>
    relayOrder(i, { tag: 31, type: 'DV-130', issuedAt: THURSDAY, served: false }),
  );
  const friday = [3, 4, 5].map((i) =>
    relayOrder(i, { tag: 31, type: 'DV-130', issuedAt: FRIDAY, served: false }),
  );
  const rows = (orders: typeof thursday, extra: Omit<Row, 'caseNumber'>) =>
    orders.map((o) => ({ caseNumber: o.caseNumber, ...extra }));

  it('lists at-risk and overdue transactions in court hours and court days, then drains the backlog', async () => {
    await env.submit([...thursday, ...friday]);
    const at = async (iso: string) => {
      env.clock.now = new Date(iso);
      return summary(await env.deadlines());
    };

    // Friday 16:00: Thursday's orders are due tonight (1 court hour left); Friday's on Monday.
    expect(await at('2026-12-04T16:00:00-08:00')).toEqual({
      atRisk: rows(thursday, { left: 1 }),
      overdue: [],
    });
    // Saturday noon: Thursday's are overdue, but no court day or court hour has passed yet.
    expect(await at('2026-12-05T12:00:00-08:00')).toEqual({
      atRisk: [],
      overdue: rows(thursday, { days: 0, hours: 0 }),
    });
    // Monday 10:00: one court day late, 2 court hours; Friday's still have 7 court hours.
    expect(await at('2026-12-07T10:00:00-08:00')).toEqual({
      atRisk: [],
      overdue: rows(thursday, { days: 1, hours: 2 }),
    });
    // Monday 14:00: Friday's orders are at risk (3 court hours left).
    expect(await at('2026-12-07T14:00:00-08:00')).toEqual({
      atRisk: rows(friday, { left: 3 }),
      overdue: rows(thursday, { days: 1, hours: 6 }),
    });
    // Tuesday 09:00: both groups overdue — Thursday's by Monday and Tuesday, Friday's by Tuesday.
    const tuesday = await at('2026-12-08T09:00:00-08:00');
    expect(tuesday).toEqual({
      atRisk: [],
      overdue: [...rows(thursday, { days: 2, hours: 10 }), ...rows(friday, { days: 1, hours: 1 })],
    });
    const lists = await env.deadlines();
    expect(lists.overdue.map((t) => t.dueBy)).toEqual([
      ...thursday.map(() => '2026-12-04T23:59:59.999-08:00'),
      ...friday.map(() => '2026-12-07T23:59:59.999-08:00'),
    ]);
    expect(sim.state.counters.messages).toBe(0);

    // CLETS is back: the backlog drains without anyone touching it, and the lists empty.
    sim.control('UP');
    const all = [...thursday, ...friday];
    const drained = await waitFor('backlog drained', async () => {
      const states = await env.pullAll();
      return all.every((o) => states.get(o.id)?.status === 'acknowledged') ? states : undefined;
    });
    for (const o of all) expect(drained.get(o.id)?.clets).toMatchObject({ open: 0, dueBy: null });
    expect(await env.deadlines()).toMatchObject({ atRisk: [], overdue: [] });
    expect(sim.state.counters.entries).toBe(all.length * 2);
  });
});
