/**
 * v2: orders gain `courtroom` and `submittedAt` indexes for the courtroom print queue.
 *
 * Orders submitted under v1 have neither. An index on a missing property silently leaves the
 * row out of every query on it, so a v1 order would vanish from "today's orders": backfill
 * both (courtroom unknown → null is not indexable either, so use '' for "not recorded";
 * submittedAt from updatedAt, the best time v1 kept). Uses only the transaction it is given.
 */
import type { Transaction } from 'dexie';

export async function v2BackfillCourtroom(tx: Transaction): Promise<void> {
  await tx
    .table('orders')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      if (typeof row.courtroom !== 'string') row.courtroom = '';
      if (typeof row.submittedAt !== 'string') row.submittedAt = row.updatedAt;
    });
}
