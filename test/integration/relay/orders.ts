/**
 * Order payloads for the relay suites, built from the valid fixtures (test/fixtures/orders) with
 * a fresh id, case number and restrained name per index, so every order is a distinct CLETS
 * entry that passes the NCIC tag table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { OrderInput } from '../../../src/shared/orders';

const FIXTURES = path.resolve(__dirname, '../../fixtures/orders');

/** A valid fixture by order type, e.g. 'DV-110'. */
export function fixture(type: string): OrderInput {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${type}.valid.json`), 'utf8')) as OrderInput;
}

const SURNAMES = ['Parker', 'Nguyen', 'Garcia', 'Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Silva'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A v4-shaped UUID for index `i` of run `tag`. */
export function uuidFor(tag: number, i: number): string {
  const hex = (tag * 1_000_003 + i).toString(16).padStart(12, '0').slice(-12);
  return `0c1e7a55-9d2b-4f10-8a3c-${hex}`;
}

export type RelayOrderOptions = {
  readonly tag?: number;
  readonly type?: string;
  readonly issuedAt?: string;
  readonly served?: boolean;
  readonly last?: string;
};

/** Order `i`: the fixture of `type` (DV-110 by default) with its own id, case number and name. */
export function relayOrder(i: number, options: RelayOrderOptions = {}): OrderInput {
  const tag = options.tag ?? 1;
  const base = fixture(options.type ?? 'DV-110');
  const suffix = `${LETTERS[i % 26]}${LETTERS[Math.floor(i / 26) % 26]}`;
  const order: OrderInput = {
    ...base,
    id: uuidFor(tag, i),
    // One court, so one enrolled workstation can file them all.
    court: { ...base.court, ori: 'CA034999J' },
    caseNumber: `26FL${String(tag).padStart(2, '0')}${String(i).padStart(6, '0')}`,
    restrained: {
      ...base.restrained,
      name: {
        ...base.restrained.name,
        last: options.last ?? `${SURNAMES[i % SURNAMES.length]}${suffix.toLowerCase()}`,
      },
    },
    ...(options.issuedAt ? { issuedAt: options.issuedAt } : {}),
  };
  if (options.served === false) order.service = { method: 'not-served' };
  return order;
}
