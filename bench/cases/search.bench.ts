/**
 * Local search over 500k synthetic cached orders (issue 9; performance.md G2), in Node:
 * 1. engine, surname with one typo (substitution, insertion, deletion or swap at any position)
 *    plus the given name — p50/p99 and one-typo recall (the person on the first page of 25);
 * 2. engine, exact case number;
 * 3. keystroke to results: the surname typed letter by letter (prefix matching on), each
 *    keystroke = engine + structured clone (the worker's postMessage) + shaping a page of 25
 *    display rows. Measured in Node, not in a browser: no React render is included.
 * FLOOR for all three: an exact IndexedDB index lookup, Dexie over fake-indexeddb,
 * `where('surname').equals(…)` — on a 50k-row subset of the same data, because loading 500k
 * rows into fake-indexeddb alone takes minutes (an index lookup's cost barely depends on size).
 */
import 'fake-indexeddb/auto';

import { Dexie, type Table } from 'dexie';

import { SearchIndex } from '../../src/shared/search/searchIndex';
import type { LocalPage, SearchDoc } from '../../src/shared/search/searchTypes';
import { foldName } from '../../src/shared/search/foldName';
import { oneTypo, prng, syntheticDocs } from '../../test/unit/shared/search/syntheticOrders';
import type { BenchCase } from '../harness';
import { quantile, timeMs } from '../harness';

const N = 500_000;
const FLOOR_ROWS = 50_000;
const QUERIES = 400;

type Built = {
  docs: SearchDoc[];
  index: SearchIndex;
  buildMs: number;
  floorDb: FloorDb;
  floorLoadMs: number;
};

class FloorDb extends Dexie {
  declare names: Table<{ id: string; surname: string }, string>;
  constructor() {
    super(`bench-search-floor-${Math.random().toString(36).slice(2)}`);
    this.version(1).stores({ names: 'id, surname' });
  }
}

let built: Promise<Built> | null = null;

/** Builds the data, the index and the floor's IndexedDB once for all three cases. */
function build(): Promise<Built> {
  built ??= (async () => {
    const docs = syntheticDocs(N);
    const t0 = performance.now();
    const index = new SearchIndex();
    for (const d of docs) index.upsert(d, 'registry-cache');
    const buildMs = performance.now() - t0;
    const floorDb = new FloorDb();
    const t1 = performance.now();
    const rows = docs
      .slice(0, FLOOR_ROWS)
      .map((d) => ({ id: d.id, surname: foldName(d.names[0]?.last ?? '') }));
    await floorDb.names.bulkAdd(rows);
    return { docs, index, buildMs, floorDb, floorLoadMs: performance.now() - t1 };
  })();
  return built;
}

/** The floor: an exact surname lookup through a Dexie index, first page. */
async function floorSamples(b: Built, n: number): Promise<number[]> {
  const rnd = prng(77);
  return timeMs(n, async () => {
    const d = b.docs[Math.floor(rnd() * FLOOR_ROWS)];
    await b.floorDb.names
      .where('surname')
      .equals(foldName(d?.names[0]?.last ?? ''))
      .limit(25)
      .toArray();
  });
}

const fmt = (v: number) => v.toFixed(2);

/** Display rows for a page, as the Search page shows them. */
function shape(page: LocalPage): string[] {
  return page.hits.map(
    (h) =>
      `${h.restrained.last}, ${h.restrained.first} · ${h.restrained.dob ?? ''} · ${h.caseNumber} · ${h.orderType} · ${h.status} · ${new Date(h.updatedAt).toLocaleDateString('en-US', { timeZone: 'America/Los_Angeles' })} · ${h.copies.join('+')}`,
  );
}

export const cases: BenchCase[] = [
  {
    name: 'search: engine, surname with one typo + given name (500k orders)',
    unit: 'ms',
    better: 'lower',
    target: '≤ 5 ms p50; recall ≥ 95 %',
    async run() {
      const b = await build();
      const rnd = prng(5);
      let found = 0;
      const values = await timeMs(QUERIES, () => {
        const d = b.docs[Math.floor(rnd() * b.docs.length)] as SearchDoc;
        const n = d.names[0];
        const page = b.index.search({
          surname: oneTypo(n?.last ?? '', rnd),
          given: n?.first,
          offset: 0,
          limit: 25,
        });
        const person = (h: LocalPage['hits'][number]) =>
          h.id === d.id ||
          (foldName(h.match?.last ?? '') === foldName(n?.last ?? '') &&
            foldName(h.match?.first ?? '') === foldName(n?.first ?? ''));
        if (page.hits.some(person)) found += 1;
      });
      return {
        values,
        floor: await floorSamples(b, QUERIES),
        notes: [
          `engine p99 ${fmt(quantile(values, 0.99))} ms; one-typo recall ${((100 * found) / QUERIES).toFixed(1)} % (${found}/${QUERIES}, person on page 1 of 25)`,
          `index build ${(b.buildMs / 1000).toFixed(1)} s for ${N} orders (${b.index.size} live); heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB incl. the generated orders`,
          `floor: Dexie where('surname').equals() on fake-indexeddb, ${FLOOR_ROWS} rows (loaded in ${(b.floorLoadMs / 1000).toFixed(1)} s); it finds no typo at all`,
        ],
      };
    },
  },
  {
    name: 'search: engine, exact case number (500k orders)',
    unit: 'ms',
    better: 'lower',
    target: '≤ 2 ms p50',
    async run() {
      const b = await build();
      const rnd = prng(9);
      const values = await timeMs(QUERIES, () => {
        const d = b.docs[Math.floor(rnd() * b.docs.length)] as SearchDoc;
        const page = b.index.search({ caseNumber: d.caseNumber, offset: 0, limit: 25 });
        if (page.hits[0]?.id !== d.id) throw new Error(`case ${d.caseNumber} not found`);
      });
      return {
        values,
        floor: await floorSamples(b, QUERIES),
        notes: [`exact p99 ${fmt(quantile(values, 0.99))} ms`],
      };
    },
  },
  {
    name: 'search: keystroke to results page (engine + clone + shaping, Node, 500k)',
    unit: 'ms',
    better: 'lower',
    target: '≤ 30 ms p50',
    async run() {
      const b = await build();
      const rnd = prng(13);
      const strokes: { surname: string; given: string }[] = [];
      while (strokes.length < QUERIES) {
        const n = b.docs[Math.floor(rnd() * b.docs.length)]?.names[0];
        const last = n?.last ?? '';
        for (let k = 2; k <= last.length; k += 1)
          strokes.push({ surname: last.slice(0, k), given: '' });
      }
      const values = await timeMs(QUERIES, (i) => {
        const s = strokes[i] ?? { surname: 'Sm', given: '' };
        const page = b.index.search({ ...s, prefix: true, offset: 0, limit: 25 });
        shape(structuredClone(page));
      });
      return {
        values,
        floor: await floorSamples(b, QUERIES),
        notes: [
          `keystroke p99 ${fmt(quantile(values, 0.99))} ms (no React render; measured in Node)`,
        ],
      };
    },
  },
];
