/**
 * Registry name search on a real PostgreSQL 15 — issue 7's "server name search p50 / p99 on 1M
 * orders". Each case times the registry's own `searchOrders()` (src/registry/search, called
 * directly: no HTTP, no session guard) for a last name with one typo, alone or with the DOB,
 * against the floor of the same number of exact case-number lookups (btree
 * `orders_court_case`) through the same service, on the same database, interleaved in one run.
 *
 * With CCPOR_BENCH_DATABASE_URL it reads the database `scripts/load-registry-1m.ts --keep`
 * loaded (1M orders; the row count is read from the database and put in the case's label).
 * Without it, it starts a private PostgreSQL 15 cluster (initdb in a temp dir, 127.0.0.1, free
 * port), loads 50k orders of the same generator once for both cases, and stops and deletes it
 * when the process exits. No PostgreSQL binaries: the cases are skipped, never faked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { enrolDevice } from '../../src/registry/auth/devices';
import { openDatabase } from '../../src/registry/db/open';
import type { Db } from '../../src/registry/db/types';
import { searchOrders, type SearchQuery } from '../../src/registry/search/searchService';
import {
  loadSyntheticOrders,
  rng,
  SYNTHETIC_COURT as COURT,
  syntheticOrderId,
  typo,
} from '../../scripts/registrySynthetic';
import { PG_BIN, startPostgres, type PgCluster } from '../../test/helpers/postgres';
import { BenchUnavailable, quantile, type BenchCase, type BenchResult } from '../harness';

const ENV = 'CCPOR_BENCH_DATABASE_URL';
const DATABASE_URL = process.env[ENV]?.trim() || undefined;
/** Orders loaded into the private cluster: enough for real plans, small enough for ~40 s. */
const SMALL_ORDERS = 50_000;
const SAMPLES = 400;
/** First lookups warm the connection, plan cache and buffers; not counted. */
const WARMUP = 20;
const LIMIT = 25;
const ADMIN = 'bench-registry-search-admin';

/** 1000000 → "1M", 50000 → "50k", others with thousands separators. */
function count(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return n.toLocaleString('en-US');
}

/** The case's name; `orders` is unknown until a run has counted the database's rows. */
function label(what: string, orders: number | undefined): string {
  const rows = orders === undefined ? 'orders' : `${count(orders)} orders`;
  return DATABASE_URL
    ? `registry search: ${what}, ${rows} (PostgreSQL at ${ENV})`
    : `registry search: ${what}, ${rows} (set ${ENV} for 1M)`;
}

type Target = { orderId: string; caseNumber: string; last: string; dob: string };
type Fixture = { db: Db; orders: number; targets: Target[]; source: string };

let fixture: Promise<Fixture> | undefined;

/** Stops the private cluster however the process ends (the harness has no teardown hook). */
function stopOnExit(cluster: PgCluster): void {
  // stop() is synchronous inside (pg_ctl stop, then rm), so it completes in an 'exit' handler.
  const stop = (): void => void cluster.stop();
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
}

async function privateDatabase(): Promise<{ db: Db; source: string }> {
  const missing = ['initdb', 'postgres', 'pg_ctl'].filter((b) => !existsSync(path.join(PG_BIN, b)));
  if (missing.length > 0) {
    throw new BenchUnavailable(
      `PostgreSQL 15 is not installed (no ${missing.map((b) => path.join(PG_BIN, b)).join(', ')}): install Debian's postgresql package, or set ${ENV} to a database loaded by scripts/load-registry-1m.ts --keep.`,
    );
  }
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    throw new BenchUnavailable(
      `there is no "postgres" OS user to run the private cluster as: install Debian's postgresql package, or set ${ENV}.`,
    );
  }
  const t0 = performance.now();
  const cluster = await startPostgres({ settings: { shared_buffers: '256MB', jit: 'off' } });
  stopOnExit(cluster);
  const db = await openDatabase({
    databaseUrl: await cluster.createDatabase('registry_search_bench'),
    poolSize: 2,
  });
  const device = await enrolDevice(
    db,
    { code: ADMIN, courtOri: COURT, label: 'registry search bench' },
    ADMIN,
  );
  await loadSyntheticOrders(db, SMALL_ORDERS, device.deviceId, () => undefined);
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  return { db, source: `private PostgreSQL 15 cluster, initdb + load + indexes in ${s} s` };
}

/** SAMPLES + WARMUP random synthetic orders, read by id (no table scan on 1M rows). */
async function pickTargets(db: Db, orders: number): Promise<Target[]> {
  const want = SAMPLES + WARMUP;
  const r = rng(7);
  const ids = new Set<string>();
  while (ids.size < Math.min(want, orders)) ids.add(syntheticOrderId(1 + Math.floor(r() * orders)));
  const rows = await db.query<Target>(
    `SELECT order_id AS "orderId", case_number AS "caseNumber", restrained_last AS last,
       restrained_dob::text AS dob
     FROM orders WHERE court_ori = $1 AND order_id = ANY($2::text[])`,
    [COURT, [...ids]],
  );
  if (rows.length < want) {
    throw new Error(
      `${ENV} points at a database with ${rows.length} of ${want} sampled synthetic orders of court ${COURT}: load it with \`node --import tsx scripts/load-registry-1m.ts --keep\` and use the URL it prints.`,
    );
  }
  const byId = new Map(rows.map((t) => [t.orderId, t]));
  return [...ids].flatMap((id) => byId.get(id) ?? []);
}

async function open(): Promise<Fixture> {
  const { db, source } = DATABASE_URL
    ? {
        db: await openDatabase({ databaseUrl: DATABASE_URL, poolSize: 2 }),
        source: `database at ${ENV}`,
      }
    : await privateDatabase();
  const n = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM orders WHERE court_ori = $1',
    [COURT],
  );
  const orders = Number(n[0]?.n ?? 0);
  return { db, orders, targets: await pickTargets(db, orders), source };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

/** Times a one-typo name search (with the DOB when `withDob`) per target against its floor. */
async function measure(what: string, withDob: boolean, seed: number): Promise<BenchResult> {
  fixture ??= open();
  const { db, orders, targets, source } = await fixture;
  const r = rng(seed);
  const values: number[] = [];
  const floor: number[] = [];
  let found = 0;
  for (const [i, t] of targets.entries()) {
    const query: SearchQuery = {
      name: typo(t.last, r),
      ...(withDob ? { dob: t.dob } : {}),
      limit: LIMIT,
      offset: 0,
    };
    const byName = () => timed(() => searchOrders(db, COURT, query));
    const byCase = () =>
      timed(() => searchOrders(db, COURT, { caseNumber: t.caseNumber, limit: LIMIT, offset: 0 }));
    // Alternate which runs first, so neither always finds the other's pages freshly cached.
    const first = i % 2 === 0 ? await byName() : await byCase();
    const [[nameMs, page], [caseMs, exact]] =
      i % 2 === 0 ? [first, await byCase()] : [await byName(), first];
    if (exact.results[0]?.orderId !== t.orderId) {
      throw new Error(`case number ${t.caseNumber} did not find order ${t.orderId}`);
    }
    if (i < WARMUP) continue;
    values.push(nameMs);
    floor.push(caseMs);
    if (page.results.some((h) => h.orderId === t.orderId)) found += 1;
  }
  const ms = (v: number[], q: number) => `${quantile(v, q).toFixed(1)} ms`;
  return {
    values,
    floor,
    label: label(what, orders),
    notes: [
      `p50 ${ms(values, 0.5)}, p99 ${ms(values, 0.99)} against exact case-number lookups p50 ${ms(floor, 0.5)}, p99 ${ms(floor, 0.99)} (${values.length} of each, limit ${LIMIT}, searchOrders() without HTTP)`,
      `target order in the top ${LIMIT}: ${((100 * found) / values.length).toFixed(0)} %; ${source}`,
    ],
  };
}

export const cases: BenchCase[] = [
  {
    name: label('one-typo name', DATABASE_URL ? undefined : SMALL_ORDERS),
    unit: 'ms',
    better: 'lower',
    run: () => measure('one-typo name', false, 11),
  },
  {
    name: label('one-typo name + DOB', DATABASE_URL ? undefined : SMALL_ORDERS),
    unit: 'ms',
    better: 'lower',
    run: () => measure('one-typo name + DOB', true, 13),
  },
];
