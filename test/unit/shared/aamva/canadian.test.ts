import { describe, expect, it } from 'vitest';

import { parseAamva } from '../../../../src/shared/aamva';
import { buildAamva } from '../../../fixtures/aamva/generator';

describe('Canadian card (Ontario, v10)', () => {
  const payload = buildAamva({
    iin: '636012',
    version: 10,
    jurisdictionVersion: 0,
    subfiles: [
      {
        type: 'DL',
        elements: [
          ['DCA', 'G'],
          ['DCB', 'NONE'],
          ['DCD', 'NONE'],
          ['DBA', '20290916'],
          ['DCS', 'TREMBLAY'],
          ['DAC', 'LUC'],
          ['DAD', 'NONE'],
          ['DBD', '20240916'],
          ['DBB', '19880916'],
          ['DBC', '1'],
          ['DAY', 'GRY'],
          ['DAU', '180 cm'],
          ['DAX', '082'],
          ['DAZ', 'WHI'],
          ['DAG', '77 KING ST W'],
          ['DAI', 'TORONTO'],
          ['DAJ', 'ON'],
          ['DAK', 'M5K1A1     '],
          ['DAQ', 'T7072-12345-80916'],
          ['DCF', 'ON0123456'],
          ['DCG', 'CAN'],
          ['DDE', 'N'],
          ['DDF', 'N'],
          ['DDG', 'N'],
        ],
      },
    ],
  });

  it('reads CCYYMMDD dates, cm and kg, and formats the postal code', () => {
    const r = parseAamva(payload);
    expect(r.country).toBe('CAN');
    expect(r.licence).toEqual({
      version: 10,
      jurisdiction: 'ON',
      familyName: 'TREMBLAY',
      givenName: 'LUC',
      middleName: null,
      suffix: null,
      dob: '1988-09-16',
      sex: 'M',
      eyeColor: 'GRY',
      hairColor: 'WHI',
      height: { feet: 5, inches: 11 },
      weight: 181,
      street: '77 KING ST W',
      city: 'TORONTO',
      state: 'ON',
      postalCode: 'M5K 1A1',
      licenseNumber: 'T7072-12345-80916',
      expires: '2029-09-16',
    });
  });

  it('decides the date order by DCG, not by the issuer number', () => {
    // A Canadian-format card under a US issuer number still reads as CCYYMMDD.
    const r = parseAamva(payload.replace('636012', '636014'));
    expect(r.licence.dob).toBe('1988-09-16');
    expect(r.licence.jurisdiction).toBe('CA');
  });
});
