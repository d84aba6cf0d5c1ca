/**
 * The dictionary of distinct folded surnames behind the local search, with the three ways a
 * typed surname finds the names it may mean:
 * - trigram postings (pg_trgm-style similarity ≥ 0.3),
 * - Double Metaphone codes (sounds alike),
 * - deletion keys for short names (every one-letter typo, the first letter included),
 * plus a sorted list for prefixes while the clerk is still typing.
 *
 * Why a dictionary and not one posting per order: 500k orders carry far fewer distinct surnames,
 * so the fuzzy work (the costly part) runs over the small set once and each matched surname
 * brings its orders along (searchIndex.ts).
 */
import { nameCodes } from './foldName';
import { deletionKeys, SHORT_NAME_LETTERS, trigramsOf, withinOneEdit } from './trigrams';

/** Scores a surname match gets by how it matched (trigram similarity is the floor). */
export const matchScores = { exact: 1, prefix: 0.75, oneEdit: 0.7, phonetic: 0.6 } as const;

/** Trigram similarity a surname needs to count as a match (pg_trgm's default threshold). */
export const TRIGRAM_THRESHOLD = 0.3;

/** At most this many dictionary names match one prefix (typing "S" must not list everyone). */
const MAX_PREFIX_NAMES = 200;

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** A matched dictionary name: its id and score (0–1). */
export type NameMatch = { readonly id: number; readonly score: number };

/** Distinct folded surnames with trigram, phonetic, deletion-key and prefix lookups. */
export class NameDictionary {
  private readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly trigramCounts: number[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly phonetic = new Map<string, number[]>();
  private readonly deletions = new Map<string, number[]>();
  private sorted: number[] | null = null;
  /** Per-query scratch: shared trigram counts, reset through `touched`. */
  private counts = new Uint16Array(1024);

  get size(): number {
    return this.names.length;
  }

  /** The folded name of an id. */
  name(id: number): string {
    return this.names[id] ?? '';
  }

  /** The id of a folded name, adding it when new. */
  intern(folded: string): number {
    const known = this.ids.get(folded);
    if (known !== undefined) return known;
    const id = this.names.length;
    this.names.push(folded);
    this.ids.set(folded, id);
    const grams = trigramsOf(folded);
    this.trigramCounts.push(grams.length);
    for (const g of grams) push(this.postings, g, id);
    const [primary, alternate] = nameCodes(folded);
    if (primary) push(this.phonetic, primary, id);
    if (alternate && alternate !== primary) push(this.phonetic, alternate, id);
    const joined = folded.replace(/ /g, '');
    if (joined.length <= SHORT_NAME_LETTERS) {
      for (const k of deletionKeys(joined)) push(this.deletions, k, id);
    }
    this.sorted = null;
    return id;
  }

  /** The id of a folded name, or undefined. */
  idOf(folded: string): number | undefined {
    return this.ids.get(folded);
  }

  /** Every dictionary name the typed (folded) surname may mean, best first. */
  match(folded: string, options: { readonly prefix?: boolean } = {}): NameMatch[] {
    const best = new Map<number, number>();
    const raise = (id: number, score: number) => {
      if ((best.get(id) ?? 0) < score) best.set(id, score);
    };
    const exact = this.ids.get(folded);
    if (exact !== undefined) raise(exact, matchScores.exact);
    this.trigramMatches(folded, raise);
    const joined = folded.replace(/ /g, '');
    if (joined.length <= SHORT_NAME_LETTERS + 1) {
      for (const k of deletionKeys(joined)) {
        for (const id of this.deletions.get(k) ?? []) {
          if (withinOneEdit(joined, this.name(id).replace(/ /g, ''))) {
            raise(id, matchScores.oneEdit);
          }
        }
      }
    }
    const [primary, alternate] = nameCodes(folded);
    for (const code of new Set([primary, alternate])) {
      if (code === '') continue;
      for (const id of this.phonetic.get(code) ?? []) raise(id, matchScores.phonetic);
    }
    if (options.prefix && folded.length >= 2) {
      for (const id of this.prefixed(folded)) raise(id, matchScores.prefix);
    }
    return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
  }

  /** Names sharing enough trigrams; one-edit neighbours among them are raised to 0.7. */
  private trigramMatches(folded: string, raise: (id: number, score: number) => void): void {
    const grams = trigramsOf(folded);
    if (grams.length === 0) return;
    if (this.counts.length < this.names.length) {
      this.counts = new Uint16Array(Math.max(this.names.length, this.counts.length * 2));
    }
    const counts = this.counts;
    const touched: number[] = [];
    for (const g of grams) {
      for (const id of this.postings.get(g) ?? []) {
        if (counts[id] === 0) touched.push(id);
        counts[id] = (counts[id] ?? 0) + 1;
      }
    }
    const joined = folded.replace(/ /g, '');
    for (const id of touched) {
      const shared = counts[id] ?? 0;
      counts[id] = 0;
      const sim = shared / (grams.length + (this.trigramCounts[id] ?? 0) - shared);
      if (sim < TRIGRAM_THRESHOLD) continue;
      const oneEdit = withinOneEdit(joined, this.name(id).replace(/ /g, ''));
      raise(id, oneEdit ? Math.max(sim, matchScores.oneEdit) : sim);
    }
  }

  /** Dictionary ids whose name starts with `prefix` (at most MAX_PREFIX_NAMES). */
  private prefixed(prefix: string): number[] {
    this.sorted ??= this.names
      .map((_, i) => i)
      .sort((a, b) => (this.name(a) < this.name(b) ? -1 : this.name(a) > this.name(b) ? 1 : 0));
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.name(sorted[mid] ?? 0) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && out.length < MAX_PREFIX_NAMES; i += 1) {
      const id = sorted[i] ?? 0;
      if (!this.name(id).startsWith(prefix)) break;
      out.push(id);
    }
    return out;
  }
}
