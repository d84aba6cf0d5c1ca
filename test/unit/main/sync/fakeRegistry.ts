/**
 * An in-memory model of the registry's push rules (src/registry/push/pushService.ts) for unit
 * tests of main's numbering: key first (duplicate / 422 conflict), then seq ≤ lastSeq →
 * conflict, seq > lastSeq + 1 → retry (gap), otherwise apply — or hold with `retry` for keys
 * listed in `holdKeys` (pages not uploaded yet) — or reject kinds listed in `rejectKinds`.
 */
import type { MutationResult, PushClient } from '../../../../src/main/sync/pushRows';

type Mutation = Parameters<PushClient['push']>[0][number];
type Response = Awaited<ReturnType<PushClient['push']>>;

export class FakeRegistry implements PushClient {
  lastSeq = 0;
  readonly applied: string[] = [];
  readonly ledger = new Map<string, { hash: string; outcome: 'applied' | 'rejected' }>();
  readonly holdKeys = new Set<string>();
  readonly rejectKinds = new Set<string>();
  requests = 0;
  /** Set to make the next push commit and then lose its reply. */
  loseNextReply = false;

  async push(mutations: readonly Mutation[]): Promise<Response> {
    this.requests += 1;
    const results: MutationResult[] = [];
    for (const m of [...mutations].sort((a, b) => a.seq - b.seq)) {
      const base = { seq: m.seq, idempotencyKey: m.idempotencyKey };
      const prior = this.ledger.get(m.idempotencyKey);
      if (prior) {
        results.push(
          prior.hash === m.payloadHash
            ? {
                ...base,
                outcome: 'duplicate',
                httpStatus: 200,
                original: { outcome: prior.outcome, kind: m.kind, status: 'at_registry' },
              }
            : {
                ...base,
                outcome: 'conflict',
                httpStatus: 422,
                reason: 'idempotency-key-reused',
                message: 'reused',
              },
        );
        continue;
      }
      if (m.seq <= this.lastSeq) {
        results.push({
          ...base,
          outcome: 'conflict',
          httpStatus: 409,
          reason: 'seq-already-used',
          message: 'used',
        });
        continue;
      }
      if (m.seq > this.lastSeq + 1) {
        results.push({
          ...base,
          outcome: 'retry',
          httpStatus: 409,
          reason: 'seq-gap',
          message: 'gap',
          expectedSeq: this.lastSeq + 1,
        });
        continue;
      }
      if (this.holdKeys.has(m.idempotencyKey)) {
        results.push({
          ...base,
          outcome: 'retry',
          httpStatus: 409,
          reason: 'pages-incomplete',
          message: 'pages',
        });
        continue;
      }
      const outcome = this.rejectKinds.has(m.kind) ? 'rejected' : 'applied';
      this.ledger.set(m.idempotencyKey, { hash: m.payloadHash, outcome });
      this.lastSeq = m.seq;
      if (outcome === 'applied') this.applied.push(m.idempotencyKey);
      results.push({
        ...base,
        outcome,
        httpStatus: outcome === 'applied' ? 200 : 422,
        result:
          outcome === 'applied'
            ? { outcome, kind: m.kind, status: 'at_registry', version: 1 }
            : {
                outcome,
                kind: m.kind,
                reason: 'invalid-payload',
                message: 'The order is incomplete',
              },
      });
    }
    if (this.loseNextReply) {
      this.loseNextReply = false;
      const { TransientError } = await import('../../../../src/registry/client/http');
      throw new TransientError('no answer from the registry within 10 ms');
    }
    return { deviceId: mutations[0]?.deviceId ?? '', lastSeq: this.lastSeq, results };
  }
}
