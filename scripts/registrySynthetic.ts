/**
 * The synthetic registry data of scripts/load-registry-1m.ts, shared with the registry search
 * benchmark (bench/cases/registrySearch.bench.ts) so both measure the same data.
 *
 * Orders are deterministic: order i (from 1) has id `syntheticOrderId(i)`, case number
 * `26FL` + i (7 digits), a Zipf(0.7) surname over ~60k pronounceable names, one of 200 first
 * names and a DOB between 1940 and 2004. Rows are written with the registry's own key
 * extraction (src/registry/search/searchKeys.ts) in bulk INSERT … unnest statements.
 */
import type { Db } from '../src/registry/db/types';
import { seededRandom } from '../test/helpers/seededRandom';
import {
  extractOrderKeys,
  registryOrderSchema,
  type OrderKeys,
} from '../src/registry/search/searchKeys';

/** The court every synthetic order belongs to. */
export const SYNTHETIC_COURT = 'CA019015J';

/** The seeded PRNG the synthetic data draws from (bench and loader). */
export const rng = seededRandom;

/** The id of synthetic order `i` (from 1), so a reader can pick orders without a table scan. */
export function syntheticOrderId(i: number): string {
  return `6b1d2f7e-4c3a-4e8b-9f21-${i.toString(16).padStart(12, '0')}`;
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

/** Order i (from 1) with its search keys; one generator yields the same sequence every run. */
export function generator(): (i: number) => Gen {
  const { surnames, firsts } = namePools();
  const r = rng(2);
  const pickSurname = zipf(surnames.length, 0.7, r);
  return (i) => {
    const last = surnames[pickSurname()] ?? 'Smith';
    const first = firsts[Math.floor(r() * firsts.length)] ?? 'Ann';
    const dob = `${1940 + Math.floor(r() * 65)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const order = {
      id: syntheticOrderId(i),
      orderType: 'DV-110',
      caseNumber: `26FL${String(i).padStart(7, '0')}`,
      court: { ori: SYNTHETIC_COURT, name: 'Superior Court of California, County of Los Angeles' },
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

/**
 * Writes synthetic orders 1..total (orders, names, licences, change log) with the name indexes
 * dropped, fills the name dictionary, rebuilds the indexes exactly as the migrations define them
 * and runs VACUUM ANALYZE. `deviceId` is an enrolled device of SYNTHETIC_COURT; `log` gets
 * progress.
 */
export async function loadSyntheticOrders(
  db: Db,
  total: number,
  deviceId: string,
  log: (line: string) => void,
): Promise<void> {
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
          SYNTHETIC_COURT,
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
          SYNTHETIC_COURT,
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
          SYNTHETIC_COURT,
          rows.map((g) => g.keys.orderId),
          rows.map((g) => g.keys.licences[0]?.numberKey ?? ''),
        ],
      );
      await tx.query(
        `INSERT INTO changes (court_ori, entity, entity_id) SELECT $1, 'order', id FROM unnest($2::text[]) AS t(id)`,
        [SYNTHETIC_COURT, rows.map((g) => g.keys.orderId)],
      );
    });
    if ((start / batch) % 20 === 0) {
      const rate = (start + rows.length) / ((performance.now() - t0) / 1000);
      log(`  loaded ${start + rows.length} orders (${rate.toFixed(0)} orders/s)`);
    }
  }
  log(
    `load: ${total} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s without secondary indexes on the key tables`,
  );
  const t1 = performance.now();
  // The registry writes each new last name to the dictionary with its order (bulkOrders.ts);
  // this bulk path fills it once at the end, exactly as migration 6 does.
  await db.query(
    `INSERT INTO name_dictionary (last_fold, dm1, dm2, edit_keys)
     SELECT DISTINCT ON (last_fold) last_fold, dm1, dm2, edit_keys
     FROM order_names ORDER BY last_fold, cardinality(edit_keys) DESC
     ON CONFLICT (last_fold) DO NOTHING`,
  );
  for (const ix of indexes) await db.query(ix.indexdef);
  // VACUUM as well: right after a bulk load no page is all-visible and no hint bit is set, and
  // name searches ran 5–10× slower (p50 106 ms against 11 ms on 50k orders) until autovacuum
  // caught up. A registry in service is vacuumed; the figures should be too.
  await db.query('VACUUM (ANALYZE)');
  log(
    `name dictionary + index rebuild + VACUUM ANALYZE: ${((performance.now() - t1) / 1000).toFixed(1)} s`,
  );
}

/** One-letter typo of a name (substitution / deletion / insertion / swap), deterministic. */
export function typo(name: string, r: () => number): string {
  const i = Math.floor(r() * name.length);
  const op = Math.floor(r() * 4);
  const c = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(r() * 26)] ?? 'e';
  if (op === 0) return name.slice(0, i) + c + name.slice(i + 1);
  if (op === 1 && name.length > 2) return name.slice(0, i) + name.slice(i + 1);
  if (op === 2) return name.slice(0, i) + c + name.slice(i);
  const j = Math.min(i, name.length - 2);
  return name.slice(0, j) + (name[j + 1] ?? '') + (name[j] ?? '') + name.slice(j + 2);
}
