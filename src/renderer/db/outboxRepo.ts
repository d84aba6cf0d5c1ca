/**
 * The outbox as the sync engine sees it: rows leave `pending` for `in-flight` when handed to
 * main, and end `at-registry` or `needs-attention` — never deleted, so nothing the clerk
 * submitted can vanish. Each step is one strict transaction that also moves the order's status.
 */
import type { PushRowResult } from '../../shared/ipc/contracts/sync';

import type { ClerkDb } from './clerkDb';
import type { OrderRow, OutboxRow } from './rows';

/** States that still have to reach the registry. */
export const waitingStates = ['pending', 'in-flight'] as const;

/** Order statuses a push answer may move forward (never back from a later feed status). */
const pushableOrderStatuses = new Set(['queued', 'needs-attention']);

/** Seqs of the waiting rows, oldest first. */
async function waitingSeqs(db: ClerkDb): Promise<number[]> {
  const keys = await db.outbox.where('state').anyOf(waitingStates).primaryKeys();
  return keys.sort((a, b) => a - b);
}

/** Up to `limit` rows still to send, lowest seq first (in-flight rows are resent unchanged). */
export async function nextBatch(db: ClerkDb, limit: number): Promise<OutboxRow[]> {
  const seqs = (await waitingSeqs(db)).slice(0, limit);
  const rows = await db.outbox.bulkGet(seqs);
  return rows.filter((r): r is OutboxRow => r !== undefined);
}

/** Marks rows as handed to main, with the payload they are sent with (frozen from now on). */
export async function markSending(
  db: ClerkDb,
  rows: readonly { readonly seq: number; readonly payload: unknown }[],
  now: string,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const { seq, payload } of rows) {
      const row = await db.outbox.get(seq);
      if (!row || (row.state !== 'pending' && row.state !== 'in-flight')) continue;
      await db.outbox.update(seq, {
        state: 'in-flight',
        attempts: row.attempts + 1,
        lastAttemptAt: now,
        payload,
      });
    }
  });
}

/** The registry could not be reached: rows stay where they are, with the reason. */
export async function markUnsent(
  db: ClerkDb,
  seqs: readonly number[],
  message: string,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const seq of seqs) await db.outbox.update(seq, { lastError: message });
  });
}

function orderUpdate(row: OrderRow, result: PushRowResult, now: string): Partial<OrderRow> | null {
  if (result.outcome === 'at-registry') {
    return pushableOrderStatuses.has(row.status)
      ? { status: 'at-registry', statusReason: null, updatedAt: now }
      : null;
  }
  if (result.outcome === 'needs-attention') {
    return { status: 'needs-attention', statusReason: result.message ?? null, updatedAt: now };
  }
  return null;
}

/** Applies main's per-row answers to the outbox and to the orders they carry. */
export async function settleResults(
  db: ClerkDb,
  results: readonly PushRowResult[],
  now: string,
): Promise<void> {
  const byKey = new Map(results.map((r) => [r.idempotencyKey, r]));
  await db.transaction('rw', [db.outbox, db.orders], async () => {
    const rows = await db.outbox
      .where('idempotencyKey')
      .anyOf([...byKey.keys()])
      .toArray();
    for (const row of rows) {
      const result = byKey.get(row.idempotencyKey);
      if (!result || row.seq === undefined) continue;
      if (row.state === 'at-registry' || row.state === 'needs-attention') continue;
      const settled = result.outcome !== 'retry';
      await db.outbox.update(row.seq, {
        state:
          result.outcome === 'retry'
            ? 'pending'
            : result.outcome === 'at-registry'
              ? 'at-registry'
              : 'needs-attention',
        lastError: result.outcome === 'at-registry' ? null : (result.message ?? null),
        reason: result.reason ?? null,
        ...(settled ? { settledAt: now } : {}),
      });
      // Only order mutations move the order's status (a proof of service is not the order).
      if (!row.orderId || !row.kind.startsWith('order.')) continue;
      const order = await db.orders.get(row.orderId);
      const change = order ? orderUpdate(order, result, now) : null;
      if (change) await db.orders.update(row.orderId, change);
    }
  });
}

/** A row that cannot be sent at all (unreadable, page missing): kept, with the reason. */
export async function markNeedsAttention(
  db: ClerkDb,
  seq: number,
  reason: string,
  message: string,
  now: string,
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.orders], async () => {
    const row = await db.outbox.get(seq);
    if (!row) return;
    await db.outbox.update(seq, {
      state: 'needs-attention',
      reason,
      lastError: message,
      settledAt: now,
    });
    if (row.orderId && typeof row.kind === 'string' && row.kind.startsWith('order.')) {
      await db.orders.update(row.orderId, {
        status: 'needs-attention',
        statusReason: message,
        updatedAt: now,
      });
    }
  });
}

export type OutboxStats = {
  /** Rows still to reach the registry (pending or in flight). */
  readonly queued: number;
  /** When the oldest of them was queued (ISO), or null when none waits. */
  readonly oldestQueuedAt: string | null;
  readonly needsAttention: number;
};

/** What the status bar shows about the outbox. */
export async function outboxStats(db: ClerkDb): Promise<OutboxStats> {
  const seqs = await waitingSeqs(db);
  const oldest = seqs[0] === undefined ? undefined : await db.outbox.get(seqs[0]);
  const needsAttention = await db.outbox.where('state').equals('needs-attention').count();
  return { queued: seqs.length, oldestQueuedAt: oldest?.createdAt ?? null, needsAttention };
}

/** Rows that need a person, newest first. */
export async function listNeedsAttention(db: ClerkDb, limit = 200): Promise<OutboxRow[]> {
  const rows = await db.outbox.where('state').equals('needs-attention').toArray();
  return rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0)).slice(0, limit);
}
