import { describe, expect, it } from 'vitest';

import { ClerkDb } from '../../../../src/renderer/db/clerkDb';
import { listNeedsAttention, outboxStats } from '../../../../src/renderer/db/outboxRepo';
import type { OutboxRow, OutboxState } from '../../../../src/renderer/db/rows';
import { waitedFor } from '../../../../src/renderer/features/status/OutboxIndicator';

const row = (n: number, state: OutboxState, createdAt: string): OutboxRow => ({
  idempotencyKey: `order.submit:key-${n}`,
  orderId: `o${n}`,
  kind: 'order.submit',
  state,
  attempts: 0,
  lastError: state === 'needs-attention' ? 'Refused' : null,
  createdAt,
  payload: {},
});

describe('outbox figures for the status bar', () => {
  it('counts waiting rows, dates the oldest, and counts those needing attention', async () => {
    const db = new ClerkDb(`stats-${Math.random().toString(36).slice(2)}`);
    expect(await outboxStats(db)).toEqual({ queued: 0, oldestQueuedAt: null, needsAttention: 0 });
    await db.outbox.bulkAdd([
      row(1, 'at-registry', '2026-12-02T08:00:00Z'),
      row(2, 'needs-attention', '2026-12-02T08:30:00Z'),
      row(3, 'in-flight', '2026-12-02T09:00:00Z'),
      row(4, 'pending', '2026-12-02T09:30:00Z'),
    ]);
    expect(await outboxStats(db)).toEqual({
      queued: 2,
      oldestQueuedAt: '2026-12-02T09:00:00Z',
      needsAttention: 1,
    });
    expect((await listNeedsAttention(db)).map((r) => r.orderId)).toEqual(['o2']);
    db.close();
  });

  it('says how long the oldest item has waited in plain words', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(waitedFor('2026-12-02T11:59:40Z', now)).toBe('under a minute');
    expect(waitedFor('2026-12-02T11:48:00Z', now)).toBe('12 min');
    expect(waitedFor('2026-12-02T07:00:00Z', now)).toBe('5 h');
    expect(waitedFor('2026-11-28T12:00:00Z', now)).toBe('4 days');
  });
});
