import { describe, expect, it } from 'vitest';

import {
  editDistance,
  namePartMatches,
  samePerson,
} from '../../../../src/shared/search/personMatch';

describe('person matching for conflict checks', () => {
  it('measures edit distance', () => {
    expect(editDistance('GARCIA', 'GARCIA')).toBe(0);
    expect(editDistance('GARCIA', 'GRACIA')).toBe(2);
    expect(editDistance('SMITH', 'SMYTH')).toBe(1);
    expect(editDistance('A', 'ABCDE', 2)).toBe(3);
  });

  it.each([
    ['Garcia', 'Garcia', true],
    ['Garcia', 'Garcla', true],
    ['Peña', 'PENA', true],
    ["O'Brien", 'OBRIEN', true],
    ['Smith', 'Smyth', true],
    ['Catherine', 'Kathryn', true],
    ['Garcia', 'Nguyen', false],
    ['', 'Nguyen', false],
  ])('%s ~ %s → %s', (a, b, ok) => {
    expect(namePartMatches(a, b)).toBe(ok);
  });

  it('requires agreeing dates of birth when both are known', () => {
    const a = { last: 'Doe', first: 'John', dob: '1980-01-02' };
    expect(samePerson(a, { last: 'Doe', first: 'Jon', dob: '1980-01-02' })).toMatch(/same name/);
    expect(samePerson(a, { last: 'Doe', first: 'John', dob: '1981-01-02' })).toBeNull();
    expect(samePerson(a, { last: 'Doe', first: 'John' })).toMatch(/missing/);
    expect(samePerson(a, { last: 'Roe', first: 'Mary', dob: '1980-01-02' })).toBeNull();
  });
});
