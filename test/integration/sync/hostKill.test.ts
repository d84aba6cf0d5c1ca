/**
 * Acceptance (issue 7, reliability-security.md A-3): the workstation's own process — the host,
 * which holds main (credential, seq memory) — is SIGKILLed at 10 seeded random points while the
 * renderer's outbox is pushed, and started again on the same data folder: 0 lost, 0 duplicated.
 *
 * This process plays the page: it holds the Dexie outbox (fake-indexeddb), submits 300 orders
 * in small waves while the outbox drains (and while the host is down), each stamped with the
 * actor and seal of the clerk signed in over the host's socket, and runs the real SyncEngine
 * through a SyncPort carried by the host's WebSocket frames. The host child (hostChild.ts) is
 * the real workstation + host server, pointed at an in-process registry (PGlite) through a
 * loopback relay (pushRelay.ts) that counts pushes, so a kill lands where it should: before
 * the push reaches the registry; after the registry committed but before main hears; after
 * main saved the registry's seq and answered but before the page heard; a few ms after main
 * got the reply; or after a random delay. What is asserted about the registry is read from
 * its database, not from the client.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../src/renderer/db/clerkDb';
import { submitOrder } from '../../../src/renderer/db/ordersRepo';
import { SyncEngine } from '../../../src/renderer/features/sync/syncEngine';
import type { SyncStatus } from '../../../src/shared/ipc/contracts/sync';
import { actorOfPrincipal, type MutationActor } from '../../../src/shared/review/actor';
import { TEST_PASSWORD } from '../../helpers/auth';
import { seededRandom } from '../../helpers/faultProxy';
import { freePort } from '../../helpers/ports';
import { createRegistryUser } from '../../helpers/registryAuth';
import { ADMIN_CODE, startEnv, type TestEnv } from '../registry/env';

import { HostLink, HostProcess } from './hostLink';
import { startRelay } from './pushRelay';
import { COURT, testOrder } from './orders';

const TOTAL = 300;
const BATCH = 10;
const KILLS = 10;
const TAG = 71;

type Mode = 'before-registry' | 'reply-lost' | 'reply-unheard' | 'after-reply' | 'timer';
type Kill = { readonly mode: Mode; readonly gap: number; readonly delayMs: number };
type Landed = { readonly mode: Mode; readonly push: number; readonly phase: string };

/**
 * The seeded plan, 10 kills: 3 after the registry committed but before main got the reply
 * (main's seq memory is left behind the registry), 2 after main saved the registry's seq and
 * answered but before the page got the answer (the page resends rows main already numbered),
 * 2 before the push reached the registry, 1 a few ms after main got the reply, 2 after a
 * random delay from the start of a push (anywhere: registry, main, page).
 */
function killPlan(seed: number): Kill[] {
  const rnd = seededRandom(seed);
  const modes: Mode[] = ['reply-lost', 'reply-lost', 'reply-lost', 'reply-unheard'];
  modes.push(
    'reply-unheard',
    'before-registry',
    'before-registry',
    'after-reply',
    'timer',
    'timer',
  );
  for (let i = modes.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [modes[i], modes[j]] = [modes[j]!, modes[i]!];
  }
  // gap ≤ 2 pushes per kill: at most 20 pushes (≤ 200 rows) go before the last kill, so every
  // kill lands while orders are still being pushed.
  return modes.map((mode) => ({
    mode,
    gap: 1 + Math.floor(rnd() * 2),
    delayMs: Math.floor(rnd() * (mode === 'timer' ? 250 : 10)),
  }));
}

let env: TestEnv;
let dataDir: string;
let rendererDir: string;

beforeAll(async () => {
  env = await startEnv('pglite');
  // The same person at the registry, so main's sign-in there (searches) works as in production.
  await createRegistryUser(env.db, COURT, 'clerk', { username: 'clerk' });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-host-kill-'));
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-host-kill-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><script src="a.js">');
  writeFileSync(path.join(rendererDir, 'bridge.js'), '');
});

afterAll(async () => {
  await env?.stop();
  for (const dir of [dataDir, rendererDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await env.db.query<{ n: number }>(sql, params))[0]?.n);

describe('the workstation host SIGKILLed 10 times during a push', () => {
  it('loses nothing and duplicates nothing', async () => {
    const plan = killPlan(7);
    const landed: Landed[] = [];
    const link = new HostLink();
    const db = new ClerkDb(`host-kill-${Date.now()}`);
    let engine: SyncEngine | undefined;
    let sincePush = 0;
    let arming: Kill | null = null;
    let killing = false;
    let restartError: unknown = null;
    let duplicatesAnswered = 0;
    let renumbered = 0;

    const relay = await startRelay(env.baseUrl, {
      async request(push) {
        sincePush += 1;
        const next = plan[landed.length];
        if (killing || !next || sincePush < next.gap) return true;
        killing = true;
        if (next.mode === 'before-registry') {
          await kill(next.mode, push, 'main sent the push; it never reached the registry');
          return false;
        }
        if (next.mode === 'timer') setTimeout(() => void kill(next.mode, push), next.delayMs);
        else arming = next;
        return true;
      },
      async reply(push, body) {
        const results = (
          JSON.parse(body.toString()) as { results?: { outcome: string; reason?: string }[] }
        ).results;
        const dups = results?.filter((r) => r.outcome === 'duplicate').length ?? 0;
        if (arming?.mode === 'reply-lost') {
          arming = null;
          await kill('reply-lost', push, 'the registry committed; main never got the reply');
          return false;
        }
        duplicatesAnswered += dups;
        renumbered += results?.filter((r) => r.reason?.startsWith('seq-')).length ?? 0;
        return true;
      },
      relayed(push) {
        const armed = arming;
        arming = null;
        if (armed?.mode === 'after-reply') {
          setTimeout(() => void kill('after-reply', push), armed.delayMs);
        } else if (armed?.mode === 'reply-unheard') {
          const phase = 'main saved the seq and answered; the page never got the answer';
          void link.swallowNext('sync:push-batch').then(() => kill('reply-unheard', push, phase));
        }
      },
    });

    const hostPort = await freePort();
    const host = new HostProcess({
      port: hostPort,
      dataDir,
      rendererDir,
      registryUrl: relay.url,
      enrolCode: ADMIN_CODE,
      courtOri: COURT,
    });
    const signIn = async () => link.connect(hostPort, await host.start(), 'clerk', TEST_PASSWORD);

    /** Where the host was when it died, as seen from outside it. */
    function phaseNow(): string {
      if (relay.state.atRegistry > 0) return 'a push was at the registry (committing)';
      if (link.waiting('sync:push-batch'))
        return 'main held a push (checking rows, writing its seq memory or replying)';
      return 'between pushes (the page settling results or picking the next batch)';
    }

    const keys = new Set<string>();
    let actor: MutationActor | null = null;
    /** The clerk submits `n` more orders (stamped as the renderer does) and the engine wakes. */
    async function submitWave(n: number): Promise<void> {
      for (let k = 0; k < n && keys.size < TOTAL; k += 1) {
        const i = keys.size + 1;
        const order = testOrder(TAG, i) as Parameters<typeof submitOrder>[1]['order'];
        keys.add(`order.submit:${order.id}`);
        await submitOrder(db, { draftId: `d-${i}`, order, confidential: null, meta: {}, actor });
      }
      engine?.wake();
    }

    const downRnd = seededRandom(11);
    async function kill(mode: Mode, push: number, phase = phaseNow()): Promise<void> {
      landed.push({ mode, push, phase });
      await host.kill();
      link.drop();
      // The clerk keeps working while the host is down: rows queue behind those in flight.
      await submitWave(1 + Math.floor(downRnd() * 4));
      // The page keeps running; the host comes back on the same data folder and port.
      void (async () => {
        try {
          await signIn();
          sincePush = 0;
          killing = false;
          engine?.wake();
        } catch (error) {
          restartError = error;
        }
      })();
    }

    const abort = new AbortController();
    const waitingRows = () => db.outbox.where('state').anyOf(['pending', 'in-flight']).count();
    try {
      const session = await signIn();
      actor = actorOfPrincipal(session.user, session.actorSeal);
      expect(actor?.seal).toBeTruthy();
      await submitWave(5);

      engine = new SyncEngine({
        db,
        port: link.syncPort(),
        batchSize: BATCH,
        backoff: { baseMs: 20, capMs: 200 },
        random: seededRandom(3),
        pullEveryMs: 60_000,
      });
      const running = engine.run(abort.signal);
      // Orders keep coming in small waves while the outbox drains, so batches are often partial
      // and a resent batch can carry new rows behind the ones the registry already has.
      const feedRnd = seededRandom(5);
      const deadline = Date.now() + 80_000;
      let threshold = 0;
      for (;;) {
        if (restartError) throw restartError;
        const waiting = await waitingRows();
        if (keys.size < TOTAL && waiting <= threshold) {
          await submitWave(1 + Math.floor(feedRnd() * 12));
          threshold = Math.floor(feedRnd() * BATCH);
          continue;
        }
        if (keys.size === TOTAL && waiting === 0 && !killing) break;
        if (Date.now() > deadline) {
          throw new Error(
            `not drained: ${waiting} waiting of ${keys.size}, ${landed.length} kills, ${relay.state.pushes} pushes; host: ${host.stderrTail()}`,
          );
        }
        await new Promise((r) => setTimeout(r, 10 + Math.floor(feedRnd() * 40)));
      }
      abort.abort();
      await running;

      const status = await link.call<SyncStatus>('sync:get-status', {});
      const deviceId = status.deviceId;
      expect(deviceId).toBeTruthy();
      console.log(
        `host kills (${relay.state.pushes} pushes, ${duplicatesAnswered} duplicates answered, ${renumbered} rows misnumbered (seq-gap, seq-already-used)):\n` +
          landed.map((k, i) => `  ${i + 1}. push ${k.push}, ${k.mode}: ${k.phase}`).join('\n'),
      );

      // The registry, from its database: every order exactly once, nothing else.
      const rows = await env.db.query<{ order_id: string; version: number; by: string }>(
        `SELECT order_id, version, keyed_by->>'username' AS by FROM orders WHERE device_id = $1`,
        [deviceId],
      );
      const submitted = [...keys].map((k) => k.slice('order.submit:'.length)).sort();
      const stored = new Set(rows.map((r) => r.order_id));
      expect(submitted.filter((id) => !stored.has(id))).toEqual([]); // lost
      expect(rows).toHaveLength(TOTAL);
      expect(rows.map((r) => r.order_id).sort()).toEqual(submitted);
      expect(rows.every((r) => r.version === 1 && r.by === 'clerk')).toBe(true);
      const ledger = await env.db.query<{ key: string; n: number; outcome: string }>(
        `SELECT idempotency_key AS key, count(*)::int AS n, min(outcome) AS outcome
           FROM mutations WHERE device_id = $1 GROUP BY idempotency_key`,
        [deviceId],
      );
      expect(ledger.map((l) => l.key).sort()).toEqual([...keys].sort());
      expect(ledger.every((l) => l.n === 1 && l.outcome === 'applied')).toBe(true);
      const lastSeq = await count('SELECT last_seq::int AS n FROM devices WHERE device_id = $1', [
        deviceId,
      ]);
      expect(lastSeq).toBe(TOTAL);
      expect(
        await count('SELECT count(*)::int AS n FROM mutations WHERE device_id = $1', [deviceId]),
      ).toBe(TOTAL);
      expect(await count('SELECT count(*)::int AS n FROM idempotency_conflicts')).toBe(0);
      // Main's seq memory ends where the registry is.
      const memory = JSON.parse(
        readFileSync(path.join(dataDir, 'sync', 'push-state.json'), 'utf8'),
      ) as { deviceId: string; lastSeq: number };
      expect(memory).toEqual({ deviceId, lastSeq: TOTAL });

      // The page's outbox: every row settled at the registry, none needing attention.
      const outbox = await db.outbox.toArray();
      expect(outbox).toHaveLength(TOTAL);
      expect(outbox.filter((r) => r.state !== 'at-registry')).toEqual([]);
      expect(outbox.some((r) => r.attempts > 1)).toBe(true);
      const orders = await db.orders.toArray();
      expect(orders.filter((o) => o.status !== 'at-registry')).toEqual([]);

      // And the run was what it claims: 10 kills, and rows the registry had committed before a
      // kill were sent again and recognised as duplicates.
      expect(landed).toHaveLength(KILLS);
      expect(duplicatesAnswered).toBeGreaterThan(0);
    } finally {
      abort.abort();
      link.drop();
      await host.kill('SIGTERM');
      await relay.close();
      db.close();
    }
  }, 240_000);
});
