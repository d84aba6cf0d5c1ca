import { describe, expect, it } from 'vitest';
import { firearmDeadlines, renewalWindow } from '../../../../src/shared/orders';
import { validOrder } from './fixtureFiles';

describe('firearmDeadlines', () => {
  it('counts 24 h and 48 h from service, in Pacific time', () => {
    // CH-130 served 31 Oct 2026 09:40 PDT; DST ends at 02:00 on 1 Nov, so 24 elapsed hours
    // later the wall clock shows 08:40 PST.
    expect(firearmDeadlines(validOrder('CH-130'))).toEqual({
      relinquishBy: '2026-11-01T08:40:00-08:00',
      proofBy: '2026-11-02T08:40:00-08:00',
    });
  });

  it('is null before service or without a firearms term', () => {
    expect(firearmDeadlines(validOrder('CH-110'))).toBeNull();
    expect(firearmDeadlines(validOrder('SV-130'))).toBeNull();
  });
});

describe('renewalWindow', () => {
  it('opens 3 months before expiry', () => {
    expect(renewalWindow(validOrder('DV-130'))).toEqual({
      opensOn: '2029-08-20',
      closesOn: '2029-11-20',
    });
    // CH-130 with the 3-year default from 29 Oct 2026.
    expect(renewalWindow(validOrder('CH-130'))).toEqual({
      opensOn: '2029-07-29',
      closesOn: '2029-10-29',
    });
  });

  it('clamps to the end of a shorter month', () => {
    const o = {
      ...validOrder('DV-130'),
      expiration: { kind: 'at' as const, at: '2029-05-31T23:59:00-07:00' },
    };
    expect(renewalWindow(o)).toEqual({ opensOn: '2029-02-28', closesOn: '2029-05-31' });
  });

  it('is null for types without renewal and for permanent orders', () => {
    expect(renewalWindow(validOrder('DV-110'))).toBeNull();
    expect(renewalWindow(validOrder('DV-730'))).toBeNull();
  });
});
