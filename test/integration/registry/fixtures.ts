/**
 * Order payloads and mutations for the registry suites. Orders follow the domain model's shape
 * (src/shared/orders, modelled on test/fixtures/orders/DV-110.valid.json) with a deterministic
 * id, case number and names per index, so a test can regenerate exactly what it pushed.
 */
import { randomUUID } from 'node:crypto';

import { payloadHash } from '../../../src/registry/client/canonicalJson';
import type { MutationInput } from '../../../src/registry/push/types';

export const COURT_A = 'CA034999J';
export const COURT_B = 'CA019015J';

export const SURNAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Nguyen',
  'Kim',
  'Patel',
  'Schmidt',
  'Okonkwo',
  'Kowalski',
  'Cruz',
  'Li',
  'Wong',
  'Fitzgerald',
  'Delgado',
  'Abernathy',
  'Castellanos',
  'Yamamoto',
  'Oconnor',
] as const;

export const FIRST_NAMES = [
  'Daniel',
  'Maria',
  'James',
  'Linda',
  'Robert',
  'Ana',
  'Wei',
  'Priya',
  'Omar',
  'Grace',
] as const;

/** Letters-only spelling of a number (names may not contain digits): 12 → "Bc". */
export function letters(i: number): string {
  const s = String(i)
    .split('')
    .map((d) => 'abcdefghij'[Number(d)] ?? 'a')
    .join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The first name of order `i`'s protected person: "Kid" + letters(i). */
export function protectedFirst(i: number): string {
  return `Kid${letters(i).toLowerCase()}`;
}

/** A deterministic v4-shaped UUID for order `i` of a run tag. */
export function orderId(tag: number, i: number): string {
  const hex = (tag * 1_000_003 + i).toString(16).padStart(12, '0').slice(-12);
  return `6b1d2f7e-4c3a-4e8b-9f21-${hex}`;
}

export type OrderOptions = {
  readonly court?: string;
  readonly tag?: number;
  readonly last?: string;
  readonly first?: string;
  readonly dob?: string;
  readonly licence?: string;
};

/** A DV-110-like order; `i` picks names, DOB and case number unless given. */
export function makeOrder(i: number, options: OrderOptions = {}): Record<string, unknown> {
  const tag = options.tag ?? 1;
  const last = options.last ?? SURNAMES[i % SURNAMES.length] ?? 'Smith';
  const first = options.first ?? FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Daniel';
  const year = 1950 + (i % 50);
  const dob =
    options.dob ??
    `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  return {
    id: orderId(tag, i),
    orderType: 'DV-110',
    caseNumber: `26FL${String(tag % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`,
    court: {
      ori: options.court ?? COURT_A,
      name: 'Superior Court of California, County of Sacramento',
    },
    judicialOfficer: 'Hon. Teresa M. Okonkwo',
    issuedAt: '2026-11-02T15:42:00-08:00',
    expiration: { kind: 'unspecified' },
    restrained: {
      name: { last, first },
      aliases: [],
      sex: 'M',
      race: 'W',
      dob,
      ...(options.licence ? { licence: { number: options.licence, state: 'CA' } } : {}),
    },
    protected: [
      {
        name: { last: 'Protected', first: protectedFirst(i) },
        aliases: [],
        sex: 'F',
        race: 'W',
        relationship: 'spouse',
        coveredBy: ['no-contact-1'],
      },
    ],
    terms: [{ id: 'no-contact-1', kind: 'no-contact', exceptions: ['legal-papers'] }],
    service: { method: 'not-served' },
    status: 'active',
  };
}

/** A mutation with its canonical payload hash and a fresh idempotency key. */
export async function mutation(
  deviceId: string,
  seq: number,
  kind: string,
  payload: unknown,
  idempotencyKey: string = randomUUID(),
): Promise<MutationInput> {
  return { deviceId, seq, idempotencyKey, payloadHash: await payloadHash(payload), kind, payload };
}

/** `order.submit` mutation for `order`. */
export function submit(
  deviceId: string,
  seq: number,
  order: unknown,
  pages?: readonly string[],
): Promise<MutationInput> {
  return mutation(deviceId, seq, 'order.submit', {
    order,
    ...(pages ? { pages: pages.map((sha256) => ({ sha256 })) } : {}),
  });
}
