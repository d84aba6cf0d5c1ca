import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { planMessage, type OnFileRecord, type Plan } from '../../../../src/registry/relay/plan';
import {
  lifecycleEventDef,
  orderSchema,
  type Order,
  type OrderInput,
} from '../../../../src/shared/orders';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/orders');
const load = (type: string): Order =>
  orderSchema.parse(
    JSON.parse(readFileSync(path.join(FIXTURES, `${type}.valid.json`), 'utf8')) as OrderInput,
  );

const dv = load('DV-130'); // two protected people, served in court
const KEY_MELISSA = 'CA034999J|26FL004512|PARKER, MELISSA ANN';
const KEY_EMMA = 'CA034999J|26FL004512|PARKER, EMMA ROSE';

function sent(plan: Plan) {
  if (plan.kind !== 'send') throw new Error(`expected a message, got ${JSON.stringify(plan)}`);
  return plan.records.map((r) => [r.key, r.mke]);
}

function onFile(state: OnFileRecord['state'], ...keys: string[]): OnFileRecord[] {
  return keys.map((key, i) => ({
    key,
    fcn: `260010000000${i + 1}`,
    state,
    identity: [
      { tag: 'ORI', value: 'CA034999J' },
      { tag: 'NAM', value: 'PARKER, DANIEL JAMES' },
      { tag: 'PNO', value: '26FL004512' },
      { tag: 'PPN', value: key.split('|')[2] ?? '' },
    ],
  }));
}

describe('relay: planning the CLETS message of an event', () => {
  it('takes message keys from the domain event table, never its own', () => {
    expect(lifecycleEventDef('issued').mke).toBe('EPO');
    const plan = planMessage('issued', dv, []);
    expect(sent(plan)).toEqual([
      [KEY_MELISSA, 'EPO'],
      [KEY_EMMA, 'EPO'],
    ]);
    if (plan.kind === 'send') {
      expect(
        plan.records[0]?.line.startsWith('MKE/EPO.ORI/CA034999J.NAM/PARKER, DANIEL JAMES.'),
      ).toBe(true);
      expect(plan.records[0]?.identity.map((f) => f.tag)).toEqual([
        'ORI',
        'NAM',
        'SEX',
        'RAC',
        'DOB',
        'PNO',
        'PPN',
        'OCA',
      ]);
    }
  });

  it('modifies records on file and enters the ones CLETS does not hold', () => {
    expect(sent(planMessage('modified', dv, onFile('active', KEY_MELISSA, KEY_EMMA)))).toEqual([
      [KEY_MELISSA, 'MPO'],
      [KEY_EMMA, 'MPO'],
    ]);
    // The entry was rejected: nothing on file, so the correction goes as an entry.
    expect(sent(planMessage('modified', dv, []))).toEqual([
      [KEY_MELISSA, 'EPO'],
      [KEY_EMMA, 'EPO'],
    ]);
    // A protected person added: only that one is entered.
    expect(sent(planMessage('renewed', dv, onFile('active', KEY_MELISSA)))).toEqual([
      [KEY_MELISSA, 'MPO'],
      [KEY_EMMA, 'EPO'],
    ]);
  });

  it('clears the record of a protected person who was removed from the order', () => {
    const one = { ...dv, protected: dv.protected.slice(0, 1) };
    const plan = planMessage('modified', one, onFile('active', KEY_MELISSA, KEY_EMMA));
    expect(sent(plan)).toEqual([
      [KEY_MELISSA, 'MPO'],
      [KEY_EMMA, 'CPO'],
    ]);
    if (plan.kind === 'send')
      expect(plan.records[1]?.line).toBe(
        'MKE/CPO.ORI/CA034999J.NAM/PARKER, DANIEL JAMES.PNO/26FL004512.PPN/PARKER, EMMA ROSE.',
      );
  });

  it('clears, cancels and records service only on records on file', () => {
    const both = onFile('active', KEY_MELISSA, KEY_EMMA);
    expect(sent(planMessage('terminated', dv, both))).toEqual([
      [KEY_MELISSA, 'CPO'],
      [KEY_EMMA, 'CPO'],
    ]);
    expect(
      sent(planMessage('entered-in-error', dv, onFile('cleared', KEY_MELISSA, KEY_EMMA))),
    ).toEqual([
      [KEY_MELISSA, 'XPO'],
      [KEY_EMMA, 'XPO'],
    ]);
    const service = planMessage('served', dv, onFile('active', KEY_EMMA));
    expect(sent(service)).toEqual([[KEY_EMMA, 'MPO']]);
    if (service.kind === 'send')
      expect(service.records[0]?.line).toMatch(/MIS\/SERVED IN COURT 20261120 1005\.$/);
    expect(planMessage('terminated', dv, onFile('cleared', KEY_MELISSA))).toEqual({
      kind: 'skip',
      reason: 'nothing on file at CLETS for this order to clear',
    });
    expect(planMessage('served', dv, [])).toMatchObject({ kind: 'skip' });
  });

  it('names the field when the order cannot be turned into records', () => {
    const unserved = { ...dv, service: { method: 'not-served' as const } };
    expect(planMessage('served', unserved, onFile('active', KEY_MELISSA))).toEqual({
      kind: 'problem',
      path: 'service',
      message: 'The order has not been served: record the service before sending it.',
      tag: null,
      record: 0,
    });
    const early = { ...dv, expiration: { kind: 'at' as const, at: '2026-11-01T00:00:00-08:00' } };
    expect(planMessage('issued', early, [])).toMatchObject({ kind: 'problem', path: 'expiration' });
  });

  it('refuses a record the NCIC tag table refuses, naming tag and record', () => {
    // Other terms go to MIS, whose (UNVERIFIED) limit is 500 characters.
    const longMis = {
      ...dv,
      terms: [...dv.terms, { id: 'other-1', kind: 'other', text: 'X'.repeat(600) }],
    };
    const plan = planMessage('issued', longMis as Order, []);
    expect(plan).toMatchObject({ kind: 'problem', tag: 'MIS', record: 1 });
  });
});
