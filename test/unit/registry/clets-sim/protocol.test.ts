import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  formatAnswer,
  formatRequest,
  formatRequestHeader,
  parseAnswer,
  parseRequestHeader,
  recordKey,
  REJECT_CODES,
  type Answer,
  type RejectCode,
} from '../../../../src/registry/clets-sim/protocol';

const messageId = fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/);
const fcn = fc.stringMatching(/^\d{13}$/);
const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    kind: fc.constant('ACK' as const),
    messageId,
    fcns: fc.array(fcn, { minLength: 1, maxLength: 5 }),
  }),
  fc.record({
    kind: fc.constant('REJ' as const),
    messageId,
    code: fc.constantFrom(...(Object.keys(REJECT_CODES) as RejectCode[])),
    record: fc.integer({ min: 0, max: 99 }),
    tag: fc.option(fc.stringMatching(/^[A-Z][A-Z0-9]{1,3}$/), { nil: null }),
    text: fc.stringMatching(/^[!-~]([ -~]{0,80}[!-~])?$/),
  }),
);

describe('CLETS simulator protocol', () => {
  it('reads back every answer it writes', () => {
    fc.assert(
      fc.property(answer, (a) => {
        expect(parseAnswer(formatAnswer(a))).toEqual(a);
      }),
    );
  });

  it('writes answers on one line, flattening line breaks in a reason', () => {
    const line = formatAnswer({
      kind: 'REJ',
      messageId: 'm-1',
      code: 'INV',
      record: 2,
      tag: 'HGT',
      text: 'bad\nheight',
    });
    expect(line).toBe('REJ m-1 INV 2 HGT bad height');
    expect(
      formatAnswer({ kind: 'ACK', messageId: 'm-2', fcns: ['2632900000001', '2632900000002'] }),
    ).toBe('ACK m-2 2632900000001 2632900000002');
  });

  it('does not mistake other lines for answers', () => {
    for (const line of [
      'PONG 1',
      'HELLO CLETS-SIM 1',
      'ACK m1 123',
      'REJ m1 XYZ 0 - nope',
      'ACK m1',
      '',
    ]) {
      expect(parseAnswer(line)).toBeNull();
    }
  });

  it('frames a request as a header and one line per record', () => {
    expect(formatRequest('R1-5', ['MKE/EPO.NAM/A, B.', 'MKE/EPO.NAM/C, D.'])).toBe(
      'MSG R1-5 2\nMKE/EPO.NAM/A, B.\nMKE/EPO.NAM/C, D.\n',
    );
    expect(parseRequestHeader('MSG R1-5 2')).toEqual({ messageId: 'R1-5', count: 2 });
  });

  it('refuses bad message ids, record counts and line breaks inside a record', () => {
    expect(() => formatRequestHeader('has space', 1)).toThrow(/Message id "has space"/);
    expect(() => formatRequestHeader('x'.repeat(65), 1)).toThrow(/1–64/);
    expect(() => formatRequestHeader('ok', 0)).toThrow(/1 to 99 records, not 0/);
    expect(() => formatRequest('ok', ['MKE/EPO.\nNAM/X.'])).toThrow(/line break/);
    for (const line of ['MSG a 0', 'MSG a 100', 'MSG a b', 'MSG  1', 'MSG a/b 1', 'msg a 1']) {
      expect(parseRequestHeader(line)).toBeNull();
    }
  });

  it('files a record under ORI, PNO and protected person name', () => {
    const fields = [
      { tag: 'MKE', value: 'EPO' },
      { tag: 'ORI', value: 'CA034999J' },
      { tag: 'NAM', value: 'DOE, JOHN' },
      { tag: 'PNO', value: '26FL1' },
      { tag: 'PPN', value: 'DOE, JANE' },
    ];
    expect(recordKey(fields)).toBe('CA034999J|26FL1|DOE, JANE');
    expect(recordKey(fields.filter((f) => f.tag !== 'PPN'))).toBe('CA034999J|26FL1|');
  });
});
