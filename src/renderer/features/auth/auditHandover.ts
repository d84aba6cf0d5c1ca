/**
 * Moves main's audit journal into the outbox: each event becomes an `audit.append` outbox row,
 * so it reaches the registry with the same durability, ordering and exactly-once rules as
 * orders. The key `audit.append:<workstationId>:<seq>` makes a repeated hand-over (after a
 * crash between writing and confirming) a no-op.
 */
import type { WorkstationAuditEvent } from '../../../shared/auth/auditEvent';
import type { ClerkDb } from '../../db/clerkDb';
import type { OutboxRow } from '../../db/rows';

/** What the hand-over needs from main (the `audit` channels, unwrapped). */
export type AuditSource = {
  listPending(limit: number): Promise<readonly WorkstationAuditEvent[]>;
  confirmQueued(upToSeq: number): Promise<number>;
};

export function auditOutboxKey(event: WorkstationAuditEvent): string {
  return `audit.append:${event.where.workstationId ?? 'unknown'}:${event.seq}`;
}

/** Hands over everything pending, in batches; returns how many events were written. */
export async function handOverAudit(
  db: ClerkDb,
  source: AuditSource,
  batch = 100,
): Promise<number> {
  let written = 0;
  for (;;) {
    const events = await source.listPending(batch);
    const last = events[events.length - 1];
    if (!last) return written;
    await db.transaction('rw', db.outbox, async () => {
      for (const event of events) {
        const key = auditOutboxKey(event);
        if (await db.outbox.where('idempotencyKey').equals(key).count()) continue;
        const row: OutboxRow = {
          idempotencyKey: key,
          orderId: null,
          kind: 'audit.append',
          state: 'pending',
          attempts: 0,
          lastError: null,
          createdAt: event.at,
          payload: { event },
        };
        await db.outbox.add(row);
        written += 1;
      }
    });
    await source.confirmQueued(last.seq);
    if (events.length < batch) return written;
  }
}
