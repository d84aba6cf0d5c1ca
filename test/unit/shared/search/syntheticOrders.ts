/**
 * Deterministic synthetic cached orders for the search tests and benchmark (performance.md §1):
 * surnames Zipf s=0.7 over a pool of 60k made-up names, 200 given names, DOB 1940–2004, case
 * numbers `CTY-YYYY-PO-NNNNNNN`, a protected person on most orders, a licence on half.
 */
import type { SearchDoc } from '../../../../src/shared/search/searchTypes';
import { seededRandom } from '../../../helpers/seededRandom';

/** The seeded PRNG the synthetic orders and the search bench draw from. */
export const prng = seededRandom;

const onsets = [
  'B',
  'C',
  'D',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'T',
  'V',
  'W',
  'Z',
  'BR',
  'CH',
  'GR',
  'SH',
  'ST',
  'TR',
];
const vowels = ['A', 'E', 'I', 'O', 'U', 'AI', 'EA', 'OU', 'Y'];
const codas = ['', 'N', 'R', 'S', 'L', 'T', 'M', 'CK', 'LL', 'RD', 'NS', 'X'];

/** `count` distinct made-up surnames, 2–4 syllables. */
export function surnamePool(count: number, seed = 7): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out = new Set<string>();
  while (out.size < count) {
    const syllables = 2 + Math.floor(rnd() * 2.2);
    let s = '';
    for (let i = 0; i < syllables; i += 1)
      s += pick(onsets) + pick(vowels) + (i === syllables - 1 ? pick(codas) : '');
    out.add(s.charAt(0) + s.slice(1).toLowerCase());
  }
  return [...out];
}

const givenPool = surnamePool(200, 99).map((n) => n.slice(0, 6));

/** Zipf(s) sampler over ranks 0..n-1. */
function zipf(n: number, s: number, rnd: () => number): () => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r += 1) {
    total += 1 / (r + 1) ** s;
    cum[r] = total;
  }
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** `n` synthetic order projections, the same for the same seed. */
export function syntheticDocs(n: number, seed = 42, poolSize = 60_000): SearchDoc[] {
  const rnd = prng(seed);
  const pool = surnamePool(poolSize);
  const rank = zipf(pool.length, 0.7, rnd);
  const given = () => givenPool[Math.floor(rnd() * givenPool.length)] ?? 'Ann';
  const dob = () => {
    const y = 1940 + Math.floor(rnd() * 65);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const docs: SearchDoc[] = [];
  for (let i = 0; i < n; i += 1) {
    const year = 2000 + (i % 27);
    const names: SearchDoc['names'][number][] = [
      { role: 'restrained', last: pool[rank()] ?? 'Smith', first: given(), dob: dob() },
    ];
    if (rnd() < 0.7)
      names.push({ role: 'protected', last: pool[rank()] ?? 'Smith', first: given(), dob: dob() });
    docs.push({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      caseNumber: `CTY-${year}-PO-${String(i).padStart(7, '0')}`,
      orderType: i % 3 === 0 ? 'CH-130' : 'DV-130',
      status: 'acknowledged',
      updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      fcn: i % 2 === 0 ? `F${String(i).padStart(12, '0')}` : null,
      names,
      licences: i % 2 === 1 ? [`D${String(i).padStart(7, '0')}`] : [],
    });
  }
  return docs;
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** One random edit of `name`: substitution, insertion, deletion or transposition (any position). */
export function oneTypo(name: string, rnd: () => number): string {
  const s = name.toUpperCase();
  const i = Math.floor(rnd() * s.length);
  const c = letters[Math.floor(rnd() * 26)] ?? 'A';
  const kind = Math.floor(rnd() * 4);
  if (kind === 0)
    return s.slice(0, i) + (c === s[i] ? (c === 'A' ? 'B' : 'A') : c) + s.slice(i + 1);
  if (kind === 1) return s.slice(0, i) + c + s.slice(i);
  if (kind === 2 && s.length > 2) return s.slice(0, i) + s.slice(i + 1);
  const j = Math.min(i, s.length - 2);
  return s.slice(0, j) + (s[j + 1] ?? '') + (s[j] ?? '') + s.slice(j + 2);
}
