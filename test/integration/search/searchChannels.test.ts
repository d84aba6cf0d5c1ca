/**
 * The Search page's main channels end to end: a real registry (in process, fresh PGlite) holding
 * a few orders, one of them with an uploaded page image, and a real workstation (createWorkstation)
 * whose local sign-in opens the same user's registry session. Through the real dispatcher: a
 * supervisor's name search with a one-letter typo finds the order; order state, history and the
 * page image come back; a clerk's name search is refused and audited while the clerk's
 * case-number search works; signed-out callers are refused; with the registry gone the answer is
 * `unavailable` in clerk words.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CallContext } from '../../../src/main/ipc/dispatcher';
import type { Workstation } from '../../../src/main/workstation';
import type {
  OrderHistory,
  RegistryOrderState,
  RegistrySearchPage,
} from '../../../src/shared/ipc/contracts/search';
import { enrolledWorkstation } from '../../helpers/enrolledWorkstation';
import { signInAs } from '../../helpers/auth';
import { createRegistryUser } from '../../helpers/registryAuth';
import { ADMIN_CODE, startEnv, type TestEnv } from '../registry/env';
import { makeOrder, submit } from '../registry/fixtures';

const COURT = 'CA034999J';
const ctx: CallContext = { shell: 'host', origin: 'test' };

// Three orders of one court; the first two carry a page image each.
const target = makeOrder(0, { tag: 913, last: 'Castellanos', first: 'Mateo' });
const others = [
  makeOrder(1, { tag: 913, last: 'Abernathy', first: 'Ruth' }),
  makeOrder(2, { tag: 913, last: 'Yamamoto', first: 'Ken' }),
];
const targetId = target.id as string;
const targetCase = target.caseNumber as string;
const pageBytes = randomBytes(12_000);
let pageSha = '';
// The second order's page: the registry serves it to the court, but it is not the target's.
const otherPageBytes = randomBytes(6_000);
let otherPageSha = '';

let env: TestEnv;
let stopped = false;
let dataDir = '';
let ws: Workstation;

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function call(channel: string, input: unknown): Promise<Outcome> {
  const r = await ws.dispatcher.dispatch(channel, input, ctx);
  return r.ok
    ? { ok: true, value: r.value }
    : { ok: false, code: r.error.code, message: r.error.message };
}

async function value<T>(channel: string, input: unknown): Promise<T> {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.code}: ${r.message}`);
  return r.value as T;
}

beforeAll(async () => {
  env = await startEnv('pglite');
  // Registry accounts with the user names and password that signInAs gives the local ones.
  await createRegistryUser(env.db, COURT, 'supervisor', { username: 'supervisor' });
  await createRegistryUser(env.db, COURT, 'clerk', { username: 'clerk' });
  // Another workstation of the court files the orders (and the page, before its order).
  const dev = await env.enrol(COURT, 'filing workstation');
  pageSha = (await dev.client.uploadPage(pageBytes)).sha256;
  otherPageSha = (await dev.client.uploadPage(otherPageBytes)).sha256;
  const batch = [await submit(dev.deviceId, 1, target, [pageSha])];
  for (const [i, o] of others.entries()) {
    batch.push(await submit(dev.deviceId, i + 2, o, i === 0 ? [otherPageSha] : undefined));
  }
  const pushed = await dev.client.push(batch);
  expect(pushed.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);

  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-search-channels-'));
  ws = await enrolledWorkstation({
    dataDir,
    registryUrl: env.baseUrl,
    enrolCode: ADMIN_CODE,
    courtOri: COURT,
  });
});

afterAll(async () => {
  await ws?.close();
  if (!stopped) await env?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('search channels against a real registry', () => {
  it('refuses a caller who is not signed in', async () => {
    await ws.auth.sessions.signOut();
    for (const [channel, input] of [
      ['search:search-registry', { caseNumber: targetCase }],
      ['search:get-order', { orderId: targetId }],
      ['search:get-history', { orderId: targetId }],
      ['search:get-page', { orderId: targetId, sha256: pageSha }],
    ] as const) {
      expect(await call(channel, input)).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it("finds a supervisor's surname with a one-letter typo", async () => {
    await signInAs(ws, 'supervisor');
    // "Castelanos": one letter missing.
    const page = await value<RegistrySearchPage>('search:search-registry', {
      name: 'Castelanos',
    });
    expect(page.results.map((r) => r.orderId)).toContain(targetId);
    const hit = page.results.find((r) => r.orderId === targetId);
    expect(hit).toMatchObject({
      caseNumber: targetCase,
      restrained: { last: 'Castellanos', first: 'Mateo' },
    });
    expect(page.results.map((r) => r.orderId)).not.toContain(others[1]?.id);
    // A substitution too, with the given name narrowing it.
    const sub = await value<RegistrySearchPage>('search:search-registry', {
      name: 'Abernethy',
      first: 'Ruth',
    });
    expect(sub.results[0]?.orderId).toBe(others[0]?.id);
  });

  it('gives the order, its history and its page image', async () => {
    const state = await value<RegistryOrderState>('search:get-order', { orderId: targetId });
    expect(state).toMatchObject({ orderId: targetId, version: 1, status: 'at_registry' });
    expect(state.order).toMatchObject({ caseNumber: targetCase });
    // The registry lists the order's page images; this workstation keyed none of them.
    expect(state.pages).toEqual([
      {
        sha256: pageSha,
        position: 1,
        length: pageBytes.length,
        contentType: 'application/octet-stream',
      },
    ]);
    const bare = await value<RegistryOrderState>('search:get-order', { orderId: others[1]?.id });
    expect(bare.pages).toEqual([]);

    const history = await value<OrderHistory>('search:get-history', { orderId: targetId });
    expect(history.orderId).toBe(targetId);
    expect(history.events).toEqual([
      expect.objectContaining({ version: 1, event: 'submitted', status: 'at_registry' }),
    ]);

    const { bytes } = await value<{ bytes: Uint8Array }>('search:get-page', {
      orderId: targetId,
      sha256: pageSha,
    });
    expect(Buffer.from(bytes).equals(pageBytes)).toBe(true);
  });

  it('does not hand out pages the registry does not hold, nor orders that do not exist', async () => {
    // A page the registry would serve to this court (another of its orders names it) is still
    // refused for an order that does not list it.
    const notOnOrder = await call('search:get-page', { orderId: targetId, sha256: otherPageSha });
    expect(notOnOrder).toMatchObject({ ok: false, code: 'not-found' });
    expect((notOnOrder as { message: string }).message).toMatch(/not part of this order/);
    const onItsOrder = await value<{ bytes: Uint8Array }>('search:get-page', {
      orderId: others[0]?.id,
      sha256: otherPageSha,
    });
    expect(Buffer.from(onItsOrder.bytes).equals(otherPageBytes)).toBe(true);
    const missing = 'f'.repeat(64);
    expect(await call('search:get-page', { orderId: targetId, sha256: missing })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    const unknownOrder = await call('search:get-order', {
      orderId: '6b1d2f7e-4c3a-4e8b-9f21-00000000dead',
    });
    expect(unknownOrder).toMatchObject({ ok: false, code: 'not-found' });
    expect(
      await call('search:get-page', {
        orderId: '6b1d2f7e-4c3a-4e8b-9f21-00000000dead',
        sha256: pageSha,
      }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });

  it("refuses and audits a clerk's name search; the clerk's case-number search works", async () => {
    await signInAs(ws, 'clerk');
    const refused = await call('search:search-registry', { name: 'Castellanos' });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect((refused as { message: string }).message).toMatch(/case number/);
    const denied = (await ws.auth.journal.list(10)).find(
      (e) => e.outcome === 'denied' && e.action === 'registry.search',
    );
    expect(denied).toMatchObject({
      actor: { username: 'clerk' },
      where: { channel: 'search:search-registry' },
    });

    const byCase = await value<RegistrySearchPage>('search:search-registry', {
      caseNumber: targetCase,
    });
    expect(byCase.results.map((r) => r.orderId)).toEqual([targetId]);
    // Opening the order found by case number is allowed to a clerk too (by order id).
    const state = await value<RegistryOrderState>('search:get-order', { orderId: targetId });
    expect(state.orderId).toBe(targetId);
  });

  it('says the registry cannot be reached when it is gone', async () => {
    await signInAs(ws, 'supervisor');
    // Signed in at the registry first (a search that works), then the registry goes away.
    await value<RegistrySearchPage>('search:search-registry', { name: 'Castellanos' });
    await env.stop();
    stopped = true;
    const offline = await call('search:search-registry', { name: 'Castellanos' });
    expect(offline).toMatchObject({ ok: false, code: 'unavailable' });
    expect((offline as { message: string }).message).toMatch(/registry cannot be reached/);
    expect((offline as { message: string }).message).not.toMatch(/ECONNREFUSED|TypeError/);
    expect(await call('search:get-order', { orderId: targetId })).toMatchObject({
      ok: false,
      code: 'unavailable',
    });
  });
});
