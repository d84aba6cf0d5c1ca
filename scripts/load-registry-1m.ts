/**
 * `node --import tsx scripts/load-registry-1m.ts [--orders N] [--database-url URL] [--keep]`
 *
 * Loads N (default 1,000,000) synthetic orders into a real PostgreSQL and measures the server's
 * name search p50 / p95 / p99 — issue 7's "server name search on 1M orders". Not run by CI.
 *
 * Without --database-url it starts a private PostgreSQL 15 cluster (fsync on, 1 GB shared
 * buffers) in a temp dir and deletes it afterwards (unless --keep). Rows are written with the
 * registry's own key extraction (src/registry/search/searchKeys.ts) in bulk INSERT … unnest
 * statements with the name indexes dropped, then the indexes are rebuilt exactly as the
 * migrations define them. Search timing goes through the registry's HTTP search route (one
 * client, one request at a time; without issue 9's session guard) and, separately, the search
 * service directly.
 */
import { randomUUID } from 'node:crypto';

import Fastify from 'fastify';

import { RegistryClient } from '../src/registry/client/registryClient';
import { DEFAULT_LIMITS } from '../src/registry/config';
import { openDatabase } from '../src/registry/db/open';
import type { Db } from '../src/registry/db/types';
import {
  extractOrderKeys,
  registryOrderSchema,
  type OrderKeys,
} from '../src/registry/search/searchKeys';
import { searchOrders } from '../src/registry/search/searchService';
import { registerDeviceRoutes } from '../src/registry/routes/deviceRoutes';
import { registerPublicRoutes } from '../src/registry/routes/publicRoutes';
import { startPostgres, type PgCluster } from '../test/helpers/postgres';

const COURT = 'CA019015J';
const ADMIN = 'load-script-admin';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'an',
  'ber',
  'car',
  'del',
  'es',
  'fer',
  'gar',
  'hol',
  'in',
  'jen',
  'kow',
  'lan',
  'mar',
  'nor',
  'ok',
  'per',
  'quin',
  'ros',
  'san',
  'tor',
  'ul',
  'vel',
  'wat',
  'yam',
  'zel',
  'son',
  'ski',
  'ez',
  'ton',
  'ley',
  'man',
  'berg',
  'chi',
  'dra',
  'go',
  'nu',
  'ra',
  'wi',
  'sh',
  'ov',
];

/** ~60k distinct pronounceable surnames and 200 first names. */
function namePools(): { surnames: string[]; firsts: string[] } {
  const r = rng(1);
  const make = (parts: number) => {
    let s = '';
    for (let i = 0; i < parts; i += 1) s += SYLLABLES[Math.floor(r() * SYLLABLES.length)] ?? 'an';
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const surnames = new Set<string>();
  while (surnames.size < 60_000) surnames.add(make(2 + Math.floor(r() * 3)));
  const firsts = new Set<string>();
  while (firsts.size < 200) firsts.add(make(2));
  return { surnames: [...surnames], firsts: [...firsts] };
}

/** Zipf(s = 0.7) sampler over n ranks (performance.md §1 data). */
function zipf(n: number, s: number, r: () => number): () => number {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k += 1) {
    acc += 1 / (k + 1) ** s;
    cdf[k] = acc;
  }
  return () => {
    const x = r() * acc;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

type Gen = { order: Record<string, unknown>; keys: OrderKeys };

function generator(): (i: number) => Gen {
  const { surnames, firsts } = namePools();
  const r = rng(2);
  const pickSurname = zipf(surnames.length, 0.7, r);
  return (i) => {
    const last = surnames[pickSurname()] ?? 'Smith';
    const first = firsts[Math.floor(r() * firsts.length)] ?? 'Ann';
    const dob = `${1940 + Math.floor(r() * 65)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const order = {
      id: `6b1d2f7e-4c3a-4e8b-9f21-${i.toString(16).padStart(12, '0')}`,
      orderType: 'DV-110',
      caseNumber: `26FL${String(i).padStart(7, '0')}`,
      court: { ori: COURT, name: 'Superior Court of California, County of Los Angeles' },
      judicialOfficer: 'Hon. Teresa M. Okonkwo',
      issuedAt: '2026-11-02T15:42:00-08:00',
      expiration: { kind: 'unspecified' },
      restrained: {
        name: { last, first },
        aliases: [],
        sex: 'M',
        race: 'W',
        dob,
        licence: { number: `D${String(i).padStart(7, '0')}`, state: 'CA' },
      },
      protected: [
        {
          name: {
            last: surnames[pickSurname()] ?? 'Jones',
            first: firsts[Math.floor(r() * firsts.length)] ?? 'Bo',
          },
          aliases: [],
          sex: 'F',
          race: 'W',
        },
      ],
      terms: [{ id: 'no-contact-1', kind: 'no-contact', exceptions: ['legal-papers'] }],
      service: { method: 'not-served' },
      status: 'active',
      conditions: 'x'.repeat(400),
    };
    return { order, keys: extractOrderKeys(registryOrderSchema.parse(order)) };
  };
}

async function load(db: Db, total: number, deviceId: string): Promise<void> {
  const gen = generator();
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('order_names', 'order_licences', 'changes') AND indexname NOT LIKE '%pkey'",
  );
  for (const ix of indexes) await db.query(`DROP INDEX ${ix.indexname}`);
  const batch = 5000;
  const t0 = performance.now();
  for (let start = 0; start < total; start += batch) {
    const rows = Array.from({ length: Math.min(batch, total - start) }, (_, j) =>
      gen(start + j + 1),
    );
    const names = rows.flatMap((g) => g.keys.names.map((n) => ({ id: g.keys.orderId, n })));
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO orders (order_id, court_ori, version, payload, payload_hash, order_type, case_number, case_key,
           restrained_last, restrained_first, restrained_dob, device_id, seq)
         SELECT id, $1, 1, p::jsonb, 'synthetic', 'DV-110', c, c, l, f, d::date, $2, 0
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(id, p, c, l, f, d)`,
        [
          COURT,
          deviceId,
          rows.map((g) => g.keys.orderId),
          rows.map((g) => JSON.stringify(g.order)),
          rows.map((g) => g.keys.caseNumber),
          rows.map((g) => g.keys.restrainedLast),
          rows.map((g) => g.keys.restrainedFirst),
          rows.map((g) => g.keys.restrainedDob),
        ],
      );
      await tx.query(
        `INSERT INTO order_names (order_id, court_ori, role, person_index, last_fold, first_fold, dm1, dm2, dob, edit_keys)
         SELECT id, $1, r, i, l, f, d1, d2, b::date, string_to_array(ek, ' ')
         FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
           AS t(id, r, i, l, f, d1, d2, b, ek)`,
        [
          COURT,
          names.map((x) => x.id),
          names.map((x) => x.n.role),
          names.map((x) => x.n.personIndex),
          names.map((x) => x.n.lastFold),
          names.map((x) => x.n.firstFold),
          names.map((x) => x.n.dm1),
          names.map((x) => x.n.dm2),
          names.map((x) => x.n.dob),
          names.map((x) => x.n.editKeys.join(' ')),
        ],
      );
      await tx.query(
        `INSERT INTO order_licences (order_id, court_ori, number_key, state) SELECT id, $1, k, 'CA' FROM unnest($2::text[], $3::text[]) AS t(id, k)`,
        [
          COURT,
          rows.map((g) => g.keys.orderId),
          rows.map((g) => g.keys.licences[0]?.numberKey ?? ''),
        ],
      );
      await tx.query(
        `INSERT INTO changes (court_ori, entity, entity_id) SELECT $1, 'order', id FROM unnest($2::text[]) AS t(id)`,
        [COURT, rows.map((g) => g.keys.orderId)],
      );
    });
    if ((start / batch) % 20 === 0) {
      const rate = (start + rows.length) / ((performance.now() - t0) / 1000);
      console.error(`  loaded ${start + rows.length} orders (${rate.toFixed(0)} orders/s)`);
    }
  }
  console.log(
    `load: ${total} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s without secondary indexes on the key tables`,
  );
  const t1 = performance.now();
  for (const ix of indexes) await db.query(ix.indexdef);
  await db.query('ANALYZE');
  console.log(`index rebuild + ANALYZE: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
}

/** One-letter typo of a name (substitution / deletion / insertion / swap), deterministic. */
function typo(name: string, r: () => number): string {
  const i = Math.floor(r() * name.length);
  const op = Math.floor(r() * 4);
  const c = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(r() * 26)] ?? 'e';
  if (op === 0) return name.slice(0, i) + c + name.slice(i + 1);
  if (op === 1 && name.length > 2) return name.slice(0, i) + name.slice(i + 1);
  if (op === 2) return name.slice(0, i) + c + name.slice(i);
  const j = Math.min(i, name.length - 2);
  return name.slice(0, j) + (name[j + 1] ?? '') + (name[j] ?? '') + name.slice(j + 2);
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
    if (Number(existing[0]?.n) < total) await load(db, total, enrolment.deviceId);
    const size = await db.query<{ s: string }>(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS s',
    );
    console.log(`database size: ${size[0]?.s}`);
    await measure(db, baseUrl, enrolment.credential);
  } finally {
    await app.close();
    await db.close();
    if (cluster && !process.argv.includes('--keep')) await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
