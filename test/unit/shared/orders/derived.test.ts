import { describe, expect, it } from 'vitest';
import {
  derivePco,
  enforcementPriority,
  suggestBrady,
  type ConductTerm,
  type Order,
} from '../../../../src/shared/orders';
import { validOrder } from './fixtureFiles';

const withTerms = (
  code: string,
  terms: ConductTerm[],
  coveredBy = terms.map((t) => t.id),
): Order => {
  const o = validOrder(code);
  return { ...o, terms, protected: o.protected.map((p) => ({ ...p, coveredBy })) };
};

describe('derivePco', () => {
  it('maps each structured term to its NCIC condition and the rest to MIS', () => {
    const o = withTerms('DV-130', [
      { id: 'a', kind: 'personal-conduct', acts: ['harass'], includesHousehold: false },
    ]);
    // Two protected persons covered by personal conduct: the household is protected too (02).
    expect(derivePco(o)).toEqual({ codes: ['01', '02'], mis: [] });
    const single = { ...o, protected: o.protected.slice(0, 1) };
    expect(derivePco(single)).toEqual({ codes: ['01'], mis: [] });
  });

  it('puts distances, deadlines and exceptions in MIS and adds 08', () => {
    const o = withTerms('CR-160', [
      {
        id: 's',
        kind: 'stay-away',
        yards: 150,
        places: ['person', 'other'],
        otherPlaces: 'Oak Park library',
      },
      { id: 'n', kind: 'no-contact', exceptions: ['court-visitation'] },
      {
        id: 'f',
        kind: 'firearms',
        firearms: false,
        ammunition: false,
        bodyArmour: true,
        relinquishWithinHours: null,
        proofWithinHours: null,
      },
      { id: 'e', kind: 'electronic-monitoring', months: 12 },
      { id: 'o', kind: 'other', text: 'Attend a 52-week batterer program' },
    ]);
    expect(derivePco(o)).toEqual({
      codes: ['04', '05', '08'],
      mis: [
        'STAY AWAY AT LEAST 150 YARDS FROM THE PERSON, OAK PARK LIBRARY',
        'NO CONTACT EXCEPT CONTACT FOR COURT-ORDERED VISITATION',
        'NO BODY ARMOR',
        'ELECTRONIC MONITORING 12 MONTHS',
        'ATTEND A 52-WEEK BATTERER PROGRAM',
      ],
    });
  });

  it('derives move-out (03), firearms (07) and custody (06 / 09)', () => {
    const base = { id: 'c', kind: 'custody', reference: 'FL-341' } as const;
    const toProtected = withTerms('DV-130', [
      { id: 'm', kind: 'move-out', address: '1 Main St' },
      {
        id: 'f',
        kind: 'firearms',
        firearms: true,
        ammunition: false,
        bodyArmour: false,
        relinquishWithinHours: 24,
        proofWithinHours: 48,
      },
      { ...base, temporaryCustodyTo: 'protected', restrainedVisitation: false },
    ]);
    expect(derivePco(toProtected).codes).toEqual(['03', '07', '08', '09']);
    const visitation = withTerms('DV-130', [
      { ...base, temporaryCustodyTo: 'protected', restrainedVisitation: true },
    ]);
    expect(derivePco(visitation).codes).toEqual(['06', '08', '09']);
    const shared = withTerms('DV-130', [
      { ...base, temporaryCustodyTo: 'shared', restrainedVisitation: false },
    ]);
    expect(derivePco(shared).codes).toEqual(['06', '08']);
  });
});

describe('suggestBrady', () => {
  it('Y for an order after hearing protecting a spouse from threats', () => {
    expect(suggestBrady(validOrder('DV-130')).value).toBe('Y');
  });

  it('N for temporary and emergency orders: no hearing with notice', () => {
    for (const code of ['DV-110', 'EPO-001', 'CH-110']) {
      expect(suggestBrady(validOrder(code)), code).toMatchObject({ value: 'N' });
    }
  });

  it('N when nobody protected is an intimate partner or child', () => {
    const r = suggestBrady(validOrder('WV-130'));
    expect(r.value).toBe('N');
    expect(r.reason).toMatch(/No protected person is an intimate partner/);
  });

  it('U when the relationship may or may not be intimate, for GV and for foreign orders', () => {
    expect(suggestBrady(validOrder('CR-161'))).toMatchObject({ value: 'U' });
    expect(suggestBrady(validOrder('GV-130')).reason).toMatch(/GVRO/);
    expect(suggestBrady(validOrder('DV-600')).reason).toMatch(/Foreign order/);
  });

  it('U when the restrained person missed the hearing or nothing restrains threats', () => {
    const absent = { ...validOrder('DV-130'), restrainedPresentAtHearing: false };
    expect(suggestBrady(absent).reason).toMatch(/not at the hearing/);
    const onlyFirearms = withTerms('DV-130', [
      {
        id: 'f',
        kind: 'firearms',
        firearms: true,
        ammunition: true,
        bodyArmour: false,
        relinquishWithinHours: 24,
        proofWithinHours: 48,
      },
    ]);
    expect(suggestBrady(onlyFirearms).value).toBe('U');
  });
});

describe('enforcementPriority (domain.md §5.3)', () => {
  const at = '2026-11-24T12:00:00-08:00';
  const epo = validOrder('EPO-001');
  const dvTro = validOrder('DV-110');
  const dvOah = validOrder('DV-130');
  const cpo = { ...validOrder('CR-160'), issuedAt: '2026-11-21T09:00:00-08:00' };
  const noTermsBeyond = (o: Order, terms: ConductTerm[]): Order => ({ ...o, terms });

  it('an EPO more restrictive than every other order governs', () => {
    const civil = noTermsBeyond(
      dvOah,
      dvOah.terms.filter((t) => !['no-contact', 'move-out', 'firearms'].includes(t.kind)),
    );
    const r = enforcementPriority([civil, epo], { at });
    expect(r.governingId).toBe(epo.id);
    expect(r.ranking[0]?.reason).toMatch(/EPO more restrictive/);
  });

  it('otherwise a no-contact order beats one without', () => {
    const weakEpo = noTermsBeyond(
      epo,
      epo.terms.filter((t) => t.kind === 'personal-conduct'),
    );
    const r = enforcementPriority([weakEpo, dvOah], { at });
    expect(r.governingId).toBe(dvOah.id);
    expect(r.explanation).toMatch(
      /^DV-130 \(case 26FL004512\) issued .* governs\. No-contact order/,
    );
  });

  it('with criminal orders in force, the latest criminal order governs', () => {
    const civil = noTermsBeyond(
      dvOah,
      dvOah.terms.filter((t) => t.kind !== 'no-contact'),
    );
    const criminal = noTermsBeyond(
      cpo,
      cpo.terms.filter((t) => t.kind !== 'no-contact'),
    );
    const older = {
      ...criminal,
      id: '11111111-2222-4333-8444-555555555555',
      issuedAt: '2026-10-01T09:00:00-07:00',
    };
    const r = enforcementPriority([civil, older, criminal], { at });
    expect(r.ranking.map((x) => x.id)).toEqual([criminal.id, older.id, civil.id]);
  });

  it('among civil orders only, the one issued last governs', () => {
    const strip = (o: Order) =>
      noTermsBeyond(
        o,
        o.terms.filter((t) => t.kind !== 'no-contact'),
      );
    const r = enforcementPriority([strip(dvOah), strip(validOrder('CH-130'))], { at });
    expect(r.governingId).toBe(dvOah.id);
    expect(r.ranking[1]?.reason).toMatch(/issued last governs/);
  });

  it('leaves out orders not in force and says why', () => {
    // The TRO ended at its hearing on 20 Nov; a terminated order is out too.
    const ended = { ...validOrder('CH-130'), status: 'terminated' as const };
    const r = enforcementPriority([dvTro, ended], { at });
    expect(r.governingId).toBeNull();
    expect(r.notInForce.map((n) => n.reason)).toEqual([
      'DV-110 (case 26FL004512): expired 2026-11-20T23:59:59-08:00',
      'CH-130 (case 26CV017710): status is terminated',
    ]);
    expect(r.explanation).toBe('No order covering these parties is in force.');
  });
});
