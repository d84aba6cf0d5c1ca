import { describe, expect, it } from 'vitest';

import { parseAamva } from '../../../../src/shared/aamva';
import { buildAamva } from '../../../fixtures/aamva/generator';

// Each vector lists its elements explicitly (not via personElements) so the expected values
// here are written independently of the generator's own encoding rules.

describe('AAMVA version 01 (DL/ID-2000)', () => {
  const payload = buildAamva({
    iin: '636014',
    version: 1,
    subfiles: [
      {
        type: 'DL',
        elements: [
          ['DAQ', 'D1234567'],
          ['DAA', 'DOE,JANE,ELIZABETH'],
          ['DAG', '1 CIVIC CENTER PLZ'],
          ['DAI', 'SANTA ANA'],
          ['DAJ', 'CA'],
          ['DAK', '92701'],
          ['DAR', 'C'],
          ['DBA', '20300115'],
          ['DBB', '19850704'],
          ['DBC', 'F'],
          ['DAU', '506'],
          ['DAW', '140'],
          ['DAY', 'GRN'],
          ['DAZ', 'BLN'],
        ],
      },
    ],
  });

  it('has no jurisdiction version in the header', () => {
    expect(payload.slice(0, 21)).toBe('@\n\x1e\rANSI 6360140101DL');
    const r = parseAamva(payload);
    expect(r.header).toMatchObject({ version: 1, jurisdictionVersion: null, iin: '636014' });
    expect(r.header.subfiles).toEqual([
      { type: 'DL', offset: 29, length: payload.length - 29, foundBy: 'directory' },
    ]);
  });

  it('splits DAA, reads CCYYMMDD dates and feet-inches height', () => {
    const r = parseAamva(payload);
    expect(r.licence).toEqual({
      version: 1,
      jurisdiction: 'CA',
      familyName: 'DOE',
      givenName: 'JANE',
      middleName: 'ELIZABETH',
      suffix: null,
      dob: '1985-07-04',
      sex: 'F',
      eyeColor: 'GRN',
      hairColor: 'BLN',
      height: { feet: 5, inches: 6 },
      weight: 140,
      street: '1 CIVIC CENTER PLZ',
      city: 'SANTA ANA',
      state: 'CA',
      postalCode: '92701',
      licenseNumber: 'D1234567',
      expires: '2030-01-15',
    });
    expect(r.warnings).toEqual([]);
    expect(r.unmapped).toEqual([]);
    expect(r.filled).not.toContain('suffix');
    expect(r.filled).toContain('height');
  });

  it('takes DAB/DAC/DAD/DAE and DAV (cm) when a v01 card uses them, and DBJ for the number', () => {
    const r = parseAamva(
      buildAamva({
        iin: '636014',
        version: 1,
        subfiles: [
          {
            type: 'DL',
            elements: [
              ['DAB', 'ROE'],
              ['DAC', 'RICHARD'],
              ['DAD', 'NONE'],
              ['DAE', 'III'],
              ['DBJ', 'C7654321'],
              ['DAV', '183'],
              ['DBC', '1'],
            ],
          },
        ],
      }),
    );
    expect(r.licence).toMatchObject({
      familyName: 'ROE',
      givenName: 'RICHARD',
      middleName: null,
      suffix: 'III',
      licenseNumber: 'C7654321',
      height: { feet: 6, inches: 0 },
      sex: 'M',
    });
    expect(r.warnings.join(' ')).toContain('DBJ');
  });
});

describe('AAMVA version 03 (CDS 2005)', () => {
  const elements: Array<[string, string]> = [
    ['DCA', 'C'],
    ['DCB', 'NONE'],
    ['DCD', 'NONE'],
    ['DBA', '08312029'],
    ['DCS', 'PUBLIC'],
    ['DCT', 'JOHN,QUINCY'],
    ['DCU', 'SR'],
    ['DBD', '08312021'],
    ['DBB', '02291972'],
    ['DBC', '1'],
    ['DAY', 'BLU'],
    ['DAU', '072 IN'],
    ['DAG', '742 EVERGREEN TER'],
    ['DAI', 'SPRINGFIELD'],
    ['DAJ', 'IL'],
    ['DAK', '627040000  '],
    ['DAQ', 'P123-4567-8901'],
    ['DCF', 'ABC123'],
    ['DCG', 'USA'],
    ['DAZ', 'BAL'],
    ['DAW', '210'],
  ];

  it('splits DCT into given and middle names and reads MMDDCCYY dates', () => {
    const r = parseAamva(
      buildAamva({ version: 3, jurisdictionVersion: 0, subfiles: [{ type: 'DL', elements }] }),
    );
    expect(r.header.jurisdictionVersion).toBe(0);
    expect(r.licence).toEqual({
      version: 3,
      jurisdiction: 'IL',
      familyName: 'PUBLIC',
      givenName: 'JOHN',
      middleName: 'QUINCY',
      suffix: 'SR',
      dob: '1972-02-29',
      sex: 'M',
      eyeColor: 'BLU',
      // NCIC has no bald code: bald is filed as XXX.
      hairColor: 'XXX',
      height: { feet: 6, inches: 0 },
      weight: 210,
      street: '742 EVERGREEN TER',
      city: 'SPRINGFIELD',
      state: 'IL',
      postalCode: '62704',
      licenseNumber: 'P123-4567-8901',
      expires: '2029-08-31',
    });
  });

  it('accepts a space instead of the comma in DCT', () => {
    const spaced = elements.map(([id, v]): [string, string] =>
      id === 'DCT' ? [id, 'JOHN QUINCY'] : [id, v],
    );
    const r = parseAamva(buildAamva({ version: 3, subfiles: [{ type: 'DL', elements: spaced }] }));
    expect([r.licence.givenName, r.licence.middleName]).toEqual(['JOHN', 'QUINCY']);
  });
});

/** A v04+ style DL subfile; `over` replaces or adds elements. */
function modern(over: Record<string, string> = {}): Array<[string, string]> {
  const base: Record<string, string> = {
    DCA: 'C',
    DCB: 'NONE',
    DCD: 'NONE',
    DBA: '04152031',
    DCS: 'SAMPLE',
    DAC: 'ALEX',
    DAD: 'JORDAN,LEE',
    DBD: '04152023',
    DBB: '12011990',
    DBC: '9',
    DAY: 'DIC',
    DAU: '065 IN',
    DAG: '500 W TEMPLE ST',
    DAI: 'LOS ANGELES',
    DAJ: 'CA',
    DAK: '900121234  ',
    DAQ: 'Y7654321',
    DCF: '04/15/2023',
    DCG: 'USA',
    DDE: 'N',
    DDF: 'N',
    DDG: 'N',
    DAZ: 'RED',
    DAW: '150',
    ...over,
  };
  return Object.entries(base);
}

describe.each([8, 9, 10])('AAMVA version %i', (version) => {
  it('reads DCS/DAC/DAD names, sex 9 as X, DIC eyes as NCIC MUL, ZIP+4', () => {
    const r = parseAamva(
      buildAamva({
        iin: '636014',
        version,
        jurisdictionVersion: 1,
        subfiles: [
          { type: 'DL', elements: modern() },
          {
            type: 'ZC',
            elements: [
              ['ZCA', 'BRN'],
              ['ZCB', 'NONE'],
            ],
          },
        ],
      }),
    );
    expect(r.header).toMatchObject({ version, jurisdictionVersion: 1 });
    expect(r.header.subfiles.map((s) => [s.type, s.foundBy])).toEqual([
      ['DL', 'directory'],
      ['ZC', 'directory'],
    ]);
    expect(r.licence).toEqual({
      version,
      jurisdiction: 'CA',
      familyName: 'SAMPLE',
      givenName: 'ALEX',
      middleName: 'JORDAN LEE',
      suffix: null,
      dob: '1990-12-01',
      sex: 'X',
      eyeColor: 'MUL',
      hairColor: 'RED',
      height: { feet: 5, inches: 5 },
      weight: 150,
      street: '500 W TEMPLE ST',
      city: 'LOS ANGELES',
      state: 'CA',
      postalCode: '90012-1234',
      licenseNumber: 'Y7654321',
      expires: '2031-04-15',
    });
    expect(r.elements.DCF).toBe('04/15/2023');
    expect(r.warnings).toEqual([]);
  });
});

describe('AAMVA version 10 special values', () => {
  it('reports a weight range and an unknown hair code as unmapped, and truncation flags', () => {
    const els = modern({ DAZ: 'PUR', DDE: 'T' }).filter(([id]) => id !== 'DAW');
    els.push(['DCE', '4']);
    const r = parseAamva(buildAamva({ version: 10, subfiles: [{ type: 'DL', elements: els }] }));
    expect(r.licence.weight).toBeNull();
    expect(r.licence.hairColor).toBeNull();
    expect(r.unmapped).toEqual([
      expect.objectContaining({ field: 'hairColor', element: 'DAZ', raw: 'PUR' }),
      expect.objectContaining({ field: 'weight', element: 'DCE', raw: '4' }),
    ]);
    expect(r.unmapped.find((u) => u.field === 'weight')?.reason).toContain('161–190 lb');
    expect(r.filled).not.toContain('weight');
    expect(r.warnings.join(' ')).toMatch(/family name is truncated/);
  });

  it('reads an ID card subfile when there is no DL subfile', () => {
    const r = parseAamva(
      buildAamva({ version: 10, subfiles: [{ type: 'ID', elements: modern() }] }),
    );
    expect(r.licence.familyName).toBe('SAMPLE');
  });
});
