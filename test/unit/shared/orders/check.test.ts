import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOrder } from '../../../../src/shared/orders';
import { fixtureNow, readFixture } from './fixtureFiles';

/** A fresh, mutable copy of a valid fixture. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fixture = (code: string): any => structuredClone(readFixture(`${code}.valid.json`));
const check = (input: unknown, options = {}) => checkOrder(input, { now: fixtureNow, ...options });

describe('checkOrder: NCIC field rules', () => {
  it('reports height that is not feet and inches at restrained.height', () => {
    const o = fixture('DV-130');
    o.restrained.height = 510;
    expect(check(o).errors).toEqual([
      { path: 'restrained.height', message: 'Height must be feet and inches, e.g. 5 ft 10 in.' },
    ]);
    o.restrained.height = { feet: 9, inches: 1 };
    expect(check(o).errors[0]?.path).toBe('restrained.height.feet');
  });

  it('accepts weight 1 to 999 lb and refuses the rest', () => {
    const o = fixture('DV-130');
    for (const w of [1, 999]) {
      o.restrained.weight = w;
      expect(check(o).ok).toBe(true);
    }
    for (const w of [0, 1000, 150.5]) {
      o.restrained.weight = w;
      expect(check(o).errors).toEqual([
        { path: 'restrained.weight', message: 'Weight must be whole pounds from 1 to 999.' },
      ]);
    }
  });

  it('checks each code table and names the field', () => {
    const o = fixture('CR-160');
    o.restrained.skin = 'XXX';
    o.protected[1].sex = 'male';
    const paths = check(o).errors.map((e) => e.path);
    expect(paths).toEqual(['restrained.skin', 'protected.1.sex']);
    expect(check(o).errors[0]?.message).toMatch(/^Skin tone must be one of: ALB \(Albino\)/);
  });

  it('refuses dates of birth in the future, after issuance or over 120 years ago', () => {
    const o = fixture('CH-130');
    o.restrained.dob = '2026-11-30';
    expect(check(o).errors).toEqual([
      {
        path: 'restrained.dob',
        message:
          'Date of birth (2026-11-30) is after the order was issued (2026-10-29): check the dates.',
      },
    ]);
    o.restrained.dob = '1890-01-01';
    expect(check(o).errors[0]?.message).toMatch(/over 120/);
  });

  it('accepts an estimated age instead of a date of birth (CARPOS minimum)', () => {
    const o = fixture('CH-130');
    delete o.restrained.dob;
    expect(check(o).errors.map((e) => e.path)).toEqual(['restrained.dob']);
    o.restrained.estimatedAge = 40;
    expect(check(o).ok).toBe(true);
    delete o.protected[0].dob;
    expect(check(o).errors).toEqual([
      {
        path: 'protected.0.dob',
        message:
          "Enter the protected person's date of birth or, if unknown, an estimated age: CARPOS requires one.",
      },
    ]);
  });

  it('refuses business names for protected persons and aliases too', () => {
    const o = fixture('WV-130');
    o.protected[0].name = { last: 'Logistics Inc', first: 'Riverbend' };
    o.restrained.aliases = [{ last: 'Services', first: 'Kowalski Moving' }];
    expect(check(o).errors.map((e) => e.path)).toEqual([
      'restrained.aliases.0',
      'protected.0.name',
    ]);
  });

  it('lets the employer petition in a WV order (organisations are fine as petitioners)', () => {
    const o = fixture('WV-110');
    expect(o.petitioner.name).toMatch(/Inc\./);
    expect(check(o).ok).toBe(true);
  });

  it('reports what name normalisation changed', () => {
    const r = check(fixture('CH-130'));
    expect(r.derived?.names).toContainEqual({
      path: 'restrained.name',
      ncic: 'BRENNAN, SEAN PATRICK JR',
      changes: ['upper-cased'],
    });
    const gv = check(fixture('CAN-DV'));
    expect(gv.derived?.names).toContainEqual({
      path: 'restrained.name',
      ncic: 'GAGNON, LUC ETIENNE',
      changes: ['removed accents', 'upper-cased'],
    });
  });

  it('keeps the order as entered: normalisation never rewrites the record', () => {
    const r = check(fixture('CH-130'));
    expect(r.order?.restrained.name).toEqual({
      last: 'Brennan',
      first: 'Sean',
      middle: 'Patrick',
      suffix: 'Jr',
    });
  });
});

describe('checkOrder: type rules', () => {
  it('requires a petitioner where the type does', () => {
    const o = fixture('WV-130');
    delete o.petitioner;
    expect(check(o).errors).toEqual([
      {
        path: 'petitioner',
        message: 'Enter the petitioner: for a WV-130 it is Employer (on behalf of an employee).',
      },
    ]);
  });

  it('requires at least one protected person outside GV', () => {
    const o = fixture('DV-130');
    o.protected = [];
    expect(check(o).errors).toEqual([
      { path: 'petitioner.protectedIndex', message: 'There is no protected person 1.' },
      { path: 'protected', message: 'Add at least 1 protected person.' },
    ]);
  });

  it('requires every protected person to be covered by a term', () => {
    const o = fixture('DV-130');
    o.protected[1].coveredBy = [];
    expect(check(o).errors.map((e) => e.path)).toEqual(['protected.1.coveredBy']);
  });

  it('refuses duplicate term ids and terms on a GV order other than firearms and other', () => {
    const o = fixture('GV-130');
    o.terms.push({ id: 'firearms-1', kind: 'no-contact', exceptions: [] });
    expect(check(o).errors.map((e) => e.path)).toEqual(['terms.2.kind', 'terms.2.id']);
  });

  it('refuses a hearing date on a type without a hearing', () => {
    const o = fixture('EPO-001');
    o.hearingAt = '2026-11-30T08:30:00-08:00';
    expect(check(o).errors).toEqual([
      { path: 'hearingAt', message: 'An EPO-001 has no hearing: remove the hearing date-time.' },
    ]);
  });

  it('requires the hearing of a temporary order, after issuance', () => {
    const o = fixture('CH-110');
    o.hearingAt = '2026-11-16T08:00:00-08:00';
    expect(check(o).errors).toEqual([
      { path: 'hearingAt', message: 'The hearing must be after the temporary order was issued.' },
    ]);
    delete o.hearingAt;
    expect(check(o).errors).toEqual([
      { path: 'hearingAt', message: 'Enter the hearing date-time set on the CH-110.' },
    ]);
  });

  it('accepts a TRO hearing up to 25 days out (good cause)', () => {
    const o = fixture('DV-110');
    o.hearingAt = '2026-11-27T08:30:00-08:00';
    expect(check(o).ok).toBe(true);
  });

  it('refuses an order-after-hearing whose hearing is after issuance', () => {
    const o = fixture('DV-130');
    o.hearingAt = '2026-11-21T08:30:00-08:00';
    expect(check(o).errors.map((e) => e.path)).toEqual(['hearingAt']);
  });

  it('refuses service in the future or before issuance', () => {
    const o = fixture('CH-130');
    o.service.at = '2026-12-24T09:40:00-08:00';
    expect(check(o).errors).toEqual([
      { path: 'service.at', message: 'Service cannot be in the future.' },
    ]);
    o.service.at = '2026-10-28T09:40:00-07:00';
    expect(check(o).errors).toEqual([
      { path: 'service.at', message: 'Service cannot be before the order was issued.' },
    ]);
  });
});

describe('checkOrder: derived values', () => {
  it('derives expiry, CLETS due-by, PCO and Brady for a DV-130', () => {
    expect(check(fixture('DV-130')).derived).toMatchObject({
      expiresAt: '2029-11-20T23:59:00-08:00',
      // Issued Friday 20 Nov 2026: due at the end of Monday 23 Nov.
      cletsDueBy: '2026-11-23T23:59:59.999-08:00',
      pco: ['01', '02', '03', '04', '05', '07', '08', '09'],
      brady: { value: 'Y' },
    });
  });

  it('uses the court closing time and closures for an EPO', () => {
    const o = fixture('EPO-001');
    o.issuedAt = '2026-03-02T10:00:00-08:00';
    o.service.at = '2026-03-02T11:00:00-08:00';
    expect(check(o).derived?.expiresAt).toBe('2026-03-09T17:00:00-07:00');
    expect(check(o, { closeOfBusiness: '16:00' }).derived?.expiresAt).toBe(
      '2026-03-09T16:00:00-07:00',
    );
    expect(check(o, { closures: ['2026-03-03'] }).derived).toMatchObject({
      expiresAt: '2026-03-09T23:59:59-07:00',
      cletsDueBy: '2026-03-04T23:59:59.999-08:00',
    });
  });
});

describe('checkOrder: bad input', () => {
  it('gives clear errors for input that is not an order', () => {
    for (const input of [null, 'DV-130', 42, []]) {
      const r = check(input);
      expect(r.ok).toBe(false);
      expect(r.derived).toBeNull();
      expect(r.errors).toEqual([{ path: '', message: 'The order must be a group of fields.' }]);
    }
  });

  it('refuses bad options with their own paths', () => {
    const r = checkOrder(fixture('DV-130'), {
      now: 'today',
      closures: ['2026-13-01'],
      closeOfBusiness: '5pm',
    });
    expect(r.errors.map((e) => e.path)).toEqual([
      'options.now',
      'options.closures',
      'options.closeOfBusiness',
    ]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = check(input);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a fixture with one field replaced by anything', () => {
    const base = fixture('DV-110');
    const keys = Object.keys(base);
    const personKeys = Object.keys(base.restrained);
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.constantFrom(...personKeys),
        fc.anything(),
        (k, pk, value) => {
          const o = fixture('DV-110');
          o[k] = value;
          expect(() => check(o)).not.toThrow();
          const p = fixture('DV-110');
          p.restrained[pk] = value;
          expect(() => check(p)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
