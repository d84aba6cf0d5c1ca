import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  caseKey,
  checkOrderPayload,
  describeIssues,
  extractOrderKeys,
  registryOrderSchema,
} from '../../../src/registry/search/searchKeys';

const order = {
  id: '6b1d2f7e-4c3a-4e8b-9f21-0a7c5d3e9b14',
  orderType: 'DV-110',
  caseNumber: '26FL004512',
  court: { ori: 'CA034999J', name: 'Sacramento' },
  restrained: {
    name: { last: 'Peña', first: 'Daniel' },
    aliases: [{ last: 'Parker', first: 'Danny' }, 'Smyth, Dan'],
    sex: 'M',
    dob: '1988-03-14',
    licence: { number: 'd482-1937', state: 'ca' },
  },
  protected: [{ name: { last: 'Parker', first: 'Melissa' }, aliases: [], dob: '1990-09-02' }],
  terms: [],
};

describe('registry order keys', () => {
  it('extracts case, names (with aliases), phonetic and edit keys, DOB and licence', () => {
    const keys = extractOrderKeys(registryOrderSchema.parse(order));
    expect(keys).toMatchObject({
      orderId: order.id,
      courtOri: 'CA034999J',
      caseKey: '26FL004512',
      restrainedLast: 'Peña',
      restrainedDob: '1988-03-14',
    });
    expect(keys.names.map((n) => [n.role, n.personIndex, n.lastFold, n.firstFold])).toEqual([
      ['restrained', 0, 'PENA', 'DANIEL'],
      ['alias', 0, 'PARKER', 'DANNY'],
      ['alias', 0, 'SMYTH', 'DAN'],
      ['protected', 1, 'PARKER', 'MELISSA'],
    ]);
    expect(keys.names[0]).toMatchObject({
      dm1: 'PN',
      editKeys: expect.arrayContaining(['PENA', 'ENA', 'PEA']),
    });
    expect(keys.licences).toEqual([{ numberKey: 'D4821937', state: 'CA' }]);
  });

  it('keeps unknown fields (the domain model evolves) and matches case numbers loosely', () => {
    const parsed = registryOrderSchema.parse({ ...order, judicialOfficer: 'Hon. X' });
    expect(parsed.judicialOfficer).toBe('Hon. X');
    expect(caseKey('26fl-004 512')).toBe('26FL004512');
  });

  it('names each missing or wrong field in the refusal', () => {
    const bad = registryOrderSchema.safeParse({
      ...order,
      caseNumber: '',
      restrained: { name: {}, dob: '1990-02-30' },
    });
    expect(bad.success).toBe(false);
    const lines = bad.success ? [] : describeIssues(bad.error);
    expect(lines.join('\n')).toMatch(/caseNumber/);
    expect(lines.join('\n')).toMatch(/restrained\.name\.last/);
    expect(lines.join('\n')).toMatch(/restrained\.dob: not a real date/);
  });
});

describe('checkOrderPayload (domain schema first)', () => {
  it('accepts the domain model’s valid fixture and refuses with its clerk-readable messages', () => {
    const file = path.resolve(__dirname, '../../fixtures/orders/DV-110.valid.json');
    const valid = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(checkOrderPayload(valid)).toMatchObject({ ok: true, order: { id: valid.id } });
    const refused = checkOrderPayload({ ...valid, caseNumber: 'bad case!' });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.issues).toEqual([
      expect.stringMatching(/^caseNumber: Case number must be/),
    ]);
    const unknownKey = checkOrderPayload({ ...valid, hieght: 1 });
    expect(unknownKey.ok).toBe(false);
  });
});
