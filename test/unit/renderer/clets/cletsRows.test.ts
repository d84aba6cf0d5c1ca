import { describe, expect, it } from 'vitest';

import type { OrderRow } from '../../../../src/renderer/db/rows';
import {
  cletsAttentionRows,
  restrainedNameOf,
} from '../../../../src/renderer/features/clets/cletsRows';

function order(over: Partial<OrderRow> & { id: string; status: string }): OrderRow {
  return {
    orderType: 'DV-110',
    caseNumber: `CASE-${over.id}`,
    updatedAt: '2026-12-02T10:00:00-08:00',
    courtroom: '',
    submittedAt: '2026-12-02T09:00:00-08:00',
    order: { restrained: { name: { last: 'DOE', first: 'John' } } },
    ...over,
  };
}

describe('cletsAttentionRows', () => {
  it('lists only rejected and needs-attention orders, with the relay reason', () => {
    const rows = cletsAttentionRows([
      order({ id: 'a', status: 'acknowledged' }),
      order({ id: 'b', status: 'rejected', statusReason: "Fix the restrained person's name." }),
      order({ id: 'c', status: 'at-registry' }),
      order({ id: 'd', status: 'needs-attention', statusReason: 'Registry refused it.' }),
    ]);
    expect(rows.map((r) => r.orderId)).toEqual(['b', 'd']);
    expect(rows[0]).toMatchObject({
      caseNumber: 'CASE-b',
      restrainedName: 'DOE, John',
      reason: "Fix the restrained person's name.",
    });
  });

  it('says what to do when CLETS gave no reason', () => {
    const [row] = cletsAttentionRows([order({ id: 'x', status: 'rejected', statusReason: ' ' })]);
    expect(row?.reason).toMatch(/help desk/);
  });

  it('puts the oldest refusal first', () => {
    const rows = cletsAttentionRows([
      order({ id: 'late', status: 'rejected', statusAt: '2026-12-02T12:00:00-08:00' }),
      order({ id: 'early', status: 'rejected', statusAt: '2026-12-02T08:00:00-08:00' }),
      order({ id: 'mid', status: 'rejected' }), // falls back to updatedAt 10:00
    ]);
    expect(rows.map((r) => r.orderId)).toEqual(['early', 'mid', 'late']);
  });
});

describe('restrainedNameOf', () => {
  it('copes with orders of any shape', () => {
    expect(restrainedNameOf(null)).toBe('');
    expect(restrainedNameOf({ restrained: { name: { last: 'ROE' } } })).toBe('ROE');
    expect(restrainedNameOf({ restrained: { name: { last: 7, first: 'Ann' } } })).toBe(', Ann');
  });
});
