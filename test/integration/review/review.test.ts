/**
 * The supervisors' review workflow on the registry, end to end through the relay and the CLETS
 * simulator, on PGlite and on PostgreSQL 15: who keyed it, return with a comment, the clerk's
 * fix held for a second person, corrections of transmitted orders held, decline, voids with two
 * supervisors, "never one's own entry", the day summary, and the audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RegistryHttpError } from '../../../src/registry/client/http';
import type { OrderInput } from '../../../src/shared/orders';
import { daySummarySchema } from '../../../src/shared/review/daySummary';
import { BACKENDS, stopCluster } from '../registry/env';
import { relayOrder } from '../relay/orders';

import { startReviewEnv, type ReviewEnv, type SignedIn } from './harness';

/** The rejected call's HTTP status and message. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof RegistryHttpError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(BACKENDS)('review workflow on %s', (backend) => {
  let env: ReviewEnv;
  let n = 0;

  beforeAll(async () => {
    env = await startReviewEnv(backend);
    env.sim.faults.rules.push({ tag: 'NAM', contains: 'REJECTME' });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    if (backend === 'postgres') await stopCluster();
  });

  /** A fresh order; `reject` gives it a restrained name the simulator refuses. */
  const letters = (i: number) =>
    `${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26) % 26]}`;
  function newOrder(reject = false): OrderInput {
    n += 1;
    return relayOrder(n, {
      tag: backend === 'pglite' ? 71 : 72,
      ...(reject ? { last: `Rejectme${letters(n)}` } : {}),
    });
  }
  const fixed = (o: OrderInput, last = `Fixed${letters(n)}`): OrderInput => ({
    ...o,
    restrained: { ...o.restrained, name: { ...o.restrained.name, last } },
  });

  async function submit(order: OrderInput, by: SignedIn) {
    const r = await env.push('order.submit', { order, actor: by.actor });
    expect(r, JSON.stringify(r)).toMatchObject({ outcome: 'applied' });
  }
  async function modify(order: OrderInput, baseVersion: number, by: SignedIn) {
    return env.push('order.modify', { order, baseVersion, actor: by.actor });
  }
  const held = async (orderId: string) =>
    (
      await env.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM clets_events WHERE order_id = $1 AND held',
        [orderId],
      )
    )[0]?.n ?? 0;
  const auditRows = async (orderId: string) =>
    env.db.query<{ action: string; outcome: string; username: string | null }>(
      `SELECT payload->>'action' AS action, payload->>'outcome' AS outcome,
         payload->'actor'->>'username' AS username
       FROM audit_events WHERE payload->'subject'->>'id' = $1 ORDER BY court_seq`,
      [orderId],
    );
  const deniedCount = async (username: string, action: string) =>
    (
      await env.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE payload->>'outcome' = 'denied'
           AND payload->'actor'->>'username' = $1 AND payload->>'action' = $2`,
        [username, action],
      )
    )[0]?.n ?? 0;
  /** Lets the relay work through everything queued before: a later order settles after. */
  async function relayHadItsChance() {
    const probe = newOrder();
    await submit(probe, env.users.clerk);
    await env.settled(probe.id, 1);
  }

  it('keeps who keyed each order and checks the actor’s role against the mutation kind', async () => {
    const { clerk, courtroom } = env.users;
    const order = newOrder();
    await submit(order, clerk);
    const state = await env.settled(order.id, 1);
    expect(state.keyedBy?.username).toBe('clerk.review');
    const service = await env.push('service.record', {
      orderId: order.id,
      record: { id: `${order.id}:service:9`, service: order.service },
      actor: clerk.actor,
    });
    expect(service.outcome).toBe('rejected');
    expect('result' in service && service.result.reason).toBe('actor-not-allowed');
    const byCourtroom = await env.push('service.record', {
      orderId: order.id,
      record: { id: `${order.id}:service:8`, service: order.service },
      actor: courtroom.actor,
    });
    expect(byCourtroom.outcome).toBe('applied');
    const bad = await env.push('order.submit', { order: newOrder(), actor: { username: 'x' } });
    expect('result' in bad && bad.result.reason).toBe('invalid-actor');
  });

  it('return → clerk fixes → held for approval → a second person approves → acknowledged', async () => {
    const { clerk, sup1 } = env.users;
    const order = newOrder(true);
    await submit(order, clerk);
    const rejected = await env.settled(order.id, 1);
    expect(rejected.status).toBe('rejected');

    const day = daySummarySchema.parse(await sup1.client.reviewDay());
    const row = day.submissions.find((s) => s.orderId === order.id);
    expect(row?.status).toBe('rejected');
    expect(row?.rejectReason).toMatch(/restrained person's name/);
    expect(row?.rejectedField).toBe('restrained.name');
    expect(row?.keyedBy?.username).toBe('clerk.review');
    expect(row?.deadline).not.toBe('met');
    expect(row?.dueBy).toMatch(/T23:59:59\.999-0[78]:00$/);
    expect(day.perHour.reduce((a, h) => a + h.count, 0)).toBeGreaterThanOrEqual(2);
    expect(day.counts.rejected).toBeGreaterThanOrEqual(1);

    expect((await refusal(clerk.client.returnOrder(order.id, 'Fix the name'))).status).toBe(403);
    expect((await refusal(clerk.client.reviewDay())).status).toBe(403);
    expect((await refusal(sup1.client.returnOrder(order.id, 'x'))).status).toBe(400);
    const returned = await sup1.client.returnOrder(order.id, 'Name is misspelled: see page 2');
    expect(returned.state).toBe('returned');
    const feed = (await env.pullAll()).get(order.id);
    expect(feed?.review?.state).toBe('returned');
    expect(feed?.review?.by?.username).toBe('sup.one');
    expect(feed?.review?.comment).toBe('Name is misspelled: see page 2');

    const fix = await modify(fixed(order), 1, clerk);
    expect(fix, JSON.stringify(fix)).toMatchObject({ outcome: 'applied' });
    const waiting = (await env.pullAll()).get(order.id);
    expect(waiting?.review?.state).toBe('awaiting-approval');
    expect(waiting?.review?.approvalKind).toBe('correction');
    expect(waiting?.status).toBe('at_registry');
    await relayHadItsChance();
    expect(await held(order.id)).toBe(1);
    expect((await env.pullAll()).get(order.id)?.status).toBe('at_registry');

    const approvalId = waiting?.review?.approvalId ?? '';
    expect((await refusal(clerk.client.decideApproval(approvalId, 'approve'))).status).toBe(403);
    const approved = await sup1.client.decideApproval(approvalId, 'approve');
    expect(approved.state).toBe('approved');
    const done = await env.settled(order.id, 2);
    expect(done.status).toBe('acknowledged');
    expect(done.fcn).toMatch(/^\d{13}$/);
    expect(done.review?.state).toBe('approved');
    expect(await held(order.id)).toBe(0);
    expect((await refusal(sup1.client.decideApproval(approvalId, 'approve'))).status).toBe(409);

    // The guard refused the clerk before any order was read: on record, without the order.
    expect(await deniedCount('clerk.review', 'queue.work')).toBeGreaterThanOrEqual(2);
    const audit = await auditRows(order.id);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'queue.work', outcome: 'success', username: 'sup.one' },
        { action: 'correction.request', outcome: 'success', username: 'clerk.review' },
        { action: 'correction.approve', outcome: 'success', username: 'sup.one' },
      ]),
    );
  });

  it('never one’s own entry: the supervisor who keyed and fixed cannot approve; a decline returns it', async () => {
    const { sup1, sup2, sup3 } = env.users;
    const order = newOrder(true);
    await submit(order, sup1);
    await env.settled(order.id, 1);
    await sup2.client.returnOrder(order.id, 'Check the name against the order');
    expect((await modify(fixed(order, `Wrong${letters(n)}`), 1, sup1)).outcome).toBe('applied');
    const approvalId = (await env.pullAll()).get(order.id)?.review?.approvalId ?? '';
    const own = await refusal(sup1.client.decideApproval(approvalId, 'approve'));
    expect(own).toEqual({
      status: 403,
      message: 'You keyed this order; another supervisor must approve it.',
    });
    expect((await refusal(sup2.client.decideApproval(approvalId, 'decline'))).status).toBe(400);
    const declined = await sup2.client.decideApproval(approvalId, 'decline', 'Still misspelled');
    expect(declined.state).toBe('declined');
    const back = (await env.pullAll()).get(order.id);
    expect(back?.review).toMatchObject({ state: 'declined', comment: 'Still misspelled' });
    expect(back?.status).toBe('rejected');
    expect(await held(order.id)).toBe(0);

    expect((await modify(fixed(order), 2, sup1)).outcome).toBe('applied');
    const again = (await env.pullAll()).get(order.id)?.review;
    expect(again?.state).toBe('awaiting-approval');
    await sup3.client.decideApproval(again?.approvalId ?? '', 'approve');
    const done = await env.settled(order.id, 3);
    expect(done.status).toBe('acknowledged');
    const names = [...env.sim.state.records.values()]
      .filter((r) => r.key.split('|')[1] === order.caseNumber)
      .flatMap((r) => r.fields.filter((f) => f.tag === 'NAM').map((f) => f.value));
    expect(names.some((v) => v.includes('WRONG'))).toBe(false);
    const audit = await auditRows(order.id);
    expect(audit).toContainEqual({
      action: 'correction.approve',
      outcome: 'denied',
      username: 'sup.one',
    });
  });

  it('a correction of an acknowledged order waits for approval; a fix nobody returned goes straight out', async () => {
    const { clerk, sup2 } = env.users;
    const order = newOrder();
    await submit(order, clerk);
    await env.settled(order.id, 1);
    const taller = {
      ...order,
      restrained: { ...order.restrained, height: { feet: 6, inches: 1 } },
    };
    expect((await modify(taller, 1, clerk)).outcome).toBe('applied');
    const review = (await env.pullAll()).get(order.id)?.review;
    expect(review?.state).toBe('awaiting-approval');
    await relayHadItsChance();
    expect(await held(order.id)).toBe(1);
    await sup2.client.decideApproval(review?.approvalId ?? '', 'approve');
    const done = await env.settled(order.id, 2);
    expect(done.clets?.transactions.map((t) => t.event)).toContain('modified');

    const rejected = newOrder(true);
    await submit(rejected, clerk);
    await env.settled(rejected.id, 1);
    expect((await modify(fixed(rejected), 1, clerk)).outcome).toBe('applied');
    const straight = await env.settled(rejected.id, 2);
    expect(straight.status).toBe('acknowledged');
    expect(straight.review).toBeNull();
  });

  it('a void needs a supervisor with a reason and a second supervisor; then CLETS cancels the entry', async () => {
    const { clerk, sup1, sup2 } = env.users;
    const order = newOrder();
    await submit(order, clerk);
    await env.settled(order.id, 1);
    expect(
      (await refusal(clerk.client.requestVoid(order.id, 'Entered twice by mistake'))).status,
    ).toBe(403);
    expect((await refusal(sup1.client.requestVoid(order.id, 'short'))).status).toBe(400);
    const asked = await sup1.client.requestVoid(
      order.id,
      'Entered twice by mistake, see case file',
    );
    expect(asked.state).toBe('awaiting-approval');
    const blocked = await modify(fixed(order), 1, clerk);
    expect('result' in blocked && blocked.result.reason).toBe('void-pending');
    const own = await refusal(sup1.client.decideApproval(asked.approvalId ?? '', 'approve'));
    expect(own).toEqual({
      status: 403,
      message: 'You asked for this void; a second supervisor must approve it.',
    });
    await sup2.client.decideApproval(asked.approvalId ?? '', 'approve');
    const done = await env.settled(order.id, 2);
    expect(done.clets?.transactions.map((t) => [t.event, t.state])).toContainEqual([
      'entered-in-error',
      'acknowledged',
    ]);
    expect((done.order as { status: string }).status).toBe('entered-in-error');
    const filed = [...env.sim.state.records.values()].filter(
      (r) => r.key.split('|')[1] === order.caseNumber,
    );
    expect(filed.length).toBeGreaterThan(0);
    expect(filed.every((r) => r.state !== 'active')).toBe(true);
    expect(await deniedCount('clerk.review', 'order.void-request')).toBe(1);
    const audit = await auditRows(order.id);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'order.void-request', outcome: 'success', username: 'sup.one' },
        { action: 'order.void-approve', outcome: 'denied', username: 'sup.one' },
        { action: 'order.void-approve', outcome: 'success', username: 'sup.two' },
      ]),
    );
  });

  it('summarises the day: counts, review counts, time to acknowledgement', async () => {
    const day = daySummarySchema.parse(await env.users.sup3.client.reviewDay());
    expect(day.courtOri).toBe('CA034999J');
    expect(Object.values(day.counts).reduce((a, b) => a + b, 0)).toBe(day.submissions.length);
    expect(day.reviewCounts.approved).toBeGreaterThanOrEqual(3);
    expect(day.timeToAck.samplesMs.length).toBe(
      day.submissions.filter((s) => s.status === 'acknowledged').length,
    );
    expect(day.timeToAck.p50Ms).not.toBeNull();
    expect(day.submissions.every((s) => s.status !== 'acknowledged' || s.deadline === 'met')).toBe(
      true,
    );
    const yesterday = await env.users.sup3.client.reviewDay('2020-01-02');
    expect(yesterday.submissions).toEqual([]);
    expect((await refusal(env.users.sup3.client.reviewDay('2020-13-45'))).status).toBe(400);
  });
});
