/**
 * Registry → relay → CLETS simulator, one scenario at a time: entry with one record per protected
 * person, the FCNs on the pull feed, a refused field coming back with clerk words and the form
 * field, the corrected modification acknowledged, and every lifecycle event through the domain's
 * event table. The relay runs in-process on the database (the `--clets` form of the registry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type RunningSimulator } from '../../../src/registry/clets-sim/server';
import type { OrderState } from '../../../src/registry/pull/changes';
import { DbRelayStore } from '../../../src/registry/relay/dbStore';
import { RelayWorker } from '../../../src/registry/relay/worker';
import type { OrderInput } from '../../../src/shared/orders';

import { BACKENDS, stopCluster } from '../registry/env';

import { scratch, startRelayEnv, waitFor, type RelayEnv } from './harness';
import { relayOrder } from './orders';

describe.each(BACKENDS)('relay: registry → relay → CLETS simulator on %s', (backend) => {
  let env: RelayEnv;
  let sim: RunningSimulator;
  let worker: RelayWorker;
  let tmp: { dir: string; cleanup(): void };

  beforeAll(async () => {
    env = await startRelayEnv(new Date(), backend);
    tmp = scratch('ccpor-relay-basic-');
    sim = await startSimulator({ port: 0, controlPort: 0, stateFile: `${tmp.dir}/state.jsonl` });
    worker = new RelayWorker({
      store: new DbRelayStore(env.db),
      clets: { host: '127.0.0.1', port: sim.port },
      maxIdleMs: 50,
    }).start();
  });

  afterAll(async () => {
    await worker?.stop();
    await sim?.close();
    await env?.stop();
    tmp?.cleanup();
    if (backend === 'postgres') await stopCluster();
  });

  /** Waits until the pull feed shows the order settled (nothing open) and returns it. */
  function settled(orderId: string, version = 1): Promise<OrderState> {
    return waitFor(`order ${orderId} v${version} to settle`, async () => {
      const order = (await env.pullAll()).get(orderId);
      const done = order && order.version === version && order.clets && order.clets.open === 0;
      return done && (order.status === 'acknowledged' || order.status === 'rejected')
        ? order
        : undefined;
    });
  }

  function simRecordsFor(caseNumber: string) {
    return [...sim.state.records.values()].filter((r) => r.key.split('|')[1] === caseNumber);
  }

  const field = (fields: readonly { tag: string; value: string }[], tag: string) =>
    fields.filter((f) => f.tag === tag).map((f) => f.value);

  it('enters an issued order as one record per protected person and shows the FCNs on the pull feed', async () => {
    const order = relayOrder(1); // DV-110: two protected people, served personally
    await env.submit([order]);
    const state = await settled(order.id);
    expect(state.status).toBe('acknowledged');
    expect(state.clets?.fcns).toHaveLength(2);
    expect(state.fcn).toBe(state.clets?.fcns[0]);
    expect(state.clets?.transactions.map((t) => [t.event, t.state])).toEqual([
      ['issued', 'acknowledged'],
      ['served', 'acknowledged'],
    ]);
    const filed = simRecordsFor(order.caseNumber);
    expect(filed.map((r) => r.fcn).sort()).toEqual([...(state.clets?.fcns ?? [])].sort());
    for (const r of filed) {
      expect(r.state).toBe('active');
      expect(field(r.fields, 'MIS')[0]).toMatch(
        /^SERVED PERSONALLY 20261103 1815 BY DEPUTY ROSA ALVAREZ/,
      );
    }
    expect(filed.map((r) => field(r.fields, 'PPN')[0]).sort()).toEqual([
      'PARKER, EMMA ROSE',
      'PARKER, MELISSA ANN',
    ]);
    const history = await env.db.query<{ event: string }>(
      `SELECT event FROM order_events WHERE order_id = $1 AND event LIKE 'clets:%' ORDER BY id`,
      [order.id],
    );
    expect(history.map((h) => h.event)).toEqual([
      'clets:sent',
      'clets:acknowledged',
      'clets:sent',
      'clets:acknowledged',
    ]);
  });

  it('brings a refused field back in clerk words with the form field, and the corrected modification ends acknowledged', async () => {
    await sim.control('REJECT NAM REJECTME');
    const order = relayOrder(2, { last: 'Rejectme', served: false });
    await env.submit([order]);
    const rejected = await settled(order.id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejectCode).toBe('INV');
    expect(rejected.clets?.reject).toMatchObject({
      code: 'INV',
      tag: 'NAM',
      field: 'restrained.name',
    });
    expect(rejected.rejectReason).toBe(
      `CLETS refused the restrained person's name: NAM (Restrained person name) value "REJECTME, DANIEL JAMES" is not accepted. Correct the restrained person's name and resubmit the order.`,
    );
    expect(rejected.fcn).toBeNull();
    expect(simRecordsFor(order.caseNumber)).toEqual([]);

    const corrected: OrderInput = {
      ...order,
      restrained: { ...order.restrained, name: { ...order.restrained.name, last: 'Rejmann' } },
    };
    // With the relay stopped, the workstation at once sees the correction waiting, the old
    // rejection gone.
    await worker.stop();
    await env.modify(corrected, 1);
    const waiting = (await env.pullAll()).get(order.id);
    expect(waiting).toMatchObject({ version: 2, status: 'at_registry', rejectCode: null });
    expect(waiting?.clets).toMatchObject({ reject: null, open: 1 });
    worker = new RelayWorker({
      store: new DbRelayStore(env.db),
      clets: { host: '127.0.0.1', port: sim.port },
      maxIdleMs: 50,
    }).start();
    const fixed = await settled(order.id, 2);
    expect(fixed.status).toBe('acknowledged');
    expect(fixed.rejectCode).toBeNull();
    expect(fixed.clets?.reject).toBeNull();
    expect(fixed.clets?.fcns).toHaveLength(2);
    expect(fixed.clets?.transactions.map((t) => [t.event, t.state])).toEqual([
      ['issued', 'rejected'],
      ['modified', 'acknowledged'],
    ]);
    // Nothing was on file, so the modification went as an entry; each record entered once.
    const filed = simRecordsFor(order.caseNumber);
    expect(filed).toHaveLength(2);
    for (const r of filed) {
      expect(field(r.fields, 'MKE')).toEqual(['EPO']);
      expect(field(r.fields, 'NAM')).toEqual(['REJMANN, DANIEL JAMES']);
      expect(r.messages).toHaveLength(1);
    }
    await sim.control('REJECT CLEAR');
  });

  it('maps a refused height to restrained.height', async () => {
    await sim.control('REJECT HGT 511');
    const order = relayOrder(3, { served: false });
    await env.submit([order]);
    const rejected = await settled(order.id);
    expect(rejected.clets?.reject).toMatchObject({
      code: 'INV',
      tag: 'HGT',
      field: 'restrained.height',
      label: "restrained person's height",
    });
    await sim.control('REJECT CLEAR');
    await env.modify(
      { ...order, restrained: { ...order.restrained, height: { feet: 6, inches: 0 } } },
      1,
    );
    expect((await settled(order.id, 2)).status).toBe('acknowledged');
  });

  it('refuses before CLETS an order it cannot turn into records, naming the field to fix', async () => {
    const before = sim.state.counters.messages;
    // A temporary order issued after its hearing date: its expiry (the hearing) is already past.
    const order = relayOrder(4, { issuedAt: '2026-12-03T14:00:00-08:00', served: false });
    expect(order.hearingAt).toBe('2026-11-20T08:30:00-08:00');
    await env.submit([order]);
    const rejected = await settled(order.id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejectCode).toBe('LOCAL');
    expect(rejected.clets?.reject?.field).toBe('expiration');
    expect(rejected.rejectReason).toBe(
      'The order cannot be sent to CLETS: Expiration (2026-11-20T23:59:59-08:00) must be after the issue date-time. Correct the expiration and resubmit the order.',
    );
    expect(sim.state.counters.messages).toBe(before);
  });

  it('sends modification, renewal, service, termination and entered-in-error through the event table', async () => {
    const order = relayOrder(5, { type: 'DV-130', served: false });
    await env.submit([order]);
    expect((await settled(order.id)).status).toBe('acknowledged');

    const heavier = { ...order, restrained: { ...order.restrained, weight: 190 } };
    await env.modify(heavier, 1);
    await settled(order.id, 2);
    const renewed = {
      ...heavier,
      expiration: { kind: 'at' as const, at: '2031-11-20T23:59:00-08:00' },
    };
    await env.modify(renewed, 2);
    await settled(order.id, 3);
    await env.serve(order.id, {
      id: 'svc-5',
      service: {
        method: 'personal',
        at: '2026-11-24T09:30:00-08:00',
        servedBy: 'Deputy Kim Lee',
        agency: 'SSO',
      },
    });
    await waitFor('service acknowledged', async () => {
      const s = (await env.pullAll()).get(order.id);
      return s?.clets?.transactions.some((t) => t.event === 'served' && t.state === 'acknowledged')
        ? s
        : undefined;
    });
    await env.modify({ ...renewed, status: 'terminated' }, 3);
    const done = await settled(order.id, 4);
    expect(done.clets?.transactions.map((t) => [t.event, t.state])).toEqual([
      ['issued', 'acknowledged'],
      ['modified', 'acknowledged'],
      ['renewed', 'acknowledged'],
      ['served', 'acknowledged'],
      ['terminated', 'acknowledged'],
    ]);
    const filed = simRecordsFor(order.caseNumber);
    expect(filed).toHaveLength(2);
    for (const r of filed) {
      expect(r.state).toBe('cleared');
      expect(field(r.fields, 'WGT')).toEqual(['190']);
      expect(field(r.fields, 'EXP')).toEqual(['20311120']);
      expect(field(r.fields, 'MIS')[0]).toMatch(
        /^SERVED PERSONALLY 20261124 0930 BY DEPUTY KIM LEE SSO/,
      );
      expect(r.messages).toHaveLength(5);
    }
    // A cleared order entered in error is cancelled (XPO) too.
    await env.modify({ ...renewed, status: 'entered-in-error' }, 4);
    const cancelled = await settled(order.id, 5);
    expect(cancelled.clets?.transactions.at(-1)).toMatchObject({
      event: 'entered-in-error',
      state: 'acknowledged',
    });
    for (const r of simRecordsFor(order.caseNumber)) expect(r.state).toBe('cancelled');
    expect(cancelled.clets?.fcns).toEqual([]);
  });
});
