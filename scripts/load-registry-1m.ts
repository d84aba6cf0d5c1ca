/**
 * `node --import tsx scripts/load-registry-1m.ts [--orders N] [--database-url URL] [--keep]`
 *
 * Loads N (default 1,000,000) synthetic orders into a real PostgreSQL and measures the server's
 * name search p50 / p95 / p99 — issue 7's "server name search on 1M orders". Not run by CI.
 *
 * Without --database-url it starts a private PostgreSQL 15 cluster (fsync on, 1 GB shared
 * buffers) in a temp dir and deletes it afterwards (unless --keep, which leaves it running for
 * `CCPOR_BENCH_DATABASE_URL=… npm run bench -- "registry search"` and prints how to stop it).
 * A database that already holds N orders is only measured. The data and the bulk load are in
 * scripts/registrySynthetic.ts (shared with the benchmark). Search timing goes through the registry's HTTP search route (one
 * client, one request at a time; without issue 9's session guard) and, separately, the search
 * service directly.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import Fastify from 'fastify';

import { RegistryClient } from '../src/registry/client/registryClient';
import { DEFAULT_LIMITS } from '../src/registry/config';
import { openDatabase } from '../src/registry/db/open';
import type { Db } from '../src/registry/db/types';
import { searchOrders } from '../src/registry/search/searchService';
import { registerDeviceRoutes } from '../src/registry/routes/deviceRoutes';
import { registerPublicRoutes } from '../src/registry/routes/publicRoutes';
import { PG_BIN, startPostgres, type PgCluster } from '../test/helpers/postgres';

import { loadSyntheticOrders, rng, SYNTHETIC_COURT as COURT, typo } from './registrySynthetic';

const ADMIN = 'load-script-admin';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const q = (v: number[], p: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? Number.NaN;
};

async function measure(db: Db, baseUrl: string, credential: string): Promise<void> {
  const r = rng(3);
  // 300 random stored orders as targets (a typo of their name must still find them).
  const sampled = await db.query<{ payload: Record<string, unknown> }>(
    'SELECT payload FROM orders ORDER BY md5(order_id) LIMIT 300',
  );
  const targets = sampled.map((s) => s.payload);
  const client = new RegistryClient({ baseUrl, credential, timeoutMs: 60_000 });
  const kinds: [string, (o: Record<string, unknown>) => Record<string, string>][] = [
    [
      'last name with one typo',
      (o) => ({ name: typo((o.restrained as { name: { last: string } }).name.last, r) }),
    ],
    [
      'last name typo + first name',
      (o) => ({
        name: `${typo((o.restrained as { name: { last: string } }).name.last, r)}, ${(o.restrained as { name: { first: string } }).name.first}`,
      }),
    ],
    [
      'last name typo + DOB',
      (o) => ({
        name: typo((o.restrained as { name: { last: string } }).name.last, r),
        dob: (o.restrained as { dob: string }).dob,
      }),
    ],
    ['case number (exact)', (o) => ({ caseNumber: String(o.caseNumber) })],
  ];
  for (const [label, make] of kinds) {
    const http: number[] = [];
    const direct: number[] = [];
    let found = 0;
    for (const o of targets) {
      const params = { ...make(o), limit: '25' };
      const t0 = performance.now();
      const page = await client.search(params);
      http.push(performance.now() - t0);
      if (page.results.some((x) => x.orderId === o.id)) found += 1;
      const t1 = performance.now();
      await searchOrders(db, COURT, { ...params, limit: 25, offset: 0 });
      direct.push(performance.now() - t1);
    }
    console.log(
      `${label.padEnd(30)} HTTP p50 ${q(http, 0.5).toFixed(1)} ms, p95 ${q(http, 0.95).toFixed(1)}, p99 ${q(http, 0.99).toFixed(1)} | service p50 ${q(direct, 0.5).toFixed(1)}, p99 ${q(direct, 0.99).toFixed(1)} | target in top 25: ${((100 * found) / targets.length).toFixed(0)} %`,
    );
  }
}

async function main(): Promise<void> {
  const total = Number(arg('--orders') ?? 1_000_000);
  let cluster: PgCluster | undefined;
  let url = arg('--database-url');
  if (!url) {
    cluster = await startPostgres({
      fsync: true,
      settings: {
        shared_buffers: '1GB',
        maintenance_work_mem: '512MB',
        max_wal_size: '4GB',
        jit: 'off',
      },
    });
    url = await cluster.createDatabase('registry_1m');
    console.log(`PostgreSQL 15 cluster in ${cluster.dataDir}, database ${url}`);
  }
  const db = await openDatabase({ databaseUrl: url });
  // The registry's own search routes without the user-session guard of issue 9 (one session
  // lookup per request), so the figures are the search itself.
  const app = Fastify();
  const deps = { db, config: { adminCode: ADMIN, ...DEFAULT_LIMITS, logRequests: false } };
  registerPublicRoutes(app, deps);
  registerDeviceRoutes(app, deps);
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    const enrolment = await new RegistryClient({ baseUrl }).enrol(
      ADMIN,
      COURT,
      `load ${randomUUID()}`,
    );
    const existing = await db.query<{ n: number }>('SELECT count(*) AS n FROM orders');
    if (Number(existing[0]?.n) < total) {
      await loadSyntheticOrders(db, total, enrolment.deviceId, (line) => console.log(line));
    }
    const size = await db.query<{ s: string }>(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS s',
    );
    console.log(`database size: ${size[0]?.s}`);
    await measure(db, baseUrl, enrolment.credential);
  } finally {
    await app.close();
    await db.close();
    if (cluster && !process.argv.includes('--keep')) await cluster.stop();
    else if (cluster) {
      console.log(
        [
          `Kept the cluster running. Benchmark it with:`,
          `  CCPOR_BENCH_DATABASE_URL=${url} npm run bench -- "registry search"`,
          `Stop and delete it with:`,
          `  runuser -u postgres -- ${PG_BIN}/pg_ctl stop -D ${cluster.dataDir} -m fast && rm -rf ${path.dirname(cluster.dataDir)}`,
        ].join('\n'),
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
