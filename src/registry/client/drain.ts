/**
 * Drains an outbox through the registry in seq order, batch by batch, and says what became of
 * each mutation. The workstation's sync engine supplies the outbox (Dexie, a journal, or the
 * in-memory one the tests use) through `OutboxPort`.
 *
 * What each answer means for the outbox item (never drop anything silently):
 * - applied, or duplicate of an applied one → `acknowledged` ("at registry");
 * - rejected, or duplicate of a rejected one, or conflict → `needs-attention` (kept, with reason);
 * - retry (a gap, or pages not uploaded yet) → stays `pending` and is sent again later.
 */
import type { MutationInput, MutationResult } from '../push/types';

import type { RegistryClient, RetryOptions } from './registryClient';

/** What becomes of an outbox item after the registry answered. */
export type Settlement = 'acknowledged' | 'needs-attention' | 'pending';

/** What the outbox should do with one mutation after the registry's answer. */
export function settlementOf(result: MutationResult): Settlement {
  switch (result.outcome) {
    case 'applied':
      return 'acknowledged';
    case 'duplicate':
      return result.original.outcome === 'applied' ? 'acknowledged' : 'needs-attention';
    case 'rejected':
    case 'conflict':
      return 'needs-attention';
    case 'retry':
      return 'pending';
  }
}

/** The outbox as the drain loop sees it. */
export interface OutboxPort {
  /** Up to `limit` pending mutations, lowest seq first. */
  pending(limit: number): Promise<readonly MutationInput[]>;
  /** Records the registry's answers (see `settlementOf`). */
  settle(results: readonly MutationResult[]): Promise<void>;
}

/** Counts from one drain run. */
export type DrainReport = {
  readonly batches: number;
  readonly acknowledged: number;
  readonly needsAttention: number;
  /** Still pending when the loop stopped because a batch made no progress (gap, pages). */
  readonly stalled: number;
};

/** Pushes until the outbox is empty or a batch makes no progress. */
export async function drainOutbox(
  client: RegistryClient,
  outbox: OutboxPort,
  options: { batchSize?: number; retry?: RetryOptions } = {},
): Promise<DrainReport> {
  const size = options.batchSize ?? 50;
  let batches = 0;
  let acknowledged = 0;
  let needsAttention = 0;
  for (;;) {
    const batch = await outbox.pending(size);
    if (batch.length === 0) return { batches, acknowledged, needsAttention, stalled: 0 };
    const response = await client.pushWithRetry(batch, options.retry);
    batches += 1;
    await outbox.settle(response.results);
    const settled = response.results.map(settlementOf);
    acknowledged += settled.filter((s) => s === 'acknowledged').length;
    needsAttention += settled.filter((s) => s === 'needs-attention').length;
    if (settled.every((s) => s === 'pending')) {
      return { batches, acknowledged, needsAttention, stalled: batch.length };
    }
  }
}
