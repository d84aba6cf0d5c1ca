/**
 * The TypeScript Double Metaphone gives exactly PostgreSQL's fuzzystrmatch dmetaphone() and
 * dmetaphone_alt() codes (the real extension in PGlite is the oracle), over named edge cases
 * and 5,000 random letter strings.
 */
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { doubleMetaphone } from '../../../src/shared/search/doubleMetaphone';
import { seededRandom } from '../../helpers/faultProxy';

import { SURNAMES } from './fixtures';

const EDGE = [
  'Smith',
  'Schmidt',
  'Xavier',
  'Michael',
  'Chianti',
  'Caesar',
  'Gallegos',
  'Cabrillo',
  'Jose',
  'San Jacinto',
  'Yankelovich',
  'Zhao',
  'Filipowicz',
  'Arnow',
  'Breaux',
  'Tagliaro',
  'Hugh',
  'Laugh',
  'McLaughlin',
  'Edge',
  'Edgar',
  'Rogier',
  'Hochmeier',
  'Island',
  'Sugar',
  'Schermerhorn',
  'School',
  'Resnais',
  'Thomas',
  'Wasserman',
  'Womo',
  'Campbell',
  'Dumb',
  'Thumber',
  'Czerny',
  'Focaccia',
  'Bellocchio',
  'Bacchus',
  'Accident',
  'Succeed',
  'McHugh',
  'Mac Caffrey',
  'Danger',
  'Biaggi',
  'Van Chester',
  'Orchestra',
  'Ghislane',
  'Cagney',
  'Agnes',
  'Gnome',
  'Knight',
  'Psmith',
  'Wright',
  'Schenker',
  'Bajador',
  'Tichner',
  'Wachtler',
  'Gough',
  'Broughton',
  'Schlesinger',
  'Jankelowicz',
  'Ng',
  'Obrien',
  'De La Cruz',
  'A',
  'Ww',
  'Jj',
];

describe('Double Metaphone matches PostgreSQL fuzzystrmatch', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create({ extensions: { fuzzystrmatch } });
    await pg.exec('CREATE EXTENSION fuzzystrmatch');
  });
  afterAll(() => pg.close());

  it('on edge cases, the test surnames and 5,000 random strings', async () => {
    const rnd = seededRandom(2026);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZAEIOUSCHTGHWZ ';
    const random = Array.from({ length: 5000 }, () => {
      const n = 1 + Math.floor(rnd() * 10);
      let w = '';
      for (let i = 0; i < n; i += 1) w += alphabet[Math.floor(rnd() * alphabet.length)] ?? 'A';
      return w.trim() || 'A';
    });
    const names = [...EDGE, ...SURNAMES, ...random];
    const res = await pg.query<{ n: string; p: string; a: string }>(
      'SELECT n, dmetaphone(n) AS p, dmetaphone_alt(n) AS a FROM unnest($1::text[]) AS n',
      [names],
    );
    const mismatches = res.rows
      .filter((r) => {
        const [p, a] = doubleMetaphone(r.n);
        return p !== r.p || a !== r.a;
      })
      .map((r) => `${r.n}: pg ${r.p}/${r.a} ts ${doubleMetaphone(r.n).join('/')}`);
    expect(res.rows.length).toBe(names.length);
    expect(mismatches).toEqual([]);
  });
});
