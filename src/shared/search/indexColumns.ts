/**
 * The column store behind SearchIndex: per order ordinal and per name entry, values kept in
 * growable Int32Arrays and interned strings rather than one object per order, so 500k orders
 * cost tens of MB of worker heap instead of hundreds (an object per order with its names is
 * about 0.5 KB).
 */
import { foldName } from './foldName';
import type { SearchDoc, SearchName } from './searchTypes';

/** Case numbers compare on letters and digits only, upper-cased ("fl-26 01" = "FL2601"). */
export function caseKeyOf(caseNumber: string): string {
  const upper = caseNumber.toUpperCase();
  if (/^[\x20-\x7e]*$/.test(upper)) return upper.replace(/[^A-Z0-9]+/g, '');
  return caseNumber.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Licence numbers compare like case numbers. */
export const licenceKeyOf = caseKeyOf;

/** Entry roles by their stored number. */
export const entryRoles: readonly SearchName['role'][] = ['restrained', 'protected', 'alias'];

/** A growable Int32Array. */
class IntColumn {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    this.length += 1;
  }
  get(i: number): number {
    return this.data[i] ?? 0;
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
}

/** Most exact keys (case numbers, FCNs) are unique: a single ordinal is kept without an array. */
export type KeyMap = Map<string, number | number[]>;

function push(map: KeyMap, key: string, v: number): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, v);
  else if (typeof known === 'number') map.set(key, [known, v]);
  else known.push(v);
}

/** The ordinals under `key`. */
export function lookup(map: KeyMap, key: string): readonly number[] {
  const known = map.get(key);
  return known === undefined ? [] : typeof known === 'number' ? [known] : known;
}

/** Per-ordinal and per-entry columns, the exact-key maps and the surname → entries lists. */
export class IndexColumns {
  private readonly strings = new Map<string, string>();
  private readonly ordById = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly cases: string[] = [];
  private readonly types: string[] = [];
  private readonly statuses: string[] = [];
  private readonly updated: string[] = [];
  private readonly updatedMsCol: number[] = [];
  private readonly fcns: (string | null)[] = [];
  /** The order's licence keys joined by spaces ('' for none). */
  private readonly licenceKeys: string[] = [];
  private readonly copyMask = new IntColumn();
  private readonly aliveCol = new IntColumn();
  private readonly entryStart = new IntColumn();
  private readonly entryCount = new IntColumn();
  private readonly eOrd = new IntColumn();
  private readonly eSurname = new IntColumn();
  private readonly eFirstId = new IntColumn();
  private readonly eRole = new IntColumn();
  private readonly eLast: string[] = [];
  private readonly eFirst: string[] = [];
  private readonly eDob: (string | null)[] = [];
  private readonly surnameEntries: number[][] = [];
  private readonly firstNames: string[] = [];
  private readonly firstIds = new Map<string, number>();
  readonly byCase: KeyMap = new Map();
  readonly byDob: KeyMap = new Map();
  readonly byLicence: KeyMap = new Map();
  readonly byFcn: KeyMap = new Map();
  /** Live orders. */
  live = 0;

  /** Ordinals handed out (live and retired). */
  get ordinals(): number {
    return this.ids.length;
  }

  private intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private firstIdOf(folded: string): number {
    let id = this.firstIds.get(folded);
    if (id === undefined) {
      id = this.firstNames.length;
      this.firstNames.push(folded);
      this.firstIds.set(folded, id);
    }
    return id;
  }

  /** Adds a live order version; `internSurname` maps a folded surname to its dictionary id. */
  add(doc: SearchDoc, mask: number, internSurname: (folded: string) => number): number {
    const ord = this.ids.length;
    this.ids.push(doc.id);
    this.ordById.set(doc.id, ord);
    this.cases.push(doc.caseNumber);
    this.types.push(this.intern(doc.orderType));
    this.statuses.push(this.intern(doc.status));
    this.updated.push(doc.updatedAt);
    const ms = Date.parse(doc.updatedAt);
    this.updatedMsCol.push(Number.isNaN(ms) ? 0 : ms);
    this.fcns.push(doc.fcn);
    this.copyMask.push(mask);
    this.aliveCol.push(1);
    this.live += 1;
    this.entryStart.push(this.eOrd.length);
    let count = 0;
    const dobs = new Set<string>();
    for (const n of doc.names) {
      const last = foldName(n.last);
      if (last === '') continue;
      const surnameId = internSurname(last);
      const e = this.eOrd.length;
      this.eOrd.push(ord);
      this.eSurname.push(surnameId);
      this.eFirstId.push(this.firstIdOf(foldName(n.first)));
      this.eRole.push(Math.max(0, entryRoles.indexOf(n.role)));
      this.eLast.push(n.last);
      this.eFirst.push(n.first);
      this.eDob.push(n.dob);
      (this.surnameEntries[surnameId] ??= []).push(e);
      if (n.dob) dobs.add(n.dob);
      count += 1;
    }
    this.entryCount.push(count);
    if (caseKeyOf(doc.caseNumber) !== '') push(this.byCase, caseKeyOf(doc.caseNumber), ord);
    for (const d of dobs) push(this.byDob, d, ord);
    const licences = [...new Set(doc.licences.map(licenceKeyOf))].filter((l) => l !== '');
    for (const l of licences) push(this.byLicence, l, ord);
    this.licenceKeys.push(licences.length === 0 ? '' : licences.join(' '));
    if (doc.fcn) push(this.byFcn, doc.fcn.trim().toUpperCase(), ord);
    return ord;
  }

  /** Marks an ordinal retired (its id now maps to nothing until re-added). */
  retire(ord: number): void {
    if (this.aliveCol.get(ord) === 0) return;
    this.aliveCol.set(ord, 0);
    this.live -= 1;
    const id = this.ids[ord] ?? '';
    if (this.ordById.get(id) === ord) this.ordById.delete(id);
  }

  liveIds(): string[] {
    return [...this.ordById.keys()];
  }

  ordinalOf(id: string): number | undefined {
    return this.ordById.get(id);
  }
  alive(ord: number): boolean {
    return this.aliveCol.get(ord) === 1;
  }
  copies(ord: number): number {
    return this.copyMask.get(ord);
  }
  setCopies(ord: number, mask: number): void {
    this.copyMask.set(ord, mask);
  }
  id(ord: number): string {
    return this.ids[ord] ?? '';
  }
  caseNumber(ord: number): string {
    return this.cases[ord] ?? '';
  }
  orderType(ord: number): string {
    return this.types[ord] ?? '';
  }
  status(ord: number): string {
    return this.statuses[ord] ?? '';
  }
  updatedAt(ord: number): string {
    return this.updated[ord] ?? '';
  }
  updatedMs(ord: number): number {
    return this.updatedMsCol[ord] ?? 0;
  }
  fcn(ord: number): string | null {
    return this.fcns[ord] ?? null;
  }
  /** The order's first name entry (the restrained person), or -1. */
  firstEntry(ord: number): number {
    return this.entryCount.get(ord) > 0 ? this.entryStart.get(ord) : -1;
  }
  entriesOf(surnameId: number): readonly number[] {
    return this.surnameEntries[surnameId] ?? [];
  }
  entryOrd(e: number): number {
    return this.eOrd.get(e);
  }
  entryFirstId(e: number): number {
    return this.eFirstId.get(e);
  }
  entryRole(e: number): number {
    return this.eRole.get(e);
  }
  entryLast(e: number): string {
    return this.eLast[e] ?? '';
  }
  entryFirst(e: number): string {
    return this.eFirst[e] ?? '';
  }
  entryDob(e: number): string | null {
    return this.eDob[e] ?? null;
  }
  firstName(firstId: number): string {
    return this.firstNames[firstId] ?? '';
  }

  /** Every live order as a projection again (for a rebuild). */
  forEachLive(fn: (doc: SearchDoc, mask: number) => void): void {
    for (let ord = 0; ord < this.ids.length; ord += 1) {
      if (!this.alive(ord)) continue;
      const names: SearchName[] = [];
      const start = this.entryStart.get(ord);
      for (let e = start; e < start + this.entryCount.get(ord); e += 1) {
        names.push({
          role: entryRoles[this.eRole.get(e)] ?? 'restrained',
          last: this.entryLast(e),
          first: this.entryFirst(e),
          dob: this.entryDob(e),
        });
      }
      const keys = this.licenceKeys[ord] ?? '';
      const licences = keys === '' ? [] : keys.split(' ');
      fn(
        {
          id: this.id(ord),
          caseNumber: this.caseNumber(ord),
          orderType: this.orderType(ord),
          status: this.status(ord),
          updatedAt: this.updatedAt(ord),
          fcn: this.fcn(ord),
          names,
          licences,
        },
        this.copies(ord),
      );
    }
  }
}
