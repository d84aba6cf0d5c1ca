/**
 * The workstation's outbox, in memory, for the sync tests: items keep their seq, idempotency key
 * and payload across retries; the registry's answers move them to acknowledged or needs-attention.
 */
import { settlementOf, type OutboxPort, type Settlement } from '../../../src/registry/client/drain';
import type { MutationInput, MutationResult } from '../../../src/registry/push/types';

/** In-memory OutboxPort. */
export class MemoryOutbox implements OutboxPort {
  readonly items: MutationInput[] = [];
  readonly state = new Map<number, Settlement>();
  readonly answers: MutationResult[] = [];
  add(m: MutationInput): void {
    this.items.push(m);
    this.state.set(m.seq, 'pending');
  }
  async pending(limit: number): Promise<readonly MutationInput[]> {
    return this.items.filter((m) => this.state.get(m.seq) === 'pending').slice(0, limit);
  }
  async settle(results: readonly MutationResult[]): Promise<void> {
    for (const r of results) {
      this.answers.push(r);
      this.state.set(r.seq, settlementOf(r));
    }
  }
  count(s: Settlement): number {
    return [...this.state.values()].filter((v) => v === s).length;
  }
}
