import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLETS_TAGS,
  CletsFormatError,
  checkRecord,
  decodeMessage,
  decodeRecord,
  encodeMessage,
  encodeRecord,
  type CletsField,
} from '../../../../src/shared/clets';

const sample: CletsField[] = [
  { tag: 'MKE', value: 'EPO' },
  { tag: 'ORI', value: 'CA019015J' },
  { tag: 'NAM', value: 'SMITH, JOHN J' },
  { tag: 'SEX', value: 'M' },
  { tag: 'RAC', value: 'W' },
  { tag: 'DOB', value: '19511012' },
  { tag: 'HGT', value: '510' },
  { tag: 'WGT', value: '175' },
  { tag: 'PCO', value: '01' },
  { tag: 'PCO', value: '05' },
  { tag: 'MIS', value: 'STAY 100 YDS AWAY. NO CONTACT W/ CHILDREN' },
];

describe('encodeRecord', () => {
  it('writes TAG/value. for each field', () => {
    expect(encodeRecord(sample.slice(0, 4))).toBe('MKE/EPO.ORI/CA019015J.NAM/SMITH, JOHN J.SEX/M.');
  });

  it('escapes full stops, slashes, backslashes and line breaks in values', () => {
    expect(encodeRecord([{ tag: 'MIS', value: 'A.B/C\\D\nE\rF' }])).toBe(
      'MIS/A\\.B\\/C\\\\D\\nE\\rF.',
    );
  });

  it('keeps empty values and unicode as they are', () => {
    expect(
      encodeRecord([
        { tag: 'MIS', value: '' },
        { tag: 'PPN', value: 'NÚÑEZ, JOSÉ 😀' },
      ]),
    ).toBe('MIS/.PPN/NÚÑEZ, JOSÉ 😀.');
  });

  it('refuses an empty record and bad tags', () => {
    expect(() => encodeRecord([])).toThrow(/at least one field/);
    expect(() => encodeRecord([{ tag: 'nam', value: 'X' }])).toThrow(/Field 1 has tag "nam"/);
    expect(() => encodeRecord([{ tag: 'N.M', value: 'X' }])).toThrow(CletsFormatError);
    expect(() => encodeRecord([{ tag: 'NAMES', value: 'X' }])).toThrow(CletsFormatError);
  });
});

describe('decodeRecord', () => {
  it('reads back what encodeRecord wrote', () => {
    expect(decodeRecord(encodeRecord(sample))).toEqual(sample);
  });

  it.each([
    ['NAM/SMITH', /NAM field does not end with "\."/, 10],
    ['NAMSMITH.', /no "\/" between its tag and value/, 1],
    ['MKE/EPO.NAM', /field 2 "NAM" has no "\/"/, 9],
    ['nam/SMITH.', /tag "nam"/, 1],
    ['MIS/A\\x.', /unknown escape "\\x"/, 6],
    ['MIS/A/B.', /"\/" inside the MIS value/, 6],
    ['MIS/A\\', /unknown escape/, 6],
  ])('refuses %j with a clear message and position', (line, message, position) => {
    let error: unknown;
    try {
      decodeRecord(line);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CletsFormatError);
    expect((error as Error).message).toMatch(message);
    expect((error as CletsFormatError).position).toBe(position);
  });

  it('refuses an empty line and a raw line break', () => {
    expect(() => decodeRecord('')).toThrow(/line is empty/);
    expect(() => decodeRecord('MIS/A\nB.')).toThrow(/line break inside the MIS value/);
  });
});

describe('messages', () => {
  const second: CletsField[] = [
    { tag: 'MKE', value: 'EPO' },
    { tag: 'PPN', value: 'DOE, JANE' },
  ];

  it('writes one record per line and reads them back', () => {
    const text = encodeMessage([sample, second]);
    expect(text.split('\n')).toHaveLength(2);
    expect(decodeMessage(text)).toEqual([sample, second]);
  });

  it('accepts CRLF line endings, blank lines and a trailing newline', () => {
    const text = `${encodeRecord(second)}\r\n\r\n${encodeRecord(second)}\n`;
    expect(decodeMessage(text)).toEqual([second, second]);
    expect(decodeMessage('')).toEqual([]);
  });

  it('names the line of a malformed record', () => {
    let error: unknown;
    try {
      decodeMessage(`${encodeRecord(second)}\nPPN/DOE`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CletsFormatError);
    expect((error as Error).message).toMatch(/^Line 2: CLETS record is malformed at character 8/);
    expect((error as CletsFormatError).line).toBe(2);
  });
});

const tag = fc.oneof(
  fc.constantFrom(...CLETS_TAGS.map((t) => t.tag)),
  fc.stringMatching(/^[A-Z][A-Z0-9]{1,3}$/),
);
const value = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('.', '/', '\\', '\n', '\r', 'A', 'é', '😀', 'n', 'r') }),
);
const field = fc.record({ tag, value });
const record = fc.array(field, { minLength: 1, maxLength: 8 });

describe('codec properties', () => {
  it('decodeRecord(encodeRecord(x)) is exactly x', () => {
    fc.assert(
      fc.property(record, (fields) => {
        const line = encodeRecord(fields);
        expect(line).not.toMatch(/[\n\r]/);
        expect(decodeRecord(line)).toEqual(fields);
      }),
      { numRuns: 500 },
    );
  });

  it('decodeMessage(encodeMessage(x)) is exactly x', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), (records) => {
        expect(decodeMessage(encodeMessage(records))).toEqual(records);
      }),
    );
  });

  it('decodeRecord never crashes: it returns fields or throws CletsFormatError', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('.', '/', '\\', 'N', 'A', 'M', 'a', '1', '\n') }),
        (text) => {
          try {
            const fields = decodeRecord(text);
            expect(encodeRecord(fields)).toBe(text); // valid text has exactly one spelling
          } catch (e) {
            expect(e).toBeInstanceOf(CletsFormatError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('checkRecord', () => {
  it('passes a record that follows the tag table', () => {
    expect(checkRecord(sample)).toEqual([]);
  });

  it('reports each problem with the field index and a readable message', () => {
    const problems = checkRecord([
      { tag: 'NAM', value: 'SMITH, JOHN' },
      { tag: 'HGT', value: '512' },
      { tag: 'DOB', value: '20260230' },
      { tag: 'SEX', value: 'X' },
      { tag: 'SEX', value: 'M' },
      { tag: 'ZZZ', value: '1' },
      { tag: 'NAM', value: 'WOLFESCHLEGELSTEINHAUSENBERGER, HUBERT' },
      { tag: 'OLN', value: '' },
    ]);
    expect(problems.map((p) => [p.index, p.tag])).toEqual([
      [-1, 'MKE'],
      [1, 'HGT'],
      [2, 'DOB'],
      [3, 'SEX'],
      [4, 'SEX'],
      [5, 'ZZZ'],
      [6, 'NAM'],
      [6, 'NAM'],
      [7, 'OLN'],
    ]);
    expect(problems[1]?.message).toMatch(/510 for 5 ft 10 in/);
    expect(problems[2]?.message).toMatch(/not a real calendar date/);
    expect(problems[3]?.message).toMatch(/not one of M, F, U/);
    expect(problems[4]?.message).toMatch(/more than once/);
    expect(problems[7]?.message).toMatch(/most allowed is 30/);
  });

  it('accepts NONEXP as an expiration and repeated PCO codes', () => {
    expect(
      checkRecord([
        { tag: 'MKE', value: 'EPO' },
        { tag: 'EXP', value: 'NONEXP' },
        { tag: 'PCO', value: '01' },
        { tag: 'PCO', value: '07' },
      ]),
    ).toEqual([]);
  });
});
