import { describe, expect, it } from 'vitest';

import {
  normaliseDate,
  normaliseEye,
  normaliseHair,
  normaliseHeight,
  normalisePostal,
  normaliseSex,
  normaliseWeight,
} from '../../../../src/shared/aamva/values';
import type { Notes } from '../../../../src/shared/aamva/values';

const notes = (): Notes => ({ unmapped: [], warnings: [] });

describe('dates', () => {
  it('reads MMDDCCYY and CCYYMMDD and falls back to the other order with a warning', () => {
    const n = notes();
    expect(normaliseDate('09231980', 'MDY', 'dob', 'DBB', n)).toBe('1980-09-23');
    expect(normaliseDate('19800923', 'YMD', 'dob', 'DBB', n)).toBe('1980-09-23');
    expect(n.warnings).toEqual([]);
    expect(normaliseDate('19800923', 'MDY', 'dob', 'DBB', n)).toBe('1980-09-23');
    expect(n.warnings).toHaveLength(1);
  });

  it('rejects impossible dates as unmapped', () => {
    const n = notes();
    expect(normaliseDate('02301980', 'MDY', 'dob', 'DBB', n)).toBeNull();
    expect(normaliseDate('0923198', 'MDY', 'expires', 'DBA', n)).toBeNull();
    expect(n.unmapped.map((u) => u.field)).toEqual(['dob', 'expires']);
  });
});

describe('sex', () => {
  it.each([
    ['1', 'M'],
    ['2', 'F'],
    ['9', 'X'],
    ['M', 'M'],
    ['f', 'F'],
  ])('%s → %s', (raw, sex) => {
    expect(normaliseSex(raw, notes())).toBe(sex);
  });

  it('records an unknown code as U and says so', () => {
    const n = notes();
    expect(normaliseSex('0', n)).toBe('U');
    expect(n.unmapped[0]).toMatchObject({ field: 'sex', element: 'DBC', raw: '0' });
  });
});

describe('eye and hair colours', () => {
  it('maps AAMVA codes, NCIC codes and words to NCIC', () => {
    const n = notes();
    expect(normaliseEye('DIC', n)).toBe('MUL');
    expect(normaliseEye('UNK', n)).toBe('XXX');
    expect(normaliseEye('Hazel', n)).toBe('HAZ');
    expect(normaliseHair('BAL', n)).toBe('XXX');
    expect(normaliseHair('blonde', n)).toBe('BLN');
    expect(normaliseHair('ONG', n)).toBe('ONG');
    expect(n.unmapped).toEqual([]);
  });

  it('reports values with no NCIC code', () => {
    const n = notes();
    expect(normaliseEye('AMB', n)).toBeNull();
    expect(normaliseHair('TEAL', n)).toBeNull();
    expect(n.unmapped.map((u) => [u.field, u.raw])).toEqual([
      ['eyeColor', 'AMB'],
      ['hairColor', 'TEAL'],
    ]);
  });
});

describe('height', () => {
  it.each([
    ['069 IN', 'DAU', 10, { feet: 5, inches: 9 }],
    ['175 cm', 'DAU', 10, { feet: 5, inches: 9 }],
    ['175 CM', 'DAU', 4, { feet: 5, inches: 9 }],
    ['069', 'DAU', 8, { feet: 5, inches: 9 }],
    ['509', 'DAU', 1, { feet: 5, inches: 9 }],
    ['5\'-09"', 'DAU', 1, { feet: 5, inches: 9 }],
    ['5-9', 'DAU', 1, { feet: 5, inches: 9 }],
    ['175', 'DAV', 1, { feet: 5, inches: 9 }],
    // A v02+ card that still writes feet+inches: 510 inches is implausible, 5'10" is not.
    ['510', 'DAU', 8, { feet: 5, inches: 10 }],
  ])('%s (%s, v%i)', (raw, element, version, expected) => {
    expect(normaliseHeight(raw, element, version, notes())).toEqual(expected);
  });

  it('reports an unreadable height', () => {
    const n = notes();
    expect(normaliseHeight('TALL', 'DAU', 10, n)).toBeNull();
    expect(normaliseHeight('999 IN', 'DAU', 10, n)).toBeNull();
    expect(n.unmapped).toHaveLength(2);
  });
});

describe('weight', () => {
  it('reads pounds and converts kilograms', () => {
    const n = notes();
    expect(normaliseWeight('175', 'DAW', n)).toBe(175);
    expect(normaliseWeight('080', 'DAX', n)).toBe(176);
    expect(n.unmapped).toEqual([]);
  });

  it('reports the DCE range instead of inventing a weight', () => {
    const n = notes();
    expect(normaliseWeight('9', 'DCE', n)).toBeNull();
    expect(n.unmapped[0]?.reason).toContain('321 lb or more');
  });
});

describe('postal codes', () => {
  it.each([
    ['627010000  ', 'USA', '62701'],
    ['627011234  ', 'USA', '62701-1234'],
    ['62701', 'USA', '62701'],
    ['m5h2n2', 'CAN', 'M5H 2N2'],
    ['M5H 2N2    ', 'CAN', 'M5H 2N2'],
  ])('%j (%s) → %s', (raw, country, expected) => {
    expect(normalisePostal(raw, country)).toBe(expected);
  });
});
