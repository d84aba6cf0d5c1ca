import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveExpiry,
  epoExpiry,
  latestExpiry,
  orderTypeAt,
  orderTypeCodes,
  type Expiration,
} from '../../../../src/shared/orders';

const order = (
  orderType: string,
  issuedAt: string,
  expiration: Expiration = { kind: 'unspecified' },
  hearingAt?: string,
) => ({ orderType, issuedAt, expiration, hearingAt });

describe('EPO expiry (Fam. Code §6256)', () => {
  it('takes the 5th court day at close of business when it comes first', () => {
    // Monday 2 March 2026: 5th court day Monday 9 March (PDT from 8 March); 7th calendar day 9 March.
    const r = epoExpiry('2026-03-02T10:00:00-08:00');
    expect(r.at).toBe('2026-03-09T17:00:00-07:00');
    expect(r.explanation).toMatch(/5th court day comes first/);
  });

  it('takes the end of the 7th calendar day across Independence Day (observed Friday 3 July 2026)', () => {
    // Thursday 2 July: court days 6, 7, 8, 9, 10 July → 10 July; 7th calendar day 9 July.
    const r = epoExpiry('2026-07-02T10:00:00-07:00');
    expect(r.at).toBe('2026-07-09T23:59:59-07:00');
  });

  it('skips Thanksgiving and the day after', () => {
    // Friday 20 Nov 2026, 23:40: 5th court day is Tue 1 Dec; 7th calendar day 27 Nov comes first.
    expect(epoExpiry('2026-11-20T23:40:00-08:00').at).toBe('2026-11-27T23:59:59-08:00');
    // Monday 23 Nov: court days 24, 25, 30 Nov, 1, 2 Dec → 2 Dec; 7th calendar day 30 Nov.
    expect(epoExpiry('2026-11-23T09:00:00-08:00').at).toBe('2026-11-30T23:59:59-08:00');
  });

  it('counts Columbus Day as a court day', () => {
    // Monday 12 Oct 2026 is a court day: from Tue 6 Oct the 5th court day is Tue 13 Oct.
    expect(epoExpiry('2026-10-06T09:00:00-07:00').at).toBe('2026-10-13T17:00:00-07:00');
  });

  it('uses the court closing time and closures', () => {
    expect(epoExpiry('2026-03-02T10:00:00-08:00', { closeOfBusiness: '16:30' }).at).toBe(
      '2026-03-09T16:30:00-07:00',
    );
    // An emergency closure on 4 March pushes the 5th court day to 10 March: the 7th day wins.
    expect(epoExpiry('2026-03-02T10:00:00-08:00', { closures: ['2026-03-04'] }).at).toBe(
      '2026-03-09T23:59:59-07:00',
    );
  });

  it('counts from the Pacific date of issuance', () => {
    // 03:00 UTC on Tuesday 3 March is Monday 2 March, 19:00, in California.
    expect(epoExpiry('2026-03-03T03:00:00Z').at).toBe('2026-03-09T17:00:00-07:00');
  });

  it('refuses a written EPO expiry later than the statute allows', () => {
    const r = deriveExpiry(
      order('EPO-001', '2026-03-02T10:00:00-08:00', {
        kind: 'at',
        at: '2026-03-09T18:00:00-07:00',
      }),
    );
    expect(r).toMatchObject({ ok: false, path: 'expiration' });
    expect(!r.ok && r.message).toMatch(/latest is 2026-03-09T17:00:00-07:00/);
  });
});

describe('default expiries', () => {
  it('DV and CH with no expiration written last 3 years from issuance', () => {
    expect(deriveExpiry(order('DV-130', '2026-11-20T10:05:00-08:00'))).toMatchObject({
      ok: true,
      expiresAt: '2029-11-20T23:59:59-08:00',
      rule: 'default-from-issuance',
    });
    expect(deriveExpiry(order('CH-130', '2026-06-15T10:00:00-07:00'))).toMatchObject({
      expiresAt: '2029-06-15T23:59:59-07:00',
    });
  });

  it('3 years from 29 February ends on 28 February', () => {
    const r = deriveExpiry(order('DV-130', '2024-02-29T09:00:00-08:00'));
    expect(r.ok && r.expiresAt).toBe('2027-02-28T23:59:59-08:00');
  });

  it('an emergency GVRO lasts 21 days', () => {
    const r = deriveExpiry(order('EPO-002', '2026-11-06T02:15:00-08:00'));
    expect(r.ok && r.expiresAt).toBe('2026-11-27T23:59:59-08:00');
  });

  it('a juvenile order with a date but no time ends at the end of that date', () => {
    const r = deriveExpiry(
      order('JV-255', '2026-11-09T11:20:00-08:00', { kind: 'date', date: '2029-11-09' }),
    );
    expect(r).toMatchObject({
      ok: true,
      expiresAt: '2029-11-09T23:59:59-08:00',
      rule: 'end-of-day',
    });
  });

  it('a juvenile order with nothing written ends 3 years after the hearing', () => {
    const r = deriveExpiry(
      order(
        'JV-255',
        '2026-11-10T11:20:00-08:00',
        { kind: 'unspecified' },
        '2026-11-09T08:30:00-08:00',
      ),
    );
    expect(r.ok && r.expiresAt).toBe('2029-11-09T23:59:59-08:00');
    const noHearing = deriveExpiry(order('JV-255', '2026-11-10T11:20:00-08:00'));
    expect(noHearing).toMatchObject({ ok: false, path: 'hearingAt' });
  });

  it('a temporary order lasts until the hearing', () => {
    const r = deriveExpiry(
      order(
        'DV-110',
        '2026-11-02T15:42:00-08:00',
        { kind: 'unspecified' },
        '2026-11-20T08:30:00-08:00',
      ),
    );
    expect(r).toMatchObject({
      ok: true,
      expiresAt: '2026-11-20T23:59:59-08:00',
      rule: 'until-hearing',
    });
  });

  it('refuses a date without time where the form does not say midnight', () => {
    const r = deriveExpiry(
      order('DV-130', '2026-11-20T10:05:00-08:00', { kind: 'date', date: '2029-11-20' }),
    );
    expect(r).toMatchObject({ ok: false, path: 'expiration' });
  });

  it('allows "no expiration" only where the law does', () => {
    expect(
      deriveExpiry(order('DV-730', '2026-10-14T11:00:00-07:00', { kind: 'none' })),
    ).toMatchObject({
      ok: true,
      expiresAt: null,
    });
    expect(
      deriveExpiry(order('DV-130', '2026-10-14T11:00:00-07:00', { kind: 'none' })),
    ).toMatchObject({
      ok: false,
    });
  });

  it('requires a written expiry for types without a default', () => {
    for (const code of ['EA-130', 'WV-130', 'SV-130', 'GV-130', 'CR-160', 'DV-600', 'DV-730']) {
      expect(deriveExpiry(order(code, '2026-10-14T11:00:00-07:00')), code).toMatchObject({
        ok: false,
        path: 'expiration',
      });
    }
  });

  it('enforces the maximum and the minimum', () => {
    const issued = '2026-10-06T09:20:00-07:00';
    const at = (iso: string): Expiration => ({ kind: 'at', at: iso });
    expect(deriveExpiry(order('CR-160', issued, at('2036-10-06T23:59:00-07:00'))).ok).toBe(true);
    expect(deriveExpiry(order('CR-160', issued, at('2036-10-07T00:00:00-07:00'))).ok).toBe(false);
    expect(deriveExpiry(order('GV-130', issued, at('2027-10-05T12:00:00-07:00'))).ok).toBe(false);
    expect(deriveExpiry(order('GV-130', issued, at('2027-10-06T12:00:00-07:00'))).ok).toBe(true);
    expect(deriveExpiry(order('DV-130', issued, at('2026-10-06T09:00:00-07:00'))).ok).toBe(false);
  });
});

describe('derived expiry never beyond the type maximum (property)', () => {
  const limited = orderTypeCodes.filter((c) => orderTypeAt(c, '2026-01-01')?.maxDuration);
  const instant = fc
    .date({
      min: new Date('2019-01-02T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));

  it('holds for defaults and for any written expiry that passes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...limited),
        instant,
        fc.integer({ min: 1, max: 30 }),
        fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined }),
        (code, issuedAt, hearingDays, writtenDays) => {
          const issuedMs = Date.parse(issuedAt);
          const hearingAt = new Date(issuedMs + hearingDays * 86_400_000).toISOString();
          const expiration: Expiration =
            writtenDays === undefined
              ? { kind: 'unspecified' }
              : { kind: 'at', at: new Date(issuedMs + writtenDays * 86_400_000).toISOString() };
          const r = deriveExpiry(order(code, issuedAt, expiration, hearingAt));
          if (!r.ok || r.expiresAt === null) return;
          const entry = orderTypeAt(code, issuedAt)!;
          const latest = latestExpiry(entry, issuedAt)!;
          expect(Date.parse(r.expiresAt)).toBeLessThanOrEqual(Date.parse(latest));
          expect(Date.parse(r.expiresAt)).toBeGreaterThan(issuedMs);
          if (code === 'EPO-001') {
            expect(Date.parse(r.expiresAt)).toBeLessThanOrEqual(Date.parse(epoExpiry(issuedAt).at));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
