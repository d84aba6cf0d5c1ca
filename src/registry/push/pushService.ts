/**
 * Exactly-once push: at-least-once delivery from the workstation plus dedup here, keyed per
 * device (reliability-security.md R-SYNC-5…7, the Replicache push contract).
 *
 * One batch = one transaction that first locks the device row (so two pushes from one device,
 * e.g. duplicate leaders, run one after the other). For each mutation, in seq order:
 * - key seen before with the same payload hash → `duplicate`, the stored result is returned;
 * - key seen before with another hash → `conflict` 422, recorded in idempotency_conflicts;
 * - seq ≤ lastSeq with an unknown key → `conflict` 409 (that seq belongs to another mutation);
 * - seq > lastSeq + 1 → `retry` (gap: held until the missing ones arrive);
 * - seq = lastSeq + 1 → the kind's handler runs under a savepoint; applied or permanently
 *   rejected, the ledger row and lastSeq = seq are written in the SAME transaction as the effect.
 * A crash anywhere before COMMIT leaves nothing behind; the client's retry then applies it.
 */
import { createHash } from 'node:crypto';

import type { Device } from '../auth/devices';
import { canonicalJson } from '../client/canonicalJson';
import type { Db, Tx } from '../db/types';
import { sqlState } from '../db/types';
import { RegistryError } from '../errors';

import { BulkConflict, BulkOrders } from './bulkOrders';
import { kindHandlers, type ApplyOutcome } from './handlers';
import type { MutationInput, MutationResult, PushResponse, StoredResult } from './types';

/** Test seam: runs inside the push transaction just before COMMIT (fault injection). */
export type PushHooks = { beforeCommit?: (deviceId: string) => Promise<void> | void };

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of the canonical JSON, or undefined when the payload cannot be stored as jsonb. */
function hashPayload(payload: unknown): { hash: string } | { problem: string } {
  let text: string;
  try {
    text = canonicalJson(payload === undefined ? null : payload);
  } catch (error) {
    return { problem: (error as Error).message };
  }
  // PostgreSQL text and jsonb cannot hold NUL; refuse it here rather than fail the batch.
  if (text.includes('\\u0000'))
    return { problem: 'the payload contains a NUL character (\\u0000)' };
  return { hash: sha256(text) };
}

async function enabledKinds(tx: Tx): Promise<Set<string>> {
  const rows = await tx.query<{ kind: string }>('SELECT kind FROM mutation_kinds WHERE enabled');
  return new Set(rows.map((r) => r.kind));
}

async function applyOne(
  tx: Tx,
  device: Device,
  m: MutationInput,
  kinds: Set<string>,
  bulk: BulkOrders | undefined,
): Promise<ApplyOutcome> {
  const safe = bulk === undefined;
  const hashed = hashPayload(m.payload);
  if ('problem' in hashed) {
    return {
      type: 'rejected',
      httpStatus: 422,
      reason: 'invalid-payload',
      message: `The payload cannot be stored: ${hashed.problem}.`,
    };
  }
  if (hashed.hash !== m.payloadHash) {
    return {
      type: 'rejected',
      httpStatus: 422,
      reason: 'payload-hash-mismatch',
      message:
        'payloadHash is not the SHA-256 of the canonical JSON of the payload (the workstation must hash with RFC 8785 canonical JSON).',
    };
  }
  const handler = kindHandlers[m.kind];
  if (!kinds.has(m.kind) || !handler) {
    return {
      type: 'rejected',
      httpStatus: 422,
      reason: 'unknown-kind',
      message: `The registry does not accept mutations of kind "${m.kind}".`,
    };
  }
  if (bulk && m.kind !== 'order.submit') {
    await bulk.flush(tx); // this kind may read the queued orders…
    bulk.invalidate(); // …and change them, so what the batch read earlier is stale
  }
  const ctx = { tx, device, mutation: m, payloadHash: hashed.hash, ...(bulk ? { bulk } : {}) };
  // Fast path: handlers check everything before they write, so a refusal leaves nothing to undo.
  // Only a value PostgreSQL itself refuses mid-write needs a savepoint: the batch is then redone
  // in safe mode (see pushMutations).
  if (!safe) return handler(ctx);
  await tx.query('SAVEPOINT apply_one');
  try {
    const outcome = await handler(ctx);
    if (outcome.type === 'applied') await tx.query('RELEASE SAVEPOINT apply_one');
    else await tx.query('ROLLBACK TO SAVEPOINT apply_one');
    return outcome;
  } catch (error) {
    // Class 22 = data exception (a value PostgreSQL refuses, e.g. an out-of-range date): the
    // content is wrong, so it is a permanent rejection, not a server failure.
    if (isDataException(error)) {
      await tx.query('ROLLBACK TO SAVEPOINT apply_one');
      return {
        type: 'rejected',
        httpStatus: 422,
        reason: 'invalid-data',
        message: `The database refused a value: ${(error as Error).message}`,
      };
    }
    throw error;
  }
}

const isDataException = (error: unknown): boolean => sqlState(error)?.startsWith('22') === true;

/** Ids of the orders a batch submits (for one existence query). */
function submittedOrderIds(batch: readonly MutationInput[]): string[] {
  return batch
    .filter((m) => m.kind === 'order.submit')
    .map((m) => (m.payload as { order?: { id?: unknown } } | null)?.order?.id)
    .filter((id): id is string => typeof id === 'string');
}

/** Thrown out of a fast-path transaction so the batch is rolled back and redone safely. */
class RedoSafely extends Error {}

type LedgerRow = { m: MutationInput; stored: StoredResult };

/** Writes the batch's ledger rows and the device's new lastSeq (same transaction as effects). */
async function record(tx: Tx, deviceId: string, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO mutations (device_id, seq, idempotency_key, payload_hash, kind, outcome, result)
     SELECT $1, s, k, h, kd, o, r::jsonb
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS t(s, k, h, kd, o, r)`,
    [
      deviceId,
      rows.map((r) => r.m.seq),
      rows.map((r) => r.m.idempotencyKey),
      rows.map((r) => r.m.payloadHash),
      rows.map((r) => r.m.kind),
      rows.map((r) => r.stored.outcome),
      rows.map((r) => JSON.stringify(r.stored)),
    ],
  );
  const last = rows[rows.length - 1]?.m.seq ?? 0;
  await tx.query('UPDATE devices SET last_seq = $2 WHERE device_id = $1', [deviceId, last]);
}

/** Applies a batch of mutations from one authenticated device. */
export async function pushMutations(
  db: Db,
  device: Device,
  batch: readonly MutationInput[],
  hooks: PushHooks = {},
): Promise<PushResponse> {
  for (const m of batch) {
    if (m.deviceId !== device.deviceId) {
      throw new RegistryError(
        403,
        'device-mismatch',
        `Mutation seq ${m.seq} names device ${m.deviceId}, but this credential belongs to ${device.deviceId}. A workstation pushes only its own outbox.`,
      );
    }
  }
  const ordered = [...batch].sort((a, b) => a.seq - b.seq);
  try {
    return await pushBatch(db, device, ordered, hooks, false);
  } catch (error) {
    if (!(error instanceof RedoSafely) && !(error instanceof BulkConflict)) throw error;
    return pushBatch(db, device, ordered, hooks, true);
  }
}

async function pushBatch(
  db: Db,
  device: Device,
  ordered: readonly MutationInput[],
  hooks: PushHooks,
  safe: boolean,
): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    const locked = await tx.query<{ last_seq: number }>(
      'SELECT last_seq FROM devices WHERE device_id = $1 FOR UPDATE',
      [device.deviceId],
    );
    let lastSeq = locked[0]?.last_seq ?? 0;
    const kinds = await enabledKinds(tx);
    // Every earlier answer for this batch's keys, in one query.
    const seen = new Map<string, { hash: string; result: StoredResult }>();
    const priorRows = await tx.query<{
      idempotency_key: string;
      payload_hash: string;
      result: StoredResult;
    }>(
      'SELECT idempotency_key, payload_hash, result FROM mutations WHERE device_id = $1 AND idempotency_key = ANY($2::text[])',
      [device.deviceId, ordered.map((m) => m.idempotencyKey)],
    );
    for (const r of priorRows)
      seen.set(r.idempotency_key, { hash: r.payload_hash, result: r.result });
    const ledger: LedgerRow[] = [];
    const results: MutationResult[] = [];
    const bulk = safe ? undefined : new BulkOrders();
    await bulk?.prefetch(tx, submittedOrderIds(ordered));
    for (const m of ordered) {
      const base = { seq: m.seq, idempotencyKey: m.idempotencyKey };
      const prior = seen.get(m.idempotencyKey);
      if (prior) {
        if (prior.hash === m.payloadHash) {
          results.push({ ...base, outcome: 'duplicate', httpStatus: 200, original: prior.result });
        } else {
          await tx.query(
            `INSERT INTO idempotency_conflicts (device_id, idempotency_key, seq, stored_hash, offered_hash)
             VALUES ($1, $2, $3, $4, $5)`,
            [device.deviceId, m.idempotencyKey, m.seq, prior.hash, m.payloadHash],
          );
          results.push({
            ...base,
            outcome: 'conflict',
            httpStatus: 422,
            reason: 'idempotency-key-reused',
            message: `Idempotency key ${m.idempotencyKey} was already used for a different payload; nothing was changed. A retry must resend the original payload unchanged.`,
          });
        }
        continue;
      }
      if (m.seq <= lastSeq) {
        results.push({
          ...base,
          outcome: 'conflict',
          httpStatus: 409,
          reason: 'seq-already-used',
          message: `Sequence number ${m.seq} was already used by another mutation from this workstation (last applied: ${lastSeq}); nothing was changed.`,
        });
        continue;
      }
      if (m.seq > lastSeq + 1) {
        results.push({
          ...base,
          outcome: 'retry',
          httpStatus: 409,
          reason: 'seq-gap',
          message: `Waiting for sequence number ${lastSeq + 1} first; mutation ${m.seq} is held and must be sent again after it.`,
          expectedSeq: lastSeq + 1,
        });
        continue;
      }
      let outcome: ApplyOutcome;
      try {
        outcome = await applyOne(tx, device, m, kinds, bulk);
      } catch (error) {
        if (!safe && isDataException(error)) throw new RedoSafely();
        throw error;
      }
      if (outcome.type === 'retry') {
        results.push({
          ...base,
          outcome: 'retry',
          httpStatus: 409,
          reason: outcome.reason,
          message: outcome.message,
          ...(outcome.missingPages ? { missingPages: outcome.missingPages } : {}),
        });
        continue;
      }
      const stored: StoredResult =
        outcome.type === 'applied'
          ? outcome.result
          : {
              outcome: 'rejected',
              kind: m.kind,
              reason: outcome.reason,
              message: outcome.message,
              ...(outcome.issues ? { issues: outcome.issues } : {}),
            };
      ledger.push({ m, stored });
      seen.set(m.idempotencyKey, { hash: m.payloadHash, result: stored });
      lastSeq = m.seq;
      results.push({
        ...base,
        outcome: stored.outcome,
        httpStatus: outcome.type === 'applied' ? 200 : outcome.httpStatus,
        result: stored,
      });
    }
    try {
      await bulk?.flush(tx);
    } catch (error) {
      if (isDataException(error)) throw new RedoSafely();
      throw error;
    }
    await record(tx, device.deviceId, ledger);
    await hooks.beforeCommit?.(device.deviceId);
    return { deviceId: device.deviceId, lastSeq, results };
  });
}
