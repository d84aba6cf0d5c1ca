import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMarkerIn, normaliseName } from '../../../../src/shared/orders';

describe('normaliseName', () => {
  it('writes LAST, FIRST MIDDLE SUFFIX in capitals and says what changed', () => {
    const r = normaliseName({ last: 'Smith', first: 'John', middle: 'J.', suffix: 'Jr.' });
    expect(r).toEqual({
      ok: true,
      value: 'SMITH, JOHN J JR',
      parts: { last: 'SMITH', first: 'JOHN', middle: 'J', suffix: 'JR' },
      changes: ['removed periods', 'upper-cased'],
    });
  });

  it('removes accents, straightens apostrophes and collapses spaces', () => {
    const r = normaliseName({ last: '  O’Brien -  Nuñez ', first: 'José  Luis' });
    expect(r.ok && r.value).toBe("O'BRIEN-NUNEZ, JOSE LUIS");
    expect(r.ok && r.changes).toEqual([
      'removed accents',
      'straightened apostrophes or dashes',
      'upper-cased',
      'removed extra spaces',
    ]);
  });

  it('writes spelled-out suffixes the NCIC way and moves one typed in the last name', () => {
    const spelled = normaliseName({ last: 'Brennan', first: 'Sean', suffix: 'junior' });
    expect(spelled.ok && spelled.value).toBe('BRENNAN, SEAN JR');
    expect(spelled.ok && spelled.changes).toContain('wrote suffix JUNIOR as JR');
    const moved = normaliseName({ last: 'Brennan III', first: 'Sean' });
    expect(moved.ok && moved.value).toBe('BRENNAN, SEAN III');
    expect(moved.ok && moved.changes).toContain(
      'moved suffix III from the last name to after the given names',
    );
  });

  it('reports no change for a name already in NCIC form', () => {
    const r = normaliseName({ last: "D'ANGELO", first: 'MARIA', middle: 'LUISA' });
    expect(r).toMatchObject({ ok: true, value: "D'ANGELO, MARIA LUISA", changes: [] });
  });

  it('refuses digits and symbols instead of dropping them', () => {
    const r = normaliseName({ last: 'Smith3', first: 'J@ne' });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: 'last',
          message:
            'Last name may contain only letters, spaces, hyphens and apostrophes: remove "3".',
        },
        {
          path: 'first',
          message:
            'First name may contain only letters, spaces, hyphens and apostrophes: remove "@".',
        },
      ],
    });
  });

  it('requires last and first names', () => {
    const r = normaliseName({ last: ' ', first: '' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['last', 'first']);
  });

  it('refuses an unknown suffix', () => {
    const r = normaliseName({ last: 'Lee', first: 'Ann', suffix: 'Esq' });
    expect(!r.ok && r.errors[0]?.path).toBe('suffix');
  });

  it('caps the result at 30 characters and never truncates', () => {
    const ok = normaliseName({ last: 'Villanueva', first: 'Maximiliano', middle: 'A' });
    expect(ok.ok && ok.value).toBe('VILLANUEVA, MAXIMILIANO A');
    const exactly30 = normaliseName({ last: 'ABCDEFGHIJKLMN', first: 'ABCDEFGHIJKLMN' });
    expect(exactly30.ok && exactly30.value.length).toBe(30);
    const long = normaliseName({ last: 'ABCDEFGHIJKLMN', first: 'ABCDEFGHIJKLMNO' });
    expect(long.ok).toBe(false);
    expect(!long.ok && long.errors[0]?.message).toMatch(/31 characters; NCIC allows 30/);
  });

  it('is idempotent: normalising the normalised parts changes nothing', () => {
    const letters = fc.constantFrom(..."abcdeéñöxyzABZ '-.’–".split(''));
    const part = fc.array(letters, { minLength: 0, maxLength: 14 }).map((a) => a.join(''));
    const suffix = fc.constantFrom(undefined, 'jr', 'Jr.', 'III', 'senior', '2nd', 'x');
    fc.assert(
      fc.property(
        part,
        part,
        fc.option(part, { nil: undefined }),
        suffix,
        (last, first, middle, sfx) => {
          const once = normaliseName({ last, first, middle, suffix: sfx });
          if (!once.ok) return;
          const twice = normaliseName(once.parts);
          expect(twice).toEqual({ ok: true, value: once.value, parts: once.parts, changes: [] });
          expect(once.value.length).toBeLessThanOrEqual(30);
          expect(once.value).toMatch(/^[A-Z' -]+, [A-Z' -]+$/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('businessMarkerIn', () => {
  it('spots business words and the ampersand', () => {
    expect(businessMarkerIn({ last: 'Towing LLC', first: 'Acme' })).toBe('LLC');
    expect(businessMarkerIn({ last: 'Holdings', first: 'Pacific' })).toBe('HOLDINGS');
    expect(businessMarkerIn({ last: 'Smith & Sons', first: 'Bob' })).toBe('&');
    expect(businessMarkerIn({ last: 'Widgets', first: 'Acme', suffix: 'Inc.' })).toBe('INC');
  });

  it('does not mistake surnames for businesses', () => {
    expect(businessMarkerIn({ last: 'Church', first: 'Ellen' })).toBeUndefined();
    expect(businessMarkerIn({ last: 'Banks', first: 'Tyra' })).toBeUndefined();
    expect(businessMarkerIn({ last: 'Incardona', first: 'Corpus' })).toBeUndefined();
  });
});
