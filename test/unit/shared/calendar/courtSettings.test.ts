import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLOSE_OF_BUSINESS,
  closeOfBusinessFor,
  courtClosureTableSchema,
  courtRulesFor,
  courtSettingsTableSchema,
} from '../../../../src/shared/calendar';
import { checkOrder } from '../../../../src/shared/orders';
import { readFixture } from '../orders/fixtureFiles';

const settings = courtSettingsTableSchema.parse([
  { court: 'CA034999J', closeOfBusiness: '16:00' },
  { court: 'CA019015J', closeOfBusiness: '17:30' },
]);
const closures = courtClosureTableSchema.parse([
  { court: 'CA034999J', date: '2026-08-04', reason: 'Power outage' },
  { court: '*', date: '2026-08-10', reason: 'Day of mourning' },
  { court: 'CA019015J', date: '2026-03-04', reason: 'Flood' },
]);

describe('per-court settings table', () => {
  it('gives each court its own close of business, and 17:00 to a court without a row', () => {
    expect(closeOfBusinessFor(settings, 'CA034999J')).toBe('16:00');
    expect(closeOfBusinessFor(settings, 'CA019015J')).toBe('17:30');
    expect(closeOfBusinessFor(settings, 'CA010999J')).toBe(DEFAULT_CLOSE_OF_BUSINESS);
    expect(DEFAULT_CLOSE_OF_BUSINESS).toBe('17:00');
  });

  it('refuses a time that is not HH:MM and a court with two rows', () => {
    const bad = courtSettingsTableSchema.safeParse([
      { court: 'CA034999J', closeOfBusiness: '5pm' },
    ]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(
      'Close of business must be HH:MM in 24-hour time, e.g. 17:00.',
    );
    const twice = courtSettingsTableSchema.safeParse([
      { court: 'CA034999J', closeOfBusiness: '16:00' },
      { court: 'CA034999J', closeOfBusiness: '17:00' },
    ]);
    expect(twice.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [[1, 'court'], 'Court CA034999J has two settings rows: keep one.'],
    ]);
  });

  it('joins one court’s closures and close of business for the order rules', () => {
    expect(courtRulesFor(settings, closures, 'CA034999J')).toEqual({
      closures: ['2026-08-04', '2026-08-10'],
      closeOfBusiness: '16:00',
    });
    expect(courtRulesFor([], [], 'CA034999J')).toEqual({ closures: [], closeOfBusiness: '17:00' });
  });

  it('changes an EPO’s expiry through checkOrder, court by court', () => {
    // Issued Monday 2 March 2026: the 5th court day (9 March) comes before the end of the 7th
    // calendar day (9 March, 23:59:59), so the court's close of business decides the expiry.
    const o = readFixture('EPO-001.valid.json') as {
      issuedAt: string;
      court: { ori: string };
      service: { at: string };
    };
    o.issuedAt = '2026-03-02T10:00:00-08:00';
    o.service.at = '2026-03-02T11:00:00-08:00';
    const expiresFor = (court: string) => {
      o.court.ori = court;
      const rules = courtRulesFor(settings, closures, court);
      return checkOrder(o, { now: '2026-03-02T12:00:00-08:00', ...rules }).derived?.expiresAt;
    };
    // No rows: the default 17:00.
    expect(expiresFor('CA010999J')).toBe('2026-03-09T17:00:00-07:00');
    // Its own 16:00 close of business.
    expect(expiresFor('CA034999J')).toBe('2026-03-09T16:00:00-07:00');
    // Its 4 March closure moves the 5th court day to 10 March: the 7th calendar day ends first.
    expect(expiresFor('CA019015J')).toBe('2026-03-09T23:59:59-07:00');
  });
});
