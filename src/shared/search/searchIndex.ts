/**
 * The workstation's in-memory order search (runs in a Web Worker over the cached orders): fuzzy
 * surname search (trigram + Double Metaphone + one-edit keys, see nameDictionary.ts) with an
 * optional given name, and exact lookups by case number, DOB, licence number and FCN; ranked and
 * paged. Target: ≤ 5 ms per name query over 500k orders (performance.md G2).
 *
 * Layout: each order version gets an ordinal (an int); its names are "entries" (ints) in column
 * arrays; each dictionary surname lists its entries. A query scores the few matching surnames,
 * walks only their entries, keeps each order's best entry in typed scratch arrays and sorts the
 * hits by one packed numeric key. Updates retire the old ordinal and add a new one; retired
 * ordinals are skipped and dropped by a rebuild once they pile up.
 */
import { caseKeyOf, entryRoles, IndexColumns, licenceKeyOf, lookup } from './indexColumns';
import { foldName } from './foldName';
import { NameDictionary } from './nameDictionary';
import type { CopySource, LocalHit, LocalPage, LocalQuery, SearchDoc } from './searchTypes';
import { trigramSimilarity, trigramsOf, withinOneEdit } from './trigrams';

/** Score weight of the given name next to the surname's (the registry uses the same). */
const GIVEN_WEIGHT = 0.5;
const ORD_SPACE = 2 ** 24;

const sourceBits: Readonly<Record<CopySource, number>> = { workstation: 1, 'registry-cache': 2 };

/** Why a search cannot run, in the clerk's words. */
export class SearchInputError extends Error {}

/** The local search index; see the module comment. */
export class SearchIndex {
  private dict = new NameDictionary();
  private cols = new IndexColumns();
  private stamp = 0;
  private stamps = new Int32Array(1024);
  private best = new Float32Array(1024);
  private bestEntry = new Int32Array(1024);

  /** Live orders in the index. */
  get size(): number {
    return this.cols.live;
  }

  /** Ids of every live order. */
  ids(): string[] {
    return this.cols.liveIds();
  }

  /** Adds or replaces an order's copy from `source` (the registry's copy wins over ours). */
  upsert(doc: SearchDoc, source: CopySource): void {
    const bit = sourceBits[source];
    const prev = this.cols.ordinalOf(doc.id);
    let mask = bit;
    if (prev !== undefined) {
      const prevMask = this.cols.copies(prev);
      if (source === 'workstation' && prevMask & sourceBits['registry-cache']) {
        this.cols.setCopies(prev, prevMask | bit);
        return;
      }
      mask |= prevMask;
      this.cols.retire(prev);
    }
    this.cols.add(doc, mask, (last) => this.dict.intern(last));
    this.maybeCompact();
  }

  /** Forgets `source`'s copy of an order (the order stays while another copy remains). */
  remove(id: string, source: CopySource): void {
    const ord = this.cols.ordinalOf(id);
    if (ord === undefined) return;
    const mask = this.cols.copies(ord) & ~sourceBits[source];
    if (mask === 0) this.cols.retire(ord);
    else this.cols.setCopies(ord, mask);
    this.maybeCompact();
  }

  /** Runs a search. Throws SearchInputError when nothing to search by was given. */
  search(q: LocalQuery): LocalPage {
    const surname = foldName(q.surname ?? '');
    const exact = this.exactCandidates(q);
    if (surname === '' && exact === null) {
      throw new SearchInputError(
        'Type a surname, or a case number, date of birth, licence number or FCN.',
      );
    }
    const ords = surname === '' ? this.byRecency(exact ?? []) : this.byName(surname, q, exact);
    const offset = Math.max(0, q.offset);
    const hits = ords.slice(offset, offset + q.limit).map((ord) => this.hit(ord, surname !== ''));
    return { hits, total: ords.length, offset, limit: q.limit };
  }

  /** Orders matching every exact key given (null when none was given). */
  private exactCandidates(q: LocalQuery): number[] | null {
    const lists: (readonly number[])[] = [];
    const c = this.cols;
    if (q.caseNumber && caseKeyOf(q.caseNumber) !== '') {
      lists.push(lookup(c.byCase, caseKeyOf(q.caseNumber)));
    }
    if (q.licence && licenceKeyOf(q.licence) !== '') {
      lists.push(lookup(c.byLicence, licenceKeyOf(q.licence)));
    }
    if (q.fcn && q.fcn.trim() !== '') lists.push(lookup(c.byFcn, q.fcn.trim().toUpperCase()));
    // A DOB with a surname filters the name's entries instead (it must be that person's DOB).
    if (q.dob && foldName(q.surname ?? '') === '') lists.push(lookup(c.byDob, q.dob));
    if (lists.length === 0) return null;
    const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
    const sets = rest.map((l) => new Set(l));
    return [...new Set(first)].filter((o) => c.alive(o) && sets.every((s) => s.has(o)));
  }

  private byRecency(ords: readonly number[]): number[] {
    return [...ords].sort((a, b) => this.cols.updatedMs(b) - this.cols.updatedMs(a) || b - a);
  }

  private ensureScratch(): void {
    const need = this.cols.ordinals;
    if (this.stamps.length >= need) return;
    const size = Math.max(need, this.stamps.length * 2);
    const stamps = new Int32Array(size);
    stamps.set(this.stamps);
    this.stamps = stamps;
    this.best = new Float32Array(size);
    this.bestEntry = new Int32Array(size);
  }

  private byName(surname: string, q: LocalQuery, exact: number[] | null): number[] {
    this.ensureScratch();
    this.stamp += 1;
    const stamp = this.stamp;
    const { stamps, best, bestEntry } = this;
    const c = this.cols;
    const only = exact ? new Set(exact) : null;
    const dob = q.dob ?? null;
    const givenScore = this.givenScorer(foldName(q.given ?? ''));
    const hits: number[] = [];
    for (const m of this.dict.match(surname, { prefix: q.prefix === true })) {
      for (const e of c.entriesOf(m.id)) {
        const ord = c.entryOrd(e);
        if (!c.alive(ord) || (only && !only.has(ord))) continue;
        if (dob !== null && c.entryDob(e) !== dob) continue;
        const score = m.score + GIVEN_WEIGHT * givenScore(c.entryFirstId(e));
        if (stamps[ord] !== stamp) {
          stamps[ord] = stamp;
          best[ord] = score;
          bestEntry[ord] = e;
          hits.push(ord);
        } else if (score > (best[ord] ?? 0)) {
          best[ord] = score;
          bestEntry[ord] = e;
        }
      }
    }
    // One numeric key per hit: best score first, then the newest ordinal.
    const keys = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i += 1) {
      const ord = hits[i] ?? 0;
      keys[i] = Math.round((2 - (best[ord] ?? 0)) * 100_000) * ORD_SPACE + (ORD_SPACE - 1 - ord);
    }
    keys.sort();
    const out = new Array<number>(keys.length);
    for (let i = 0; i < keys.length; i += 1) out[i] = ORD_SPACE - 1 - ((keys[i] ?? 0) % ORD_SPACE);
    return out;
  }

  /** Scores a given name against each distinct first name once per query. */
  private givenScorer(given: string): (firstId: number) => number {
    if (given === '') return () => 0;
    const grams = trigramsOf(given);
    const memo = new Map<number, number>();
    return (firstId) => {
      const known = memo.get(firstId);
      if (known !== undefined) return known;
      const name = this.cols.firstName(firstId);
      let s = 0;
      if (name === given) s = 1;
      else if (name.startsWith(given)) s = 0.8;
      else if (withinOneEdit(name, given)) s = 0.7;
      else s = trigramSimilarity(grams, trigramsOf(name));
      memo.set(firstId, s);
      return s;
    };
  }

  private hit(ord: number, named: boolean): LocalHit {
    const c = this.cols;
    const head = c.firstEntry(ord);
    const e = named ? (this.bestEntry[ord] ?? head) : head;
    const mask = c.copies(ord);
    return {
      id: c.id(ord),
      caseNumber: c.caseNumber(ord),
      orderType: c.orderType(ord),
      status: c.status(ord),
      updatedAt: c.updatedAt(ord),
      fcn: c.fcn(ord),
      restrained:
        head >= 0
          ? { last: c.entryLast(head), first: c.entryFirst(head), dob: c.entryDob(head) }
          : { last: '', first: '', dob: null },
      match:
        named && e >= 0
          ? {
              role: entryRoles[c.entryRole(e)] ?? 'restrained',
              last: c.entryLast(e),
              first: c.entryFirst(e),
              score: Math.round((this.best[ord] ?? 0) * 1000) / 1000,
            }
          : null,
      copies: (['workstation', 'registry-cache'] as const).filter((s) => mask & sourceBits[s]),
    };
  }

  /** Rebuilds once retired ordinals outnumber a quarter of the live ones. */
  private maybeCompact(): void {
    const retired = this.cols.ordinals - this.cols.live;
    if (retired < 1000 || retired < this.cols.live / 4) return;
    const old = this.cols;
    this.dict = new NameDictionary();
    this.cols = new IndexColumns();
    old.forEachLive((doc, mask) => this.cols.add(doc, mask, (last) => this.dict.intern(last)));
    this.stamps = new Int32Array(1024);
    this.best = new Float32Array(1024);
    this.bestEntry = new Int32Array(1024);
  }
}
