/**
 * Intake logic under the generated form: the computed expiry shown while keying, the reason an
 * expiry override needs, the confidential block, type search, clone and licence fill.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseAamva } from '../../../../src/shared/aamva';
import { currentEntries, entryFor } from '../../../../src/renderer/features/intake/currentEntries';
import { expiryPreview } from '../../../../src/renderer/features/intake/form/expiryPreview';
import { buildFormSpec } from '../../../../src/renderer/features/intake/form/formSpec';
import {
  orderToValues,
  valuesToOrder,
} from '../../../../src/renderer/features/intake/form/toOrder';
import { checkForm } from '../../../../src/renderer/features/intake/form/validateForm';
import { licenceToValues } from '../../../../src/renderer/features/intake/licenceToValues';
import { cloneValues } from '../../../../src/renderer/features/intake/StartIntake';
import { searchOrderTypes } from '../../../../src/renderer/features/intake/typeSearch';
import type { OrderRow } from '../../../../src/renderer/db/rows';
import { buildAamva, people, personPayload } from '../../../fixtures/aamva/generator';

const now = '2026-12-02T10:00:00-08:00';
const fixture = (code: string) =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, `../../../fixtures/orders/${code}.valid.json`), 'utf8'),
  ) as Record<string, unknown>;
const entry = (code: string) => {
  const e = entryFor(code, now);
  if (!e) throw new Error(`${code} missing`);
  return e;
};
/** The fixture's form values with `over` applied, built back into an order. */
const built = (code: string, over: Record<string, string> = {}) => {
  const o = fixture(code);
  return valuesToOrder(entry(code), { ...orderToValues(o), ...over }, String(o.id)).order;
};

describe('computed expiry shown in the Dates section', () => {
  it('shows the default rule when no expiry is written', () => {
    const p = expiryPreview(built('DV-130', { 'expiration.kind': 'unspecified' }));
    expect(p).toMatchObject({
      state: 'computed',
      text: 'Expires Nov 20, 2029, 11:59 PM (Pacific)',
    });
    expect(p.state === 'computed' && p.explanation).toMatch(/DV-130 lasts 3 years from issuance/);
  });

  it('follows the hearing for a TRO and asks for it when it is missing', () => {
    const tro = expiryPreview(built('DV-110'));
    expect(tro.state === 'computed' && tro.explanation).toMatch(/lasts until the hearing/);
    expect(expiryPreview(built('DV-110', { hearingAt: '' }))).toEqual({
      state: 'problem',
      text: expect.stringMatching(/^Enter the hearing date-time/),
    });
  });

  it('explains the EPO rule and waits for the issued date', () => {
    const epo = expiryPreview(built('EPO-001'));
    expect(epo.state === 'computed' && epo.explanation).toMatch(/Fam\. Code §6256/);
    expect(expiryPreview(built('EPO-001', { issuedAt: '' })).state).toBe('waiting');
  });

  it('checks a written expiry against the type limits', () => {
    const p = expiryPreview(built('DV-130', { 'expiration.at': '11/20/2032 23:59' }));
    expect(p).toEqual({ state: 'problem', text: expect.stringMatching(/at most 5 years/) });
    expect(expiryPreview(built('DV-130', { 'expiration.at': '' })).state).toBe('waiting');
  });
});

describe('expiry override', () => {
  const check = (over: Record<string, string>) => {
    const o = fixture('DV-130');
    const values = { ...orderToValues(o), ...over };
    return checkForm(entry('DV-130'), values, String(o.id), Object.keys(values), now);
  };

  it('needs a reason when the clerk enters the expiry', () => {
    expect(check({}).errors.expirationReason).toMatch(/Say why the expiry differs/);
    expect(check({ expirationReason: 'Written at item 13' }).errors.expirationReason).toBe(
      undefined,
    );
    expect(check({ 'expiration.kind': 'unspecified' }).errors.expirationReason).toBe(undefined);
  });
});

describe('generated form', () => {
  it('has the CLETS-001 block marked confidential only for types that use it', () => {
    const dv = buildFormSpec(entry('DV-130')).find((s) => s.id === 'confidential');
    expect(dv).toMatchObject({ confidential: true, title: 'CLETS-001 confidential information' });
    expect(dv?.note).toMatch(/Never printed/);
    const withBlock = currentEntries(now).filter((e) =>
      buildFormSpec(e).some((s) => s.id === 'confidential'),
    );
    expect(withBlock.map((e) => e.code)).toEqual(
      currentEntries(now)
        .filter((e) => e.confidentialForm)
        .map((e) => e.code),
    );
  });

  it('offers exactly the conduct terms the catalog allows for each type', () => {
    for (const e of currentEntries(now)) {
      const terms = buildFormSpec(e).find((s) => s.id === 'terms');
      const kinds = new Set(
        terms?.fields.filter((f) => f.key.endsWith('.on')).map((f) => f.key.split('.')[1]),
      );
      expect([...kinds].sort(), e.code).toEqual([...e.conductTerms].sort());
    }
  });
});

describe('type search', () => {
  const codes = (q: string) => searchOrderTypes(currentEntries(now), q).map((m) => m.entry.code);

  it('finds a type by form number however typed, or by a name', () => {
    expect(codes('DV-130')[0]).toBe('DV-130');
    expect(codes('dv130')[0]).toBe('DV-130');
    expect(codes('elder').every((c) => c.startsWith('EA-'))).toBe(true);
    expect(codes('elder').length).toBeGreaterThan(0);
    expect(codes('gun')).toEqual(expect.arrayContaining(['GV-110', 'GV-130']));
    expect(codes('zzzz')).toEqual([]);
  });
});

describe('clone from an existing order', () => {
  it('copies the parties, court and case, not the terms or dates', () => {
    const o = fixture('DV-130');
    const row = {
      id: String(o.id),
      orderType: 'DV-130',
      caseNumber: o.caseNumber,
      order: o,
    } as unknown as OrderRow;
    const v = cloneValues(row, entry('DV-130'));
    expect(v).toMatchObject({
      caseNumber: o.caseNumber,
      'restrained.name.last': (o.restrained as { name: { last: string } }).name.last,
      'protected.count': String((o.protected as unknown[]).length),
      'court.ori': (o.court as { ori: string }).ori,
    });
    expect(Object.keys(v).some((k) => k.startsWith('terms.'))).toBe(false);
    expect(v.issuedAt).toBeUndefined();
    expect(v['expiration.kind']).toBeUndefined();
  });

  it('suggests "replaces" only where the new order follows the source in its life', () => {
    const o = fixture('DV-130');
    const row = (orderType: string) =>
      ({ id: 'src-1', orderType, caseNumber: '26FL1', order: o }) as unknown as OrderRow;
    // A temporary order is replaced by its order after hearing; an OAH by its renewal.
    expect(cloneValues(row('DV-110'), entry('DV-130'))).toMatchObject({
      clonedFrom: 'src-1',
      clonedFromLabel: 'DV-110 · case 26FL1',
      replaces: 'src-1',
    });
    expect(cloneValues(row('DV-130'), entry('DV-730')).replaces).toBe('src-1');
    expect(cloneValues(row('EPO-001'), entry('DV-130')).replaces).toBe('');
    // Same parties, another order of the same phase or another family: not a replacement.
    expect(cloneValues(row('DV-130'), entry('DV-130')).replaces).toBe('');
    expect(cloneValues(row('DV-110'), entry('CH-130')).replaces).toBe('');
    expect(cloneValues(row('CH-110'), entry('CH-130')).replaces).toBe('src-1');
  });
});

describe('licence fill', () => {
  it('fills the restrained person and lists what it filled', () => {
    const fill = licenceToValues(
      parseAamva(personPayload(people.ontario, { version: 9, iin: '636012' })),
    );
    expect(fill.values).toMatchObject({
      'restrained.name.last': 'EXEMPLAIRE',
      'restrained.name.first': 'MARIE',
      'restrained.dob': '1975-03-14',
      'restrained.sex': 'F',
      'restrained.eye': 'HAZ',
      'restrained.hair': 'BRO',
      'restrained.height.feet': '5',
      'restrained.height.inches': '5',
      'restrained.weight': '132',
      'restrained.address.postalCode': 'M5H 2N2',
      'restrained.licence.number': 'E1234-56789-50314',
      'restrained.licence.state': 'ON',
    });
    expect(fill.filledLabels).toEqual([
      'name',
      'date of birth',
      'sex',
      'eye colour',
      'hair colour',
      'height',
      'weight',
      'address',
      'licence number',
      'licence state',
    ]);
    expect(fill.unmapped).toEqual([]);
  });

  it('says which values it could not map to an NCIC code and leaves those fields alone', () => {
    const r = parseAamva(
      buildAamva({
        version: 10,
        subfiles: [
          {
            type: 'DL',
            elements: [
              ['DCS', 'ROE'],
              ['DAC', 'RICHARD'],
              ['DAZ', 'PUR'],
              ['DCE', '4'],
              ['DAJ', 'CA'],
            ],
          },
        ],
      }),
    );
    const fill = licenceToValues(r);
    expect(fill.values['restrained.hair']).toBeUndefined();
    expect(fill.values['restrained.weight']).toBeUndefined();
    expect(fill.unmapped).toHaveLength(2);
    expect(fill.unmapped[0]).toMatch(/^hairColor: "PUR" \(/);
    expect(fill.unmapped[1]).toMatch(/^weight: "4" \(.*161–190 lb/);
  });
});
