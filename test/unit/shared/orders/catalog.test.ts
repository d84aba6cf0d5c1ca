import { describe, expect, it } from 'vitest';
import {
  catalogEntrySchema,
  eyeCodes,
  hairCodes,
  listOrderTypes,
  ncicCodeTables,
  orderTypeAt,
  orderTypeCatalog,
  raceCodes,
  sexCodes,
  skinCodes,
} from '../../../../src/shared/orders';

const issueTypes = [
  'DV-110', 'DV-130', 'DV-730', 'CH-110', 'CH-130', 'EA-110', 'EA-130', 'WV-110', 'WV-130',
  'SV-110', 'SV-130', 'EPO-002', 'GV-110', 'GV-130', 'EPO-001', 'CR-160', 'CR-161', 'JV-250',
  'JV-255', 'DV-600', 'CAN-DV',
]; // prettier-ignore

describe('order-type catalog data', () => {
  it('every entry matches the catalog schema', () => {
    for (const entry of orderTypeCatalog) {
      const r = catalogEntrySchema.safeParse(entry);
      expect(r.success, `${entry.code}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  it('has every order type issue 3 lists, in force today', () => {
    const codes = listOrderTypes('2026-11-25').map((t) => t.code);
    expect([...codes].sort()).toEqual([...issueTypes].sort());
  });

  it('versions of one code never overlap and are ordered', () => {
    const byCode = new Map<string, typeof orderTypeCatalog>();
    for (const e of orderTypeCatalog) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
    for (const [code, versions] of byCode) {
      for (let i = 1; i < versions.length; i += 1) {
        const prev = versions[i - 1]!;
        const cur = versions[i]!;
        expect(prev.effectiveTo, code).not.toBeNull();
        expect(prev.effectiveTo! < cur.effectiveFrom, code).toBe(true);
      }
    }
  });

  it('lists code, name, forms, maxDuration and clets for the CLI', () => {
    const dv130 = listOrderTypes('2026-11-25').find((t) => t.code === 'DV-130');
    expect(dv130).toEqual({
      code: 'DV-130',
      name: 'Domestic Violence Restraining Order After Hearing',
      forms: ['DV-130', 'DV-100', 'DV-109', 'DV-110'],
      maxDuration: 'P5Y',
      clets: true,
    });
    const renewal = listOrderTypes('2026-11-25').find((t) => t.code === 'DV-730');
    expect(renewal?.maxDuration).toBeNull();
  });

  it('switches CR-160 to the CLETS-002 version on 1 January 2026', () => {
    expect(orderTypeAt('CR-160', '2025-12-31')?.confidentialForm).toBeNull();
    expect(orderTypeAt('CR-160', '2026-01-01')?.confidentialForm).toBe('CLETS-002');
    // Read in Pacific time: 07:59 UTC on 1 Jan is still 31 Dec in California.
    expect(orderTypeAt('CR-160', '2026-01-01T07:59:00Z')?.confidentialForm).toBeNull();
  });

  it('has no Canadian registration before its 2019 form', () => {
    expect(listOrderTypes('2018-12-31').map((t) => t.code)).not.toContain('CAN-DV');
    expect(listOrderTypes('2019-01-01').map((t) => t.code)).toContain('CAN-DV');
  });

  it('refuses a date that is not one', () => {
    expect(() => listOrderTypes('2026-02-30')).toThrow(/not a date/);
  });

  it('encodes the type rules the issue names', () => {
    const at = '2026-11-25';
    expect(orderTypeAt('WV-130', at)?.petitioner.roles).toEqual(['employer']);
    expect(orderTypeAt('GV-130', at)?.protected).toEqual({ min: 0, max: 0 });
    expect(orderTypeAt('GV-130', at)?.confidentiality).toBe('courthouse-only');
    expect(orderTypeAt('DV-600', at)?.confidentiality).toBe('sealed');
    expect(orderTypeAt('DV-130', at)?.defaultExpiry).toEqual({
      rule: 'from-issuance',
      duration: 'P3Y',
    });
    expect(orderTypeAt('CH-130', at)?.defaultExpiry).toEqual({
      rule: 'from-issuance',
      duration: 'P3Y',
    });
    expect(orderTypeAt('EPO-001', at)?.defaultExpiry).toEqual({ rule: 'epo' });
    expect(orderTypeAt('EPO-002', at)?.defaultExpiry).toEqual({
      rule: 'from-issuance',
      duration: 'P21D',
    });
    expect(orderTypeAt('JV-255', at)?.endOfDayIfNoTime).toBe(true);
    expect(orderTypeAt('DV-730', at)?.noExpirationAllowed).toBe(true);
    expect(orderTypeAt('DV-130', at)?.renewal?.window).toBe('P3M');
    expect(orderTypeAt('CR-160', at)?.maxDuration).toBe('P10Y');
    expect(orderTypeAt('WV-130', at)?.maxDuration).toBe('P3Y');
    expect(orderTypeAt('GV-130', at)?.minDuration).toBe('P1Y');
    expect(orderTypeAt('DV-110', at)?.phase).toBe('temporary');
    expect(orderTypeAt('GV-130', at)?.conductTerms).toEqual(['firearms', 'other']);
  });
});

describe('NCIC code tables', () => {
  it('holds the §3.4 codes with labels', () => {
    expect(sexCodes.map((r) => r.code)).toEqual(['M', 'F', 'X', 'U']);
    expect(raceCodes.map((r) => r.code)).toEqual(['A', 'B', 'I', 'P', 'W', 'U']);
    expect(eyeCodes.map((r) => r.code)).toContain('BRO');
    expect(eyeCodes.map((r) => r.code)).not.toContain('BR0');
    expect(hairCodes.find((r) => r.code === 'XXX')?.label).toMatch(/bald/);
    expect(hairCodes.map((r) => r.code)).not.toContain('BAL');
    expect(skinCodes.map((r) => r.code)).not.toContain('XXX');
    expect(skinCodes.map((r) => r.code)).toContain('OLV');
    for (const table of Object.values(ncicCodeTables)) {
      for (const row of table) expect(row.label.length).toBeGreaterThan(2);
    }
  });

  it('marks the unverified CLETS mappings of X and P', () => {
    const x = sexCodes.find((r) => r.code === 'X');
    expect(x && 'cletsCode' in x ? x.cletsCode : undefined).toBe('U');
    const p = raceCodes.find((r) => r.code === 'P');
    expect(p && 'note' in p ? p.note : '').toMatch(/UNVERIFIED/);
  });
});
