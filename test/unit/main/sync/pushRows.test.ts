import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  misnumberedKeys,
  pushRows,
  toRowResult,
  type MutationResult,
  type SeqMemory,
} from '../../../../src/main/sync/pushRows';
import { RegistryHttpError, TransientError } from '../../../../src/registry/client/http';
import type { PushRow } from '../../../../src/shared/ipc/contracts/sync';

import { FakeRegistry } from './fakeRegistry';

const DEVICE = '0b6e2a1c-4d3f-4a7b-8c9d-000000000001';

const row = (n: number, kind = 'order.submit'): PushRow => ({
  localSeq: n,
  idempotencyKey: `order.submit:key-${String(n).padStart(4, '0')}`,
  kind,
  payload: { order: { id: `o${n}` } },
});

function memory(initial?: number): SeqMemory & { value: number | undefined } {
  const m = {
    value: initial,
    get: () => m.value,
    set: (v: number) => {
      m.value = v;
    },
  };
  return m;
}

describe('toRowResult', () => {
  const base = { seq: 1, idempotencyKey: 'k-00000001' };
  it('maps applied and duplicates of applied to at-registry with status and version', () => {
    const stored = {
      outcome: 'applied' as const,
      kind: 'order.submit',
      status: 'at_registry',
      version: 2,
    };
    expect(toRowResult({ ...base, outcome: 'applied', httpStatus: 200, result: stored })).toEqual({
      idempotencyKey: 'k-00000001',
      outcome: 'at-registry',
      registryStatus: 'at_registry',
      version: 2,
    });
    expect(
      toRowResult({ ...base, outcome: 'duplicate', httpStatus: 200, original: stored }).outcome,
    ).toBe('at-registry');
  });

  it('maps rejections (new or replayed) and conflicts to needs-attention with the reason', () => {
    const stored = {
      outcome: 'rejected' as const,
      kind: 'order.submit',
      reason: 'invalid-payload',
      message: 'The order is incomplete',
      issues: ['restrained: required'],
    };
    const rejected = toRowResult({ ...base, outcome: 'rejected', httpStatus: 422, result: stored });
    expect(rejected).toEqual({
      idempotencyKey: 'k-00000001',
      outcome: 'needs-attention',
      reason: 'invalid-payload',
      message: 'The order is incomplete (restrained: required)',
    });
    expect(
      toRowResult({ ...base, outcome: 'duplicate', httpStatus: 200, original: stored }),
    ).toEqual(rejected);
    const conflict: MutationResult = {
      ...base,
      outcome: 'conflict',
      httpStatus: 422,
      reason: 'idempotency-key-reused',
      message: 'reused',
    };
    expect(toRowResult(conflict)).toMatchObject({
      outcome: 'needs-attention',
      reason: 'idempotency-key-reused',
    });
  });

  it('maps holds to retry, keeping the missing pages', () => {
    expect(
      toRowResult({
        ...base,
        outcome: 'retry',
        httpStatus: 409,
        reason: 'pages-incomplete',
        message: 'upload them',
        missingPages: ['a'.repeat(64)],
      }),
    ).toEqual({
      idempotencyKey: 'k-00000001',
      outcome: 'retry',
      reason: 'pages-incomplete',
      message: 'upload them',
      missingPages: ['a'.repeat(64)],
    });
  });
});

describe('misnumberedKeys', () => {
  const r = (seq: number, outcome: 'retry' | 'conflict', reason: string): MutationResult => ({
    seq,
    idempotencyKey: `k${seq}-0000000`,
    outcome,
    httpStatus: 409,
    reason,
    message: '',
  });
  it('renumbers seq-already-used and unexplained gaps, not gaps behind a legitimate hold', () => {
    expect([
      ...misnumberedKeys([r(1, 'conflict', 'seq-already-used'), r(2, 'retry', 'seq-gap')]),
    ]).toEqual(['k1-0000000', 'k2-0000000']);
    expect([
      ...misnumberedKeys([r(1, 'retry', 'pages-incomplete'), r(2, 'retry', 'seq-gap')]),
    ]).toEqual([]);
  });
});

describe('pushRows', () => {
  it('numbers rows gaplessly from the remembered seq and remembers the answer', async () => {
    const registry = new FakeRegistry();
    const seqs = memory(0);
    const results = await pushRows(registry, DEVICE, [row(3), row(1), row(2)], seqs);
    expect(results.map((r) => r.outcome)).toEqual(['at-registry', 'at-registry', 'at-registry']);
    expect(registry.applied).toEqual([row(1), row(2), row(3)].map((r) => r.idempotencyKey));
    expect(seqs.value).toBe(3);
    expect(registry.requests).toBe(1);
  });

  it('with nothing remembered, sends one row first and never applies out of order', async () => {
    const registry = new FakeRegistry();
    await pushRows(registry, DEVICE, [row(1), row(2)], memory(0));
    const results = await pushRows(registry, DEVICE, [row(3), row(4), row(5)], memory(undefined));
    expect(results.map((r) => r.outcome)).toEqual(['at-registry', 'at-registry', 'at-registry']);
    expect(registry.applied).toEqual([1, 2, 3, 4, 5].map((n) => row(n).idempotencyKey));
  });

  it('renumbers rows numbered below the registry’s lastSeq', async () => {
    const registry = new FakeRegistry();
    await pushRows(registry, DEVICE, [row(1), row(2)], memory(0));
    const results = await pushRows(registry, DEVICE, [row(3)], memory(0));
    expect(results[0]?.outcome).toBe('at-registry');
    expect(registry.lastSeq).toBe(3);
  });

  it('leaves no gap for a row it cannot hash, and holds rows behind a legitimate hold', async () => {
    const registry = new FakeRegistry();
    const seqs = memory(0);
    const unreadable = { ...row(2), payload: { n: Number.NaN } };
    registry.holdKeys.add(row(3).idempotencyKey);
    const results = await pushRows(registry, DEVICE, [row(1), unreadable, row(3), row(4)], seqs);
    expect(results.map((r) => [r.idempotencyKey.slice(-4), r.outcome, r.reason])).toEqual([
      ['0002', 'needs-attention', 'unreadable'],
      ['0001', 'at-registry', undefined],
      ['0003', 'retry', 'pages-incomplete'],
      ['0004', 'retry', 'seq-gap'],
    ]);
    registry.holdKeys.clear();
    const later = await pushRows(registry, DEVICE, [row(3), row(4)], seqs);
    expect(later.map((r) => r.outcome)).toEqual(['at-registry', 'at-registry']);
    expect(registry.lastSeq).toBe(3);
  });

  it('throws network failures (nothing is known) and splits a batch the registry refuses whole', async () => {
    const down = { push: () => Promise.reject(new TransientError('could not reach the registry')) };
    await expect(pushRows(down, DEVICE, [row(1)], memory(0))).rejects.toBeInstanceOf(
      TransientError,
    );

    const registry = new FakeRegistry();
    const picky = {
      push: (ms: Parameters<FakeRegistry['push']>[0]) =>
        ms.some((m) => m.kind === 'huge')
          ? Promise.reject(
              new RegistryHttpError(413, 'invalid-request', 'Request body is too large', {}),
            )
          : registry.push(ms),
    };
    const results = await pushRows(picky, DEVICE, [row(1), row(2, 'huge'), row(3)], memory(0));
    expect(results.map((r) => r.outcome)).toEqual([
      'at-registry',
      'needs-attention',
      'at-registry',
    ]);
    expect(results[1]?.message).toMatch(/too large/);
    expect(registry.lastSeq).toBe(2);
  });

  it('property: lost replies, holds and forgotten state never lose, duplicate or reorder a row', async () => {
    type Step = { size: number; lose: boolean; forget: boolean; hold: boolean; reject: boolean };
    const step = fc.record({
      size: fc.integer({ min: 1, max: 6 }),
      lose: fc.boolean(),
      forget: fc.boolean(),
      hold: fc.boolean(),
      reject: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }),
        fc.array(step, { maxLength: 30 }),
        async (n, steps: Step[]) => {
          const registry = new FakeRegistry();
          registry.rejectKinds.add('bad.kind');
          const rows = Array.from({ length: n }, (_, i) => row(i + 1));
          const settled = new Map<string, string>();
          let seqs = memory(0);
          const unsettled = () => rows.filter((r) => !settled.has(r.idempotencyKey));
          const round = async (s: Step) => {
            const batch = unsettled().slice(0, s.size);
            if (batch.length === 0) return;
            if (s.forget) seqs = memory(undefined);
            registry.loseNextReply = s.lose;
            registry.holdKeys.clear();
            if (s.hold) registry.holdKeys.add(batch[0]!.idempotencyKey);
            if (s.reject)
              rows[rows.indexOf(batch[batch.length - 1]!)] = {
                ...batch[batch.length - 1]!,
                kind: 'bad.kind',
              };
            try {
              const sent = unsettled().slice(0, s.size);
              for (const r of await pushRows(registry, DEVICE, sent, seqs)) {
                if (r.outcome !== 'retry') settled.set(r.idempotencyKey, r.outcome);
              }
            } catch (error) {
              if (!(error instanceof TransientError)) throw error;
            }
          };
          for (const s of steps) await round(s);
          // Heal: no faults until everything is settled.
          for (let i = 0; i < 3 * n && unsettled().length > 0; i += 1) {
            await round({ size: 6, lose: false, forget: false, hold: false, reject: false });
          }
          expect(unsettled()).toEqual([]);
          const appliedKeys = rows.filter((r) => settled.get(r.idempotencyKey) === 'at-registry');
          // Exactly the acknowledged rows are applied, once each, in outbox order.
          expect(registry.applied).toEqual(appliedKeys.map((r) => r.idempotencyKey));
        },
      ),
      { numRuns: 200 },
    );
  });
});
