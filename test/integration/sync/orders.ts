/**
 * Orders for the sync suites: the DV-110 fixture with a distinct id, case number and surname
 * per index, and the outbox row / push row that submitting it produces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { PushRow } from '../../../src/shared/ipc/contracts/sync';

const fixture = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../fixtures/orders/DV-110.valid.json'), 'utf8'),
) as Record<string, unknown>;

export const COURT = 'CA034999J';

/** A v4-shaped UUID per run tag and index. */
export function testOrderId(tag: number, i: number): string {
  const hex = (tag * 100_000 + i).toString(16).padStart(12, '0');
  return `5a0c7e21-3b4d-4f6a-8e9b-${hex}`;
}

type TestOrder = Record<string, unknown> & { id: string; orderType: string; caseNumber: string };

/** Letters for a number (0 → "a", 27 → "bb"), so generated surnames stay valid names. */
export function letters(n: number): string {
  let out = '';
  let v = n;
  do {
    out = String.fromCharCode(97 + (v % 26)) + out;
    v = Math.floor(v / 26);
  } while (v > 0);
  return out;
}

/** Order `i` of run `tag`: the DV-110 fixture with its own id, case number and surname. */
export function testOrder(tag: number, i: number, surname = `Parkerson${letters(i)}`): TestOrder {
  const o = structuredClone(fixture) as TestOrder & { restrained: { name: { last: string } } };
  o.id = testOrderId(tag, i);
  o.caseNumber = `26FL${String(tag % 100).padStart(2, '0')}${String(i).padStart(4, '0')}`;
  o.restrained.name.last = surname;
  return o;
}

/** The push row for submitting `order` (as ordersRepo.submitOrder queues it). */
export function submitRow(localSeq: number, order: Record<string, unknown>): PushRow {
  return {
    localSeq,
    idempotencyKey: `order.submit:${String(order.id)}`,
    kind: 'order.submit',
    payload: { order, confidential: null, meta: {} },
  };
}
