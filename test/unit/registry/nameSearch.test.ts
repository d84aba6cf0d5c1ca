import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { doubleMetaphone } from '../../../src/shared/search/doubleMetaphone';
import { editKeys, foldName, nameCodes } from '../../../src/shared/search/foldName';

describe('doubleMetaphone', () => {
  it('gives the published codes for well-known names', () => {
    expect(doubleMetaphone('Smith')).toEqual(['SM0', 'XMT']);
    expect(doubleMetaphone('Schmidt')).toEqual(['XMT', 'SMT']);
    expect(doubleMetaphone('Thompson')).toEqual(['TMPS', 'TMPS']);
    expect(doubleMetaphone('Jose')).toEqual(['HS', 'HS']);
    expect(doubleMetaphone('Xavier')).toEqual(['SF', 'SFR']);
    expect(doubleMetaphone('Michael')).toEqual(['MKL', 'MXL']);
  });

  it('never returns codes longer than 4 characters, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const [p, a] = doubleMetaphone(s);
        expect(p.length).toBeLessThanOrEqual(4);
        expect(a.length).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('foldName and nameCodes', () => {
  it('drops accents and apostrophes, upper-cases and turns other punctuation into spaces', () => {
    expect(foldName("Peña-O'Brien, Jr.")).toBe('PENA OBRIEN JR');
    expect(foldName('  Nguyễn  ')).toBe('NGUYEN');
    expect(foldName('Straße')).toBe('STRASSE');
  });

  it('gives no phonetic code for names without Latin letters (trigram search still applies)', () => {
    expect(nameCodes(foldName('王'))).toEqual(['', '']);
    expect(nameCodes(foldName('Gárcia'))).toEqual(doubleMetaphone('GARCIA'));
  });
});

describe('editKeys', () => {
  const typo = (name: string, op: number, pos: number, letter: string): string => {
    const i = pos % name.length;
    switch (op) {
      case 0:
        return name.slice(0, i) + letter + name.slice(i + 1);
      case 1:
        return name.slice(0, i) + name.slice(i + 1);
      case 2:
        return name.slice(0, i) + letter + name.slice(i);
      default: {
        const j = Math.min(i, name.length - 2);
        return name.slice(0, j) + (name[j + 1] ?? '') + (name[j] ?? '') + name.slice(j + 2);
      }
    }
  };

  it('lists the name and each one-letter deletion', () => {
    expect(editKeys('LEE').sort()).toEqual(['EE', 'LE', 'LEE']);
    expect(editKeys('DE LA CRUZ')).toContain('DELACRUZ');
    expect(editKeys('')).toEqual([]);
  });

  it('shares a key between any name and any one-letter typo of it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2,12}$/),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        (name, op, pos, letter) => {
          const t = typo(name, op, pos, letter);
          const keys = new Set(editKeys(name));
          expect(editKeys(t).some((k) => keys.has(k))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
