import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AamvaError, parseAamva } from '../../../../src/shared/aamva';
import type { AamvaErrorCode } from '../../../../src/shared/aamva';
import { buildAamva, people, personPayload } from '../../../fixtures/aamva/generator';

const good = personPayload(people.illinois, {
  version: 10,
  zSubfile: { type: 'ZI', elements: [['ZIA', 'X']] },
});

/** Runs the parser and returns the AamvaError it threw (fails the test otherwise). */
function failure(input: string, strict = false): AamvaError {
  try {
    parseAamva(input, { strict });
  } catch (error) {
    expect(error).toBeInstanceOf(AamvaError);
    return error as AamvaError;
  }
  throw new Error('expected parseAamva to throw');
}

function expectCode(input: string, code: AamvaErrorCode, strict = false): AamvaError {
  const error = failure(input, strict);
  expect(error.code).toBe(code);
  // Clerk-readable: one line, says what to do.
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message).toMatch(/Scan|Type|type/);
  return error;
}

describe('truncated payloads', () => {
  it.each([
    ['inside the header', 12],
    ['inside the directory', 30],
    ['inside the DL subfile', 120],
    ['inside the last subfile', good.length - 4],
  ])('are rejected when cut %s', (_where, at) => {
    const error = expectCode(good.slice(0, at), 'truncated');
    expect(error.message).toMatch(/incomplete|stops/);
  });

  it('tolerate only a stripped final terminator', () => {
    expect(parseAamva(good.slice(0, -1)).licence.familyName).toBe('TESTPERSON');
  });

  it('are rejected at every cut point before the last subfile ends', () => {
    const zStart = good.lastIndexOf('ZIZIA');
    for (let at = 1; at < zStart + 4; at++) {
      const error = failure(good.slice(0, at));
      expect(error.code).toBe('truncated');
    }
  });
});

describe('wrong header', () => {
  it('rejects data that does not start with the compliance indicator', () => {
    expectCode(good.slice(1), 'not-aamva');
    expectCode('#' + good.slice(1), 'not-aamva');
    expectCode('0123456789012', 'not-aamva');
  });

  it('rejects a file type other than ANSI/AAMVA', () => {
    const error = expectCode(good.replace('ANSI ', 'ANSX '), 'bad-header');
    expect(error.message).toContain('ANSX');
  });

  it('rejects a non-numeric IIN, version or entry count', () => {
    expectCode(good.replace('636035', '63A035'), 'bad-header');
    expectCode(good.replace('ANSI 63603510', 'ANSI 636035X0'), 'bad-header');
  });

  it('rejects an empty payload and one far too long', () => {
    expectCode('', 'empty');
    expectCode('   \n', 'empty');
    expectCode('@' + 'A'.repeat(9000), 'too-large');
  });

  it('accepts the old AAMVA file type and a stray AIM prefix', () => {
    expect(parseAamva(good.replace('ANSI ', 'AAMVA')).header.fileType).toBe('AAMVA');
    const r = parseAamva(']L2' + good);
    expect(r.licence.licenseNumber).toBe('T12345678901');
    expect(r.warnings[0]).toMatch(/before the "@"/);
  });
});

describe('missing subfile', () => {
  it('rejects a payload whose only subfile is a jurisdiction one', () => {
    const z = buildAamva({ version: 10, subfiles: [{ type: 'ZC', elements: [['ZCA', 'Y']] }] });
    const error = expectCode(z, 'missing-subfile');
    expect(error.message).toContain('ZC');
  });

  it('rejects a directory entry pointing at data that is not there', () => {
    // Rename the DL subfile body so neither the offset nor the search finds it.
    const broken = good.replace(/DLDCA/, 'XXDCA');
    expectCode(broken, 'missing-subfile');
  });

  it('finds an unlisted DL subfile when the directory omits it (lenient)', () => {
    const body = 'DLDAQZ999\nDCSLOST\nDACFOUND\r';
    const payload = '@\n\x1e\rANSI 636035100001ZC00310006ZCZCA\r' + body;
    const r = parseAamva(payload);
    expect(r.licence.familyName).toBe('LOST');
    expect(r.warnings.join(' ')).toMatch(/lists no DL/);
    expectCode(payload, 'missing-subfile', true);
  });
});

describe('wrong offsets and lengths', () => {
  const dlDesignator = good.slice(21, 31);
  const [offset, length] = [Number(dlDesignator.slice(2, 6)), Number(dlDesignator.slice(6, 10))];

  it('fixture sanity: the directory is where the spec puts it', () => {
    expect(dlDesignator.slice(0, 2)).toBe('DL');
    expect(good.slice(offset, offset + 2)).toBe('DL');
    expect(good[offset + length - 1]).toBe('\r');
  });

  it('repairs a wrong offset by searching (lenient) and says so', () => {
    const shifted = good.replace(
      dlDesignator,
      `DL${String(offset + 7).padStart(4, '0')}${dlDesignator.slice(6)}`,
    );
    const r = parseAamva(shifted);
    expect(r.licence.familyName).toBe('TESTPERSON');
    expect(r.header.subfiles[0]?.foundBy).toBe('search');
    expect(r.warnings.join(' ')).toMatch(/not at character/);
  });

  it('rejects a wrong offset in strict mode', () => {
    const shifted = good.replace(
      dlDesignator,
      `DL${String(offset + 7).padStart(4, '0')}${dlDesignator.slice(6)}`,
    );
    expectCode(shifted, 'bad-offset', true);
  });

  it('repairs a wrong length by the segment terminator (lenient) and rejects it in strict mode', () => {
    const wrong = good.replace(
      dlDesignator,
      `DL${dlDesignator.slice(2, 6)}${String(length - 9).padStart(4, '0')}`,
    );
    const r = parseAamva(wrong);
    expect(r.licence.expires).toBe('2028-09-23');
    expect(r.warnings.join(' ')).toMatch(/characters long, not/);
    expectCode(wrong, 'bad-length', true);
  });

  it('rejects lengths that run past the end of the data as truncated', () => {
    const zDesignator = good.slice(31, 41);
    const tooLong = good.replace(zDesignator, `ZI${zDesignator.slice(2, 6)}0900`);
    // Strip the Z subfile's terminator so nothing shows where it really ends.
    const error = expectCode(tooLong.slice(0, -1), 'truncated');
    expect(error.message).toMatch(/ZI section/);
  });

  it('rejects a malformed directory entry', () => {
    const error = expectCode(good.replace(dlDesignator, 'DL00AB0123'), 'bad-directory');
    expect(error.message).toContain('entry 1 of 2');
  });
});

describe('never throws anything but AamvaError', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        try {
          parseAamva(s);
        } catch (error) {
          return error instanceof AamvaError;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('for valid payloads with random edits', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat({ max: good.length - 1 }),
            del: fc.nat({ max: 5 }),
            ins: fc.string({ maxLength: 4, unit: 'binary-ascii' }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          let s = good;
          for (const e of edits) s = s.slice(0, e.at) + e.ins + s.slice(e.at + e.del);
          try {
            const r = parseAamva(s);
            return typeof r.licence.version === 'number';
          } catch (error) {
            return error instanceof AamvaError;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
