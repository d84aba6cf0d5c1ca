import { describe, expect, it } from 'vitest';
import { cletsDueBy, courtHoursUntil } from '../../../../src/shared/calendar';
import { InvalidInstantError } from '../../../../src/shared/time';

describe('cletsDueBy', () => {
  it('is the end of the next court day after the event, in Pacific time', () => {
    // Thursday 2 July 2026; Friday 3 July is the observed Independence Day.
    expect(cletsDueBy('2026-07-02T15:00:00-07:00')).toBe('2026-07-06T23:59:59.999-07:00');
    expect(cletsDueBy('2026-01-14T09:00:00-08:00')).toBe('2026-01-15T23:59:59.999-08:00');
  });

  it('uses the California date of the event, not the UTC date', () => {
    // 22:30 Pacific on Monday 6 July is already Tuesday in UTC.
    expect(cletsDueBy('2026-07-07T05:30:00Z')).toBe('2026-07-07T23:59:59.999-07:00');
  });

  it('an event on a weekend or holiday is due at the end of the next court day', () => {
    expect(cletsDueBy('2026-07-04T10:00:00-07:00')).toBe('2026-07-06T23:59:59.999-07:00');
    expect(cletsDueBy('2026-11-26T10:00:00-08:00')).toBe('2026-11-30T23:59:59.999-08:00');
  });

  it('writes the offset of the due date across a DST change', () => {
    // Friday 6 March 2026 (PST) → Monday 9 March (PDT).
    expect(cletsDueBy('2026-03-06T12:00:00-08:00')).toBe('2026-03-09T23:59:59.999-07:00');
  });

  it('respects court closures', () => {
    expect(cletsDueBy('2026-07-02T15:00:00-07:00', ['2026-07-06'])).toBe(
      '2026-07-07T23:59:59.999-07:00',
    );
  });

  it('refuses an instant without a zone', () => {
    expect(() => cletsDueBy('2026-07-02T15:00:00')).toThrow(InvalidInstantError);
  });
});

describe('courtHoursUntil', () => {
  const due = '2026-07-06T23:59:59.999-07:00';

  it('counts only 08:00–17:00 on court days', () => {
    expect(courtHoursUntil('2026-07-06T16:00:00-07:00', due)).toBe(1);
    expect(courtHoursUntil('2026-07-06T08:00:00-07:00', due)).toBe(9);
    expect(courtHoursUntil('2026-07-06T06:00:00-07:00', due)).toBe(9);
    // From Thursday 16:00: 1 h Thursday, holiday Friday, weekend, 9 h Monday.
    expect(courtHoursUntil('2026-07-02T16:00:00-07:00', due)).toBe(10);
  });

  it('counts part hours and stops at the due time', () => {
    expect(courtHoursUntil('2026-07-06T09:00:00-07:00', '2026-07-06T10:30:00-07:00')).toBe(1.5);
  });

  it('is 0 when the due time has passed or is outside court hours', () => {
    expect(courtHoursUntil('2026-07-07T09:00:00-07:00', due)).toBe(0);
    expect(courtHoursUntil('2026-07-06T18:00:00-07:00', due)).toBe(0);
  });

  it('takes court closures and custom hours', () => {
    expect(courtHoursUntil('2026-07-02T16:00:00-07:00', due, ['2026-07-06'])).toBe(1);
    expect(
      courtHoursUntil('2026-07-06T08:00:00-07:00', due, [], { open: '08:30', close: '16:00' }),
    ).toBe(7.5);
  });
});
