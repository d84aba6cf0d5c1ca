import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { foldName } from '../../../../src/shared/search/foldName';
import { SearchIndex, SearchInputError } from '../../../../src/shared/search/searchIndex';
import type { LocalHit, SearchDoc } from '../../../../src/shared/search/searchTypes';
import { withinOneEdit } from '../../../../src/shared/search/trigrams';

import { oneTypo, prng, syntheticDocs } from './syntheticOrders';

const foundPerson = (hits: readonly LocalHit[], doc: SearchDoc, name = doc.names[0]) =>
  hits.some(
    (h) =>
      h.id === doc.id ||
      (h.match !== null &&
        name !== undefined &&
        foldName(h.match.last) === foldName(name.last) &&
        foldName(h.match.first) === foldName(name.first)),
  );

describe('withinOneEdit', () => {
  it('accepts substitutions, insertions, deletions and swaps, and nothing further', () => {
    expect(withinOneEdit('SMITH', 'SMYTH')).toBe(true);
    expect(withinOneEdit('SMITH', 'SMIITH')).toBe(true);
    expect(withinOneEdit('SMITH', 'SMTH')).toBe(true);
    expect(withinOneEdit('SMITH', 'SMIHT')).toBe(true);
    expect(withinOneEdit('SMITH', 'MSITH')).toBe(true);
    expect(withinOneEdit('SMITH', 'SMYTE')).toBe(false);
    expect(withinOneEdit('LI', 'IL')).toBe(true);
    expect(withinOneEdit('LI', 'LIEE')).toBe(false);
  });
});

describe('SearchIndex over 20k synthetic orders', () => {
  const docs = syntheticDocs(20_000, 11, 4000);
  const index = new SearchIndex();
  beforeAll(() => {
    for (const d of docs) index.upsert(d, 'registry-cache');
  });

  it('finds the person for any single-letter typo of the surname (property)', () => {
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.integer({ min: 1, max: 2 ** 30 }), (i, seed) => {
        const doc = docs[i] as SearchDoc;
        const name = doc.names[0];
        if (!name) return;
        const typo = oneTypo(name.last, prng(seed));
        const page = index.search({ surname: typo, given: name.first, offset: 0, limit: 25 });
        expect(foundPerson(page.hits, doc)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a protected person and an exact name first', () => {
    const doc = docs.find((d) => d.names.length > 1) as SearchDoc;
    const p = doc.names[1];
    const page = index.search({
      surname: p?.last,
      given: p?.first,
      dob: p?.dob ?? undefined,
      offset: 0,
      limit: 25,
    });
    expect(page.hits[0]?.id).toBe(doc.id);
    expect(page.hits[0]?.match?.role).toBe('protected');
    expect(page.hits[0]?.match?.score).toBe(1.5);
  });

  it('looks up case number, licence, FCN and DOB exactly', () => {
    const doc = docs[1235] as SearchDoc;
    const byCase = index.search({
      caseNumber: doc.caseNumber.toLowerCase().replace(/-/g, ' '),
      offset: 0,
      limit: 25,
    });
    expect(byCase.hits.map((h) => h.id)).toEqual([doc.id]);
    expect(
      index.search({ licence: doc.licences[0], offset: 0, limit: 25 }).hits.map((h) => h.id),
    ).toEqual([doc.id]);
    const even = docs[1234] as SearchDoc;
    expect(
      index.search({ fcn: even.fcn ?? '', offset: 0, limit: 25 }).hits.map((h) => h.id),
    ).toEqual([even.id]);
    const dob = doc.names[0]?.dob ?? '';
    const byDob = index.search({ dob, offset: 0, limit: 100 });
    const expected = docs.filter((d) => d.names.some((n) => n.dob === dob)).map((d) => d.id);
    expect(new Set(byDob.hits.map((h) => h.id))).toEqual(new Set(expected));
    expect(index.search({ caseNumber: 'NO-SUCH-CASE', offset: 0, limit: 25 }).total).toBe(0);
  });

  it('pages without overlap, in score order, with the right total', () => {
    const surname = docs[0]?.names[0]?.last ?? '';
    const first = index.search({ surname, offset: 0, limit: 25 });
    const seen: string[] = [];
    for (let offset = 0; offset < first.total; offset += 25) {
      const page = index.search({ surname, offset, limit: 25 });
      expect(page.total).toBe(first.total);
      seen.push(...page.hits.map((h) => h.id));
    }
    expect(new Set(seen).size).toBe(first.total);
    const scores = seen.slice(0, 50).map((id) => id);
    expect(scores.length).toBeGreaterThan(0);
    const all = index.search({ surname, offset: 0, limit: first.total });
    const s = all.hits.map((h) => h.match?.score ?? 0);
    expect([...s].sort((a, b) => b - a)).toEqual(s);
  });

  it('refuses an empty search with a clear message', () => {
    expect(() => index.search({ surname: ' ', offset: 0, limit: 25 })).toThrow(SearchInputError);
  });
});

describe('SearchIndex updates', () => {
  const doc: SearchDoc = {
    id: 'o-1',
    caseNumber: 'FL-2026-000123',
    orderType: 'DV-110',
    status: 'queued',
    updatedAt: '2026-12-01T10:00:00-08:00',
    fcn: null,
    names: [{ role: 'restrained', last: 'Peña', first: 'José', dob: '1980-02-03' }],
    licences: ['D1234567'],
  };

  it('keeps one row per order, labels its copies and follows changes and removals', () => {
    const index = new SearchIndex();
    index.upsert(doc, 'workstation');
    index.upsert({ ...doc, status: 'acknowledged', fcn: '1234' }, 'registry-cache');
    let page = index.search({ surname: 'pena', offset: 0, limit: 25 });
    expect(page.hits).toHaveLength(1);
    expect(page.hits[0]).toMatchObject({
      status: 'acknowledged',
      copies: ['workstation', 'registry-cache'],
    });
    // Our own copy does not overwrite the registry's.
    index.upsert({ ...doc, status: 'queued' }, 'workstation');
    expect(index.search({ surname: 'pena', offset: 0, limit: 25 }).hits[0]?.status).toBe(
      'acknowledged',
    );
    index.upsert(
      { ...doc, names: [{ role: 'restrained', last: 'Lopez', first: 'José', dob: null }] },
      'registry-cache',
    );
    expect(index.search({ surname: 'pena', offset: 0, limit: 25 }).total).toBe(0);
    expect(index.search({ surname: 'lopes', offset: 0, limit: 25 }).total).toBe(1);
    index.remove('o-1', 'registry-cache');
    page = index.search({ caseNumber: 'fl2026000123', offset: 0, limit: 25 });
    expect(page.hits[0]?.copies).toEqual(['workstation']);
    index.remove('o-1', 'workstation');
    expect(index.size).toBe(0);
    expect(index.search({ caseNumber: 'fl2026000123', offset: 0, limit: 25 }).total).toBe(0);
  });

  it('stays correct across a compaction after many updates', () => {
    const index = new SearchIndex();
    for (let v = 0; v < 3000; v += 1) {
      index.upsert({ ...doc, status: `s${v}` }, 'registry-cache');
    }
    const page = index.search({ surname: 'Pena', given: 'Jose', offset: 0, limit: 25 });
    expect(page.total).toBe(1);
    expect(page.hits[0]?.status).toBe('s2999');
  });

  it('matches as you type by prefix when asked', () => {
    const index = new SearchIndex();
    index.upsert(
      { ...doc, names: [{ role: 'restrained', last: 'Abernathyson', first: 'Al', dob: null }] },
      'workstation',
    );
    expect(index.search({ surname: 'Abe', offset: 0, limit: 25 }).total).toBe(0);
    expect(index.search({ surname: 'Abe', prefix: true, offset: 0, limit: 25 }).total).toBe(1);
  });
});
