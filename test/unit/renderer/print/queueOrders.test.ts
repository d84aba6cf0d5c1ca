import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import type { OrderRow } from '../../../../src/renderer/db/rows';
import {
  courtroomsOf,
  courtToday,
  inCourtroom,
  listQueueOrders,
  noCourtroom,
} from '../../../../src/renderer/features/print/queue/queueOrders';

const row = (id: string, submittedAt: string, courtroom: string): OrderRow => ({
  id,
  orderType: 'DV-110',
  caseNumber: id.toUpperCase(),
  status: 'queued',
  updatedAt: submittedAt,
  courtroom,
  submittedAt,
  order: {},
});

const db = new ClerkDb('queue-orders');
const rows = [
  row('a', '2026-12-02T16:30:00.000Z', 'Dept 10'), // 8:30 am on the 2nd
  row('b', '2026-12-03T07:30:00.000Z', 'Dept 2'), // 11:30 pm on the 2nd, UTC says the 3rd
  row('c', '2026-12-02T07:30:00.000Z', 'Dept 2'), // 11:30 pm on the 1st
  row('d', '2026-12-02T09:00:00-08:00', ''), // a v1 row backfilled with an offset
  row('e', '2026-12-03T17:00:00.000Z', 'Dept 2'),
];

beforeAll(async () => {
  await db.orders.bulkPut(rows);
});
afterAll(async () => {
  db.close();
  await db.delete();
});

describe('listQueueOrders', () => {
  it('lists the orders of one court day, newest first, whatever the stored offset', async () => {
    const day = await listQueueOrders(db, '2026-12-02');
    expect(day.map((r) => r.id)).toEqual(['b', 'd', 'a']);
  });

  it('lists the latest orders when no day is chosen', async () => {
    expect((await listQueueOrders(db, '')).map((r) => r.id)).toEqual(['e', 'b', 'd', 'a', 'c']);
  });
});

describe('courtrooms', () => {
  it('filters by department, including orders with none recorded', () => {
    expect(inCourtroom(rows, 'Dept 2').map((r) => r.id)).toEqual(['b', 'c', 'e']);
    expect(inCourtroom(rows, noCourtroom).map((r) => r.id)).toEqual(['d']);
    expect(inCourtroom(rows, '')).toHaveLength(5);
  });

  it('sorts departments naturally', () => {
    expect(courtroomsOf(rows)).toEqual(['Dept 2', 'Dept 10']);
  });

  it('knows today in court time', () => {
    expect(courtToday(new Date('2026-12-03T06:00:00Z'))).toBe('2026-12-02');
  });
});
