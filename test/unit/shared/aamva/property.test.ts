import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseAamva } from '../../../../src/shared/aamva';
import { arbitraryPerson, expectedLicence, testIssuers } from '../../../fixtures/aamva/arbitraries';
import { personPayload } from '../../../fixtures/aamva/generator';

const card = fc.constantFrom(...testIssuers).chain((issuer) =>
  fc.record({
    issuer: fc.constant(issuer),
    person: arbitraryPerson(issuer.country),
    version: fc.integer({ min: 1, max: 10 }),
    jurisdictionVersion: fc.integer({ min: 0, max: 99 }),
  }),
);

describe('generate → parse → same fields', () => {
  it('holds for every version 01–10, US and Canadian cards', () => {
    fc.assert(
      fc.property(card, ({ issuer, person, version, jurisdictionVersion }) => {
        const payload = personPayload(person, { version, iin: issuer.iin, jurisdictionVersion });
        const r = parseAamva(payload, { strict: true });
        expect(r.licence).toEqual(expectedLicence(person, version, issuer.code));
        expect(r.unmapped).toEqual([]);
        expect(r.warnings).toEqual([]);
        expect(r.country).toBe(issuer.country);
        const nonNull = Object.entries(r.licence)
          .filter(([k, v]) => k !== 'version' && v !== null)
          .map(([k]) => k);
        expect([...r.filled].sort()).toEqual(nonNull.sort());
      }),
      { numRuns: 400 },
    );
  });

  it('survives a keyboard wedge that turns every CR into LF (and one that drops RS)', () => {
    fc.assert(
      fc.property(card, ({ issuer, person, version, jurisdictionVersion }) => {
        const payload = personPayload(person, { version, iin: issuer.iin, jurisdictionVersion });
        const wedged = payload.replace(/\r/g, '\n');
        const expected = expectedLicence(person, version, issuer.code);
        expect(parseAamva(wedged).licence).toEqual(expected);
        // A wedge that cannot type RS at all drops it, shifting every offset by one.
        const noRs = wedged.split('\x1e').join('');
        expect(parseAamva(noRs).licence).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
