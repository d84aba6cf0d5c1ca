import { describe, expect, it } from 'vitest';
import {
  cletsConfidentialSchema,
  lifecycleEventNames,
  lifecycleEvents,
  nextStatus,
  NO_EXPIRY,
  orderToCletsRecords,
  type CletsField,
} from '../../../../src/shared/orders';
import { validOrder } from './fixtureFiles';

const tags = (record: CletsField[] | undefined) => (record ?? []).map((f) => f.tag);
const value = (record: CletsField[] | undefined, tag: string) =>
  (record ?? []).filter((f) => f.tag === tag).map((f) => f.value);

describe('lifecycle events', () => {
  it('maps every semantic event to a CLETS transaction, MKEs marked unverified', () => {
    expect(lifecycleEvents.map((e) => e.event)).toEqual([...lifecycleEventNames]);
    const kinds = Object.fromEntries(lifecycleEvents.map((e) => [e.event, e.transaction]));
    expect(kinds).toEqual({
      issued: 'enter',
      reissued: 'modify',
      modified: 'modify',
      renewed: 'modify',
      terminated: 'clear',
      served: 'service',
      'entered-in-error': 'cancel',
    });
    for (const e of lifecycleEvents) expect(e.mkeVerified).toBe(false);
  });

  it('allows only sensible transitions', () => {
    expect(nextStatus(null, 'issued')).toEqual({ ok: true, status: 'active' });
    expect(nextStatus('active', 'terminated')).toEqual({ ok: true, status: 'terminated' });
    expect(nextStatus('expired', 'renewed')).toEqual({ ok: true, status: 'active' });
    expect(nextStatus('terminated', 'served')).toEqual({ ok: true, status: 'terminated' });
    expect(nextStatus('terminated', 'modified')).toEqual({
      ok: false,
      message: 'An order that is terminated cannot be modified.',
    });
    expect(nextStatus('active', 'issued').ok).toBe(false);
    expect(nextStatus('entered-in-error', 'entered-in-error').ok).toBe(false);
  });
});

describe('orderToCletsRecords', () => {
  it('gives one full record per protected person for an entry', () => {
    const records = orderToCletsRecords(validOrder('DV-130'), 'issued');
    expect(records).toHaveLength(2);
    const [first, second] = records;
    expect(tags(first).slice(0, 12)).toEqual([
      'ORI',
      'NAM',
      'SEX',
      'RAC',
      'DOB',
      'HGT',
      'WGT',
      'EYE',
      'HAI',
      'SKN',
      'OLN',
      'OLS',
    ]);
    expect(value(first, 'NAM')).toEqual(['PARKER, DANIEL JAMES']);
    expect(value(first, 'HGT')).toEqual(['511']);
    expect(value(first, 'DOB')).toEqual(['19880314']);
    expect(value(first, 'ISD')).toEqual(['20261120']);
    expect(value(first, 'EXP')).toEqual(['20291120']);
    expect(value(first, 'PCO')).toEqual(['01', '02', '03', '04', '05', '07', '08', '09']);
    expect(value(first, 'BRD')).toEqual(['Y']);
    expect(value(first, 'PPN')).toEqual(['PARKER, MELISSA ANN']);
    expect(value(second, 'PPN')).toEqual(['PARKER, EMMA ROSE']);
    expect(value(second, 'PPB')).toEqual(['20170602']);
    expect(tags(first).at(-1)).toBe('OCA');
  });

  it('gives a single record without protected fields for a GVRO', () => {
    const [record, ...rest] = orderToCletsRecords(validOrder('GV-130'), 'issued');
    expect(rest).toEqual([]);
    expect(tags(record)).not.toContain('PPN');
    expect(value(record, 'PCO')).toEqual(['07', '08']);
  });

  it('leaves out absent data, pads weight and notes estimated ages and nonbinary sex', () => {
    const [record] = orderToCletsRecords(validOrder('CH-110'), 'issued');
    expect(tags(record)).not.toContain('DOB');
    expect(tags(record)).not.toContain('OLN');
    expect(value(record, 'PSX')).toEqual(['U']);
    expect(value(record, 'MIS')[0]).toMatch(/RESTRAINED AGE ABOUT 47; PROTECTED SEX NONBINARY$/);
    const epo = orderToCletsRecords(
      { ...validOrder('EPO-001'), restrained: { ...validOrder('EPO-001').restrained, weight: 95 } },
      'issued',
    );
    expect(value(epo[0], 'WGT')).toEqual(['095']);
    expect(value(epo[0], 'OCA')).toEqual(['EGPD26-118734']);
    expect(value(epo[1], 'MIS')[0]).toMatch(/PROTECTED AGE ABOUT 6$/);
  });

  it('sends NONEXP for an order with no expiration and maps race P to A', () => {
    expect(value(orderToCletsRecords(validOrder('DV-730'), 'renewed')[0], 'EXP')).toEqual([
      NO_EXPIRY,
    ]);
    expect(value(orderToCletsRecords(validOrder('SV-130'), 'issued')[0], 'PPR')).toEqual(['A']);
  });

  it('carries identity only for clear and cancel, and the service statement for service', () => {
    const order = validOrder('CH-130');
    expect(tags(orderToCletsRecords(order, 'terminated')[0])).toEqual([
      'ORI',
      'NAM',
      'SEX',
      'RAC',
      'DOB',
      'PNO',
      'PPN',
      'OCA',
    ]);
    const served = orderToCletsRecords(order, 'served')[0];
    expect(value(served, 'MIS')).toEqual([
      'SERVED PERSONALLY 20261031 0940 BY TOMAS REYES PLACER COUNTY SHERIFF',
    ]);
    expect(() => orderToCletsRecords(validOrder('CH-110'), 'served')).toThrow(
      /has not been served/,
    );
  });

  it('uses the entering agency ORI when another agency enters the order', () => {
    const [record] = orderToCletsRecords(validOrder('DV-130'), 'issued', {
      enteringOri: 'CA0340000',
    });
    expect(value(record, 'ORI')).toEqual(['CA0340000']);
    expect(value(record, 'CTI')).toEqual(['CA034999J']);
  });
});

describe('CLETS-001 confidential block', () => {
  it('is a separate schema, linked by order id, not part of the order', () => {
    const block = {
      orderId: validOrder('DV-130').id,
      form: 'CLETS-001',
      filedAt: '2026-11-02T09:10:00-08:00',
      restrained: { ssn: '123456789', vehicles: [{ plate: '8RTK527', plateState: 'CA' }] },
    };
    expect(cletsConfidentialSchema.parse(block)).toMatchObject({ amended: false, protected: [] });
    expect(
      cletsConfidentialSchema.safeParse({ ...block, restrained: { ssn: '123-45-6789' } }).success,
    ).toBe(false);
    expect('ssn' in validOrder('DV-130').restrained).toBe(false);
  });
});
