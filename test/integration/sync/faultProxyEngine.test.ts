/**
 * Acceptance (issue 7, reliability-security.md A-2) on the workstation's real path: 1,000 orders
 * queued offline, then synced through the fault proxy dropping 10 % of replies after commit,
 * failing 5 % with 500 (half before, half after commit) and stalling 5 % past the client
 * timeout: exactly 1,000 orders at the registry, 0 duplicates, all acknowledged.
 *
 * The path: the page's Dexie outbox (fake-indexeddb ClerkDb; orders written by `submitOrder`
 * stamped with the signed-in clerk's sealed actor, 40 of them with a scanned page) → the
 * renderer's SyncEngine (its own run loop, default batch size) → a SyncPort through main's
 * dispatcher, access gate and sync handlers (actor check) → main's SyncService (pushRows:
 * seq numbering and renumbering; resumable page upload) → the fault proxy (seeded) → the
 * registry in-process on PGlite. test/integration/registry/faultProxy.test.ts covers the
 * registry client's drain with an in-memory outbox; this covers what the workstation runs.
 * Everything asserted about the registry is read from its database.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../src/renderer/db/clerkDb';
import { submitOrder } from '../../../src/renderer/db/ordersRepo';
import { listNeedsAttention, outboxStats } from '../../../src/renderer/db/outboxRepo';
import { SyncEngine } from '../../../src/renderer/features/sync/syncEngine';
import type { SyncPort } from '../../../src/renderer/features/sync/syncPort';
import {
  seededRandom,
  startFaultProxy,
  type Fault,
  type FaultProxy,
} from '../../helpers/faultProxy';
import { ADMIN_CODE, startEnv, type TestEnv } from '../registry/env';

import { COURT, testOrder, testOrderId } from './orders';
import { startSyncMain, type SyncMain } from './syncMain';

const TOTAL = 1000;
const TAG = 73;
/** Orders 5, 30, 55, …: 40 with a page, none first in a batch of 25. */
const hasPage = (i: number) => i % 25 === 5;
const RATES = { 'drop-reply': 0.1, 'error-before': 0.025, 'error-after': 0.025, stall: 0.05 };
/** The client gives up after this; the proxy holds a stalled reply longer. */
const TIMEOUT_MS = 1500;
const STALL_MS = 2000;

let env: TestEnv;
let proxy: FaultProxy;
let main: SyncMain;
let dataDir: string;
/** Faults per route: "POST /v1/mutations" → fault → count. */
const faultsByRoute = new Map<string, Map<Fault, number>>();

function route(method: string, url: string): string {
  const p = url.split('?')[0] ?? url;
  return `${method} ${p.startsWith('/v1/pages/') ? '/v1/pages/:sha' : p}`;
}

function faultsOn(routeName: string, fault: Fault): number {
  return faultsByRoute.get(routeName)?.get(fault) ?? 0;
}

function pageBytes(i: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(20_000 + ((i * 997) % 40_000));
  for (let k = 0; k < bytes.length; k += 1) bytes[k] = (k * 31 + i * 17) % 251;
  return bytes;
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await env.db.query<{ n: number }>(sql, params))[0]?.n);

beforeAll(async () => {
  env = await startEnv('pglite');
  proxy = await startFaultProxy({
    targetPort: Number(new URL(env.baseUrl).port),
    rates: RATES,
    seed: 13,
    stallMs: STALL_MS,
    // Faults on what the engine sends (pushes, page uploads, pulls), one request at a time.
    // Main's own timed requests (health checks, court calendar) pass untouched, so the engine's
    // requests draw their faults in a fixed order and a failing schedule replays.
    applies: (_method, url) => /^\/v1\/(mutations|pages\/|changes)/.test(url),
    onFault: (fault, method, url) => {
      const name = route(method, url);
      const byFault = faultsByRoute.get(name) ?? new Map<Fault, number>();
      byFault.set(fault, (byFault.get(fault) ?? 0) + 1);
      faultsByRoute.set(name, byFault);
    },
  });
  // Enrolment is not under test: it goes through the proxy without faults.
  proxy.setEnabled(false);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-fault-engine-'));
  main = await startSyncMain({
    dataDir,
    registryUrl: proxy.url,
    enrolCode: ADMIN_CODE,
    courtOri: COURT,
    requestTimeoutMs: TIMEOUT_MS,
    random: seededRandom(11),
  });
});

afterAll(async () => {
  await main?.close();
  await proxy?.close();
  await env?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('1,000 orders queued offline, synced through the fault proxy by the workstation', () => {
  it('ends with exactly 1,000 orders at the registry, 0 duplicates, all acknowledged', async () => {
    const db = new ClerkDb(`fault-engine-${Date.now()}`);
    const deviceId = main.sync.status().deviceId ?? '';
    expect(deviceId).not.toBe('');
    let pushes = 0;
    let unreached = 0;
    let uploadRetries = 0;
    /** Rows the registry held because their pages were not there yet (must never happen). */
    let heldForPages = 0;
    const port: SyncPort = {
      ...main.port,
      pushBatch: async (rows) => {
        pushes += 1;
        const answer = await main.port.pushBatch(rows);
        if (!answer.reached) unreached += 1;
        heldForPages += answer.results.filter((r) => r.reason === 'pages-incomplete').length;
        return answer;
      },
      uploadPage: async (bytes, sha256) => {
        const answer = await main.port.uploadPage(bytes, sha256);
        if (answer.outcome === 'retry') uploadRetries += 1;
        return answer;
      },
    };

    // ——— offline: the registry cannot be reached while the clerk submits ———
    proxy.setDown(true);
    const submitStart = Date.now();
    const shas = new Map<string, string>();
    for (let i = 1; i <= TOTAL; i += 1) {
      const order = testOrder(TAG, i);
      if (hasPage(i)) {
        const bytes = pageBytes(i);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        shas.set(order.id, sha256);
        await db.pages.put({
          id: `page-${i}`,
          ownerId: `draft-${order.id}`,
          position: 0,
          mime: 'image/jpeg',
          bytes: new Blob([bytes]),
          width: 10,
          height: 10,
          dpi: 300,
          sha256,
        });
      }
      await submitOrder(db, {
        draftId: `draft-${order.id}`,
        order,
        confidential: null,
        meta: {},
        actor: main.actor,
      });
    }
    const submitMs = Date.now() - submitStart;
    // The run loop says "idle" only after a drain step found nothing left to send.
    let becomeIdle = () => undefined as void;
    const idle = new Promise<void>((resolve) => (becomeIdle = resolve));
    const engine = new SyncEngine({
      db,
      port,
      random: seededRandom(12),
      // Short waits keep the test quick; production uses the 1 s / 5 min defaults.
      backoff: { baseMs: 50, capMs: 400 },
      onReport: (report) => {
        if (report.phase === 'idle') becomeIdle();
      },
    });
    expect(await engine.drainOnce()).toBe('blocked');
    expect(await outboxStats(db)).toMatchObject({ queued: TOTAL, needsAttention: 0 });
    expect((await db.orders.get(testOrderId(TAG, 1)))?.status).toBe('queued');
    expect(main.sync.status().connectivity).toBe('offline');
    expect(proxy.refusedWhileDown()).toBeGreaterThan(0);
    expect(await count('SELECT count(*)::int AS n FROM mutations')).toBe(0);

    // ——— the registry is back, behind the faults: the engine goes on by itself ———
    proxy.setDown(false);
    proxy.setEnabled(true);
    const syncStart = Date.now();
    const stop = new AbortController();
    const running = engine.run(stop.signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 120_000);
    });
    try {
      if ((await Promise.race([idle, timeout])) === 'timeout') {
        throw new Error(
          `still queued after 120 s: ${JSON.stringify(await outboxStats(db))}, proxy ${JSON.stringify(proxy.stats)}`,
        );
      }
    } finally {
      clearTimeout(timer);
      stop.abort();
      await running;
    }

    console.log(`synced in ${Date.now() - syncStart} ms after ${submitMs} ms of submitting`);
    console.log(
      `fault proxy: ${JSON.stringify(proxy.stats)}; refused while down ${proxy.refusedWhileDown()}; ` +
        `pushes ${pushes} (${unreached} unreached); page upload retries ${uploadRetries}; ` +
        `by route ${JSON.stringify(
          [...faultsByRoute].map(([r, m]) => [r, Object.fromEntries(m)]),
        )}`,
    );
    // The faults really happened, on pushes and on page uploads, and the engine resent.
    expect(proxy.stats['drop-reply']).toBeGreaterThan(0);
    expect(proxy.stats['error-before']).toBeGreaterThan(0);
    expect(proxy.stats['error-after']).toBeGreaterThan(0);
    expect(proxy.stats.stall).toBeGreaterThan(0);
    const push = 'POST /v1/mutations';
    const afterCommitOnPushes = (['drop-reply', 'error-after', 'stall'] as const).reduce(
      (n, f) => n + faultsOn(push, f),
      0,
    );
    expect(afterCommitOnPushes).toBeGreaterThan(0);
    const afterCommitOnPages = (['drop-reply', 'error-after', 'stall'] as const).reduce(
      (n, f) => n + faultsOn('PUT /v1/pages/:sha', f),
      0,
    );
    expect(afterCommitOnPages).toBeGreaterThan(0);
    expect(unreached).toBeGreaterThan(0);

    // The workstation: every row settled "at-registry" — the workstation's name for the
    // registry's "acknowledged" (docs/registry-api.md: applied, or a duplicate of an applied
    // mutation) — and none needs a person.
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(TOTAL);
    expect(rows.filter((r) => r.state !== 'at-registry')).toEqual([]);
    expect(rows.every((r) => typeof r.settledAt === 'string')).toBe(true);
    expect(rows.some((r) => r.attempts > 1)).toBe(true); // resent after a lost answer
    expect(await listNeedsAttention(db)).toEqual([]);
    expect(await outboxStats(db)).toEqual({ queued: 0, oldestQueuedAt: null, needsAttention: 0 });
    const orders = await db.orders.toArray();
    expect(orders.filter((o) => o.status !== 'at-registry')).toEqual([]);

    // The registry: exactly 1,000 orders, each once, each applied once, keyed by the clerk.
    const ids = Array.from({ length: TOTAL }, (_, k) => testOrderId(TAG, k + 1));
    const stored = await env.db.query<{ order_id: string; keyed: string | null; seal: boolean }>(
      `SELECT order_id, keyed_by->>'username' AS keyed, (payload::text LIKE '%"seal"%') AS seal
       FROM orders`,
    );
    expect(stored).toHaveLength(TOTAL);
    expect(new Set(stored.map((o) => o.order_id))).toEqual(new Set(ids));
    expect(stored.every((o) => o.keyed === 'clerk' && !o.seal)).toBe(true);
    const ledger = await env.db.query<{
      n: number;
      keys: number;
      applied: number;
      max: string;
    }>(
      `SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys,
         count(*) FILTER (WHERE outcome = 'applied')::int AS applied, max(seq)::text AS max
       FROM mutations WHERE device_id = $1`,
      [deviceId],
    );
    expect(ledger[0]).toEqual({ n: TOTAL, keys: TOTAL, applied: TOTAL, max: String(TOTAL) });
    const keys = await env.db.query<{ idempotency_key: string }>(
      'SELECT idempotency_key FROM mutations WHERE device_id = $1',
      [deviceId],
    );
    expect(new Set(keys.map((k) => k.idempotency_key))).toEqual(
      new Set(rows.map((r) => r.idempotencyKey)),
    );
    expect(
      await count('SELECT last_seq::int AS n FROM devices WHERE device_id = $1', [deviceId]),
    ).toBe(ledger[0]?.applied);
    // No retry changed a payload under its key (the registry would have refused and kept it).
    expect(await count('SELECT count(*)::int AS n FROM idempotency_conflicts')).toBe(0);

    // Pages went up before their orders (none was ever held for a missing page), complete, and
    // each order references its own page.
    expect(heldForPages).toBe(0);
    const pageRows = await env.db.query<{ order_id: string; sha256: string; complete: boolean }>(
      `SELECT op.order_id, op.sha256, p.complete
       FROM order_pages op JOIN pages p USING (sha256)`,
    );
    expect(pageRows).toHaveLength(shas.size);
    for (const r of pageRows) {
      expect(r.complete).toBe(true);
      expect(shas.get(r.order_id)).toBe(r.sha256);
    }
  }, 170_000);
});
