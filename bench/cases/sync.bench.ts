/**
 * Workstation sync benches.
 *
 * 1. Cache sync into Dexie: orders/s of `applyPulledPage` — one pulled feed of 5,000 court
 *    orders mapped to cache rows (case and surname search keys), written in chunks of 500 with
 *    a yield between chunks, local order statuses checked, cursor saved — against the floor of
 *    one plain `bulkPut` of the same, already built rows into the same table. Measured twice:
 *    in Debian's Chromium (real IndexedDB, strict durability, the renderer code bundled with
 *    esbuild) and in Node on fake-indexeddb. Target (issue 7): ≥ 5,000 orders/s.
 * 2. Push throughput through main's SyncService (hashing, gapless numbering, result mapping,
 *    lastSeq fsync) against the same batches pushed with direct registry-client calls, both to
 *    an in-process registry on PGlite.
 */
import 'fake-indexeddb/auto';

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SyncService } from '../../src/main/sync/syncService';
import { payloadHash } from '../../src/registry/client/canonicalJson';
import { RegistryClient } from '../../src/registry/client/registryClient';
import { ClerkDb } from '../../src/renderer/db/clerkDb';
import { applyPulledPage, cacheRowOf } from '../../src/renderer/features/sync/registryCache';
import type { PulledOrder, PushRow } from '../../src/shared/ipc/contracts/sync';
import type { BenchCase } from '../harness';
import { startBenchRegistry } from '../inProcessRegistry';

const CACHE_ORDERS = 5000;
const CACHE_SAMPLES = 3;
const PUSH_ORDERS = 300;
const PUSH_BATCH = 25;
const PUSH_SAMPLES = 3;
const COURT = 'CA034999J';
const ADMIN = 'bench-sync-admin';

const fixture = JSON.parse(
  readFileSync(path.join(__dirname, '../../test/fixtures/orders/DV-110.valid.json'), 'utf8'),
) as Record<string, unknown>;
const SURNAMES = ['Smith', 'Garcia', 'Nguyen', 'Johnson', 'Okonkwo', 'Kowalski', 'Peña', 'Patel'];

/** Letters only (names may not hold digits): 12 → "bc". */
const letters = (i: number) => [...String(i)].map((d) => 'abcdefghij'[Number(d)] ?? 'a').join('');

function order(tag: number, i: number): Record<string, unknown> & { id: string } {
  const o = structuredClone(fixture) as Record<string, unknown> & {
    id: string;
    restrained: { name: { last: string; first: string } };
  };
  o.id = `7c2e3a1b-5d4f-4b6a-9c8d-${(tag * 1_000_000 + i).toString(16).padStart(12, '0')}`;
  o.caseNumber = `26FL${String(tag).padStart(2, '0')}${String(i).padStart(6, '0')}`;
  o.restrained.name.last = `${SURNAMES[i % SURNAMES.length] ?? 'Smith'}${letters(tag * 100_000 + i)}`;
  o.restrained.name.first = `Ann${letters(i)}`;
  return o;
}

/** The feed as main hands it to the renderer (main's mapping is not part of the timing). */
function pulled(tag: number): PulledOrder[] {
  return Array.from({ length: CACHE_ORDERS }, (_, i) => {
    const o = order(tag, i) as ReturnType<typeof order> & {
      restrained: { name: { last: string } };
      protected: { name: { last: string } }[];
    };
    return {
      kind: 'order',
      orderId: o.id,
      courtOri: COURT,
      version: 1,
      status: i % 3 === 0 ? 'acknowledged' : 'at_registry',
      statusAt: '2026-12-02T18:00:00.000Z',
      fcn: i % 3 === 0 ? `2026${String(i).padStart(9, '0')}` : null,
      rejectCode: null,
      rejectReason: null,
      updatedAt: '2026-12-02T18:00:00.000Z',
      orderType: 'DV-110',
      caseNumber: String(o.caseNumber),
      surnames: [o.restrained.name.last, ...o.protected.map((p) => p.name.last)],
      orderJson: JSON.stringify(o),
    };
  });
}

const freshDb = () => new ClerkDb(`bench-sync-${Math.random().toString(36).slice(2)}`);

async function perSecond(n: number, work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return n / ((performance.now() - t0) / 1000);
}

const cacheCase: BenchCase = {
  name: 'sync: cache into Dexie (fake-indexeddb, 5k orders)',
  unit: 'orders/s',
  better: 'higher',
  target: '≥ 5000 orders/s',
  async run() {
    const values: number[] = [];
    const floor: number[] = [];
    for (let s = 0; s < CACHE_SAMPLES; s += 1) {
      const changes = pulled(s + 1);
      const db = freshDb();
      await db.open();
      values.push(
        await perSecond(CACHE_ORDERS, () =>
          applyPulledPage(db, changes, `cursor-${s}`, { chunkSize: 500 }),
        ),
      );
      db.close();
      const rows = changes.map(cacheRowOf);
      const plain = freshDb();
      await plain.open();
      floor.push(await perSecond(CACHE_ORDERS, () => plain.registryOrders.bulkPut(rows)));
      plain.close();
    }
    return {
      values,
      floor,
      notes: ['Node on fake-indexeddb: the same code without a browser'],
    };
  },
};

async function until(ok: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const pushCase: BenchCase = {
  name: 'sync: push via SyncService vs direct client (PGlite, 300 orders)',
  unit: 'orders/s',
  better: 'higher',
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-bench-sync-'));
    const registry = await startBenchRegistry(path.join(dir, 'registry'), ADMIN);
    const { baseUrl } = registry;
    const sync = new SyncService({
      dataDir: path.join(dir, 'workstation'),
      env: { CLERK_REGISTRY_URL: baseUrl, CLERK_ENROL_CODE: ADMIN, CLERK_COURT_ORI: COURT },
      probeCapMs: 100,
    });
    try {
      sync.start();
      await until(() => sync.status().connectivity === 'online', 'enrolment');
      const e = await new RegistryClient({ baseUrl }).enrol(ADMIN, COURT, 'bench direct');
      const direct = new RegistryClient({ baseUrl, credential: e.credential });
      let localSeq = 0;
      let directSeq = 0;
      const values: number[] = [];
      const floor: number[] = [];
      for (let s = 0; s < PUSH_SAMPLES; s += 1) {
        const mine = Array.from({ length: PUSH_ORDERS }, (_, i) => order(20 + s, i));
        const theirs = Array.from({ length: PUSH_ORDERS }, (_, i) => order(40 + s, i));
        values.push(
          await perSecond(PUSH_ORDERS, async () => {
            for (let i = 0; i < PUSH_ORDERS; i += PUSH_BATCH) {
              const rows: PushRow[] = mine.slice(i, i + PUSH_BATCH).map((o) => {
                localSeq += 1;
                return {
                  localSeq,
                  idempotencyKey: `order.submit:${o.id}`,
                  kind: 'order.submit',
                  payload: { order: o, confidential: null, meta: {} },
                };
              });
              const answer = await sync.pushBatch(rows);
              if (!answer.results.every((r) => r.outcome === 'at-registry'))
                throw new Error('a bench order was not accepted');
            }
          }),
        );
        floor.push(
          await perSecond(PUSH_ORDERS, async () => {
            for (let i = 0; i < PUSH_ORDERS; i += PUSH_BATCH) {
              const mutations = await Promise.all(
                theirs.slice(i, i + PUSH_BATCH).map(async (o) => {
                  directSeq += 1;
                  const payload = { order: o, confidential: null, meta: {} };
                  return {
                    deviceId: e.deviceId,
                    seq: directSeq,
                    idempotencyKey: `order.submit:${o.id}`,
                    payloadHash: await payloadHash(payload),
                    kind: 'order.submit',
                    payload,
                  };
                }),
              );
              await direct.push(mutations);
            }
          }),
        );
      }
      return { values, floor, notes: ['push: in-process registry on PGlite, batches of 25'] };
    } finally {
      sync.close();
      await registry.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const cases: BenchCase[] = [cacheCase, pushCase];

// ——— the same cache sync in Chromium ———

/** Runs in the page: builds the feed there (no 15 MB hand-over) and times both ways. */
const browserEntry = `
import { ClerkDb } from '../../src/renderer/db/clerkDb';
import { applyPulledPage, cacheRowOf } from '../../src/renderer/features/sync/registryCache';

const SURNAMES = ${JSON.stringify(SURNAMES)};
const letters = (i) => [...String(i)].map((d) => 'abcdefghij'[Number(d)] ?? 'a').join('');
function feed(fixture, tag, n) {
  return Array.from({ length: n }, (_, i) => {
    const o = structuredClone(fixture);
    o.id = '7c2e3a1b-5d4f-4b6a-9c8d-' + (tag * 1000000 + i).toString(16).padStart(12, '0');
    o.caseNumber = '26FL' + String(tag).padStart(2, '0') + String(i).padStart(6, '0');
    o.restrained.name.last = SURNAMES[i % SURNAMES.length] + letters(tag * 100000 + i);
    return { kind: 'order', orderId: o.id, courtOri: 'CA034999J', version: 1,
      status: i % 3 === 0 ? 'acknowledged' : 'at_registry', statusAt: '2026-12-02T18:00:00.000Z',
      fcn: null, rejectCode: null, rejectReason: null, updatedAt: '2026-12-02T18:00:00.000Z',
      orderType: 'DV-110', caseNumber: o.caseNumber,
      surnames: [o.restrained.name.last, ...o.protected.map((p) => p.name.last)],
      orderJson: JSON.stringify(o) };
  });
}
window.benchCache = async (fixture, n, samples) => {
  const values = [];
  const floor = [];
  for (let s = 0; s < samples; s += 1) {
    const changes = feed(fixture, s + 1, n);
    const db = new ClerkDb('bench-a-' + s);
    await db.open();
    let t0 = performance.now();
    await applyPulledPage(db, changes, 'c', { chunkSize: 500 });
    values.push(n / ((performance.now() - t0) / 1000));
    db.close();
    const rows = changes.map(cacheRowOf);
    const plain = new ClerkDb('bench-b-' + s);
    await plain.open();
    t0 = performance.now();
    await plain.registryOrders.bulkPut(rows);
    floor.push(n / ((performance.now() - t0) / 1000));
    plain.close();
  }
  return { values, floor };
};
`;

async function inChromium(): Promise<{ values: number[]; floor: number[] }> {
  const { build } = await import('esbuild');
  const { chromium } = await import('@playwright/test');
  const http = await import('node:http');
  const bundle = await build({
    stdin: { contents: browserEntry, resolveDir: __dirname, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = http.createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ccpor-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(
      ([f, n, samples]) =>
        (
          window as unknown as {
            benchCache(
              f: unknown,
              n: number,
              s: number,
            ): Promise<{ values: number[]; floor: number[] }>;
          }
        ).benchCache(f, n, samples),
      [fixture, CACHE_ORDERS, CACHE_SAMPLES] as const,
    );
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

cases.unshift({
  name: 'sync: cache into Dexie (Chromium IndexedDB, 5k orders)',
  unit: 'orders/s',
  better: 'higher',
  target: '≥ 5000 orders/s',
  async run() {
    return {
      ...(await inChromium()),
      notes: ['Debian Chromium headless, strict durability, 500-row chunks, 2,500 rows per commit'],
    };
  },
});
