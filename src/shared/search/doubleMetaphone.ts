/**
 * Double Metaphone (Lawrence Philips, 2000) in plain TypeScript, producing the same 4-character
 * primary and alternate codes as PostgreSQL's `fuzzystrmatch` `dmetaphone()` / `dmetaphone_alt()`.
 *
 * Why in TS and not in SQL: the registry runs on PGlite (PostgreSQL 18) and on PostgreSQL 15, and
 * the workstation searches its offline cache in the renderer. Computing the codes once, here, and
 * storing them in an indexed column keeps all three identical by construction. The registry's
 * tests compare this module with PostgreSQL's own `dmetaphone()` over a name corpus.
 *
 * Input: a name. Letters outside A–Z (after upper-casing) are skipped like PostgreSQL does;
 * callers normalise accents first (see `foldName`). Output: `[primary, alternate]`, each ≤ 4 chars.
 */

import {
  letterC,
  letterG,
  letterJ,
  letterS,
  letterT,
  letterW,
  type DmState,
} from './doubleMetaphoneRules';

const MAX = 4;

/** Returns `[primary, alternate]` Double Metaphone codes (each at most 4 characters). */
export function doubleMetaphone(input: string): [string, string] {
  const upper = input.toUpperCase();
  const length = upper.length;
  const last = length - 1;
  // Padded like the C original so look-aheads past the end read spaces, not undefined.
  const s = `${upper}     `;
  const padded = s.length;
  let primary = '';
  let secondary = '';
  let current = 0;

  const at = (pos: number): string => (pos < 0 || pos >= padded ? '' : (s[pos] ?? ''));
  const isVowel = (pos: number): boolean => 'AEIOUY'.includes(at(pos) || '#');
  /** True when the text at `start` begins with one of `options` (all the same length). */
  const has = (start: number, ...options: string[]): boolean => {
    if (start < 0 || start >= padded) return false;
    const len = options[0]?.length ?? 0;
    const chunk = s.slice(start, start + len);
    return options.includes(chunk);
  };
  const slavoGermanic = /W|K|CZ|WITZ/.test(s);
  const add = (p: string, a: string = p): void => {
    primary += p;
    secondary += a;
  };

  const st: DmState = { last, slavoGermanic, at, isVowel, has, add };

  if (has(0, 'GN', 'KN', 'PN', 'WR', 'PS')) current += 1;
  if (at(0) === 'X') {
    add('S'); // initial X sounds like Z, e.g. Xavier
    current += 1;
  }

  while (primary.length < MAX || secondary.length < MAX) {
    if (current >= length) break;
    const c = at(current);
    switch (c) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
      case 'Y':
        if (current === 0) add('A');
        current += 1;
        break;
      case 'B':
        add('P');
        current += at(current + 1) === 'B' ? 2 : 1;
        break;
      case 'Ç':
        add('S');
        current += 1;
        break;
      case 'C':
        current = letterC(st, current);
        break;
      case 'D':
        if (has(current, 'DG')) {
          if (has(current + 2, 'I', 'E', 'Y')) {
            add('J'); // edge
            current += 3;
          } else {
            add('TK'); // edgar
            current += 2;
          }
        } else if (has(current, 'DT', 'DD')) {
          add('T');
          current += 2;
        } else {
          add('T');
          current += 1;
        }
        break;
      case 'F':
        current += at(current + 1) === 'F' ? 2 : 1;
        add('F');
        break;
      case 'G':
        current = letterG(st, current);
        break;
      case 'H':
        // Kept only when first or between vowels and before a vowel.
        if ((current === 0 || isVowel(current - 1)) && isVowel(current + 1)) {
          add('H');
          current += 2;
        } else current += 1;
        break;
      case 'J':
        current = letterJ(st, current);
        break;
      case 'K':
        current += at(current + 1) === 'K' ? 2 : 1;
        add('K');
        break;
      case 'L':
        if (at(current + 1) === 'L') {
          // Spanish -illo, -illa, -alle (cabrillo, gallegos)
          if (
            (current === length - 3 && has(current - 1, 'ILLO', 'ILLA', 'ALLE')) ||
            ((has(last - 1, 'AS', 'OS') || has(last, 'A', 'O')) && has(current - 1, 'ALLE'))
          ) {
            add('L', '');
            current += 2;
            break;
          }
          current += 2;
        } else current += 1;
        add('L');
        break;
      case 'M':
        if (
          (has(current - 1, 'UMB') && (current + 1 === last || has(current + 2, 'ER'))) ||
          at(current + 1) === 'M'
        )
          current += 2;
        else current += 1;
        add('M');
        break;
      case 'N':
        current += at(current + 1) === 'N' ? 2 : 1;
        add('N');
        break;
      case 'Ñ':
        current += 1;
        add('N');
        break;
      case 'P':
        if (at(current + 1) === 'H') {
          add('F');
          current += 2;
          break;
        }
        current += has(current + 1, 'P', 'B') ? 2 : 1; // campbell, raspberry
        add('P');
        break;
      case 'Q':
        current += at(current + 1) === 'Q' ? 2 : 1;
        add('K');
        break;
      case 'R':
        // French -ier at the end (rogier), but not hochmeier
        if (
          current === last &&
          !slavoGermanic &&
          has(current - 2, 'IE') &&
          !has(current - 4, 'ME', 'MA')
        )
          add('', 'R');
        else add('R');
        current += at(current + 1) === 'R' ? 2 : 1;
        break;
      case 'S':
        current = letterS(st, current);
        break;
      case 'T':
        current = letterT(st, current);
        break;
      case 'V':
        current += at(current + 1) === 'V' ? 2 : 1;
        add('F');
        break;
      case 'W':
        current = letterW(st, current);
        break;
      case 'X':
        // French -aux, -eaux at the end are silent (breaux)
        if (!(current === last && (has(current - 3, 'IAU', 'EAU') || has(current - 2, 'AU', 'OU'))))
          add('KS');
        current += has(current + 1, 'C', 'X') ? 2 : 1;
        break;
      case 'Z':
        if (at(current + 1) === 'H') {
          add('J'); // pinyin zhao
          current += 2;
          break;
        }
        if (
          has(current + 1, 'ZO', 'ZI', 'ZA') ||
          (slavoGermanic && current > 0 && at(current - 1) !== 'T')
        )
          add('S', 'TS');
        else add('S');
        current += at(current + 1) === 'Z' ? 2 : 1;
        break;
      default:
        current += 1;
    }
  }
  return [primary.slice(0, MAX), secondary.slice(0, MAX)];
}
