/**
 * Pushes outbox rows through the registry client and says what became of each one.
 *
 * Sequence numbers: the registry wants a gapless per-device `seq` and holds any mutation that
 * skips one. Main numbers the rows it actually sends, in outbox order, from the registry's last
 * applied seq (remembered on disk after every answer). So a row settled locally without being
 * sent (unreadable) leaves no gap, and re-enrolment (a new device) starts again at 1.
 * Why numbering from the remembered seq stays right after a lost reply: the rows the registry
 * applied but whose answer was lost are still unsettled in the outbox, and they are the oldest,
 * so they head the next batch again; the registry knows their keys (duplicate, whatever seq
 * they carry) and the first new row gets exactly lastSeq + 1. When nothing is remembered (state
 * lost), the first row goes alone to learn the registry's lastSeq. A row still numbered wrong
 * (seq already used, or a gap with nothing legitimately held before it) is renumbered from the
 * registry's answer and sent once more.
 */
import { payloadHash } from '../../registry/client/canonicalJson';
import { settlementOf } from '../../registry/client/drain';
import { RegistryHttpError } from '../../registry/client/http';
import type { RegistryClient } from '../../registry/client/registryClient';
import type { PushRow, PushRowResult } from '../../shared/ipc/contracts/sync';

type MutationInput = Parameters<RegistryClient['push']>[0][number];
type PushResponse = Awaited<ReturnType<RegistryClient['push']>>;
/** One result of the registry's push answer. */
export type MutationResult = PushResponse['results'][number];

/** What pushRows needs of the client (the tests pass a recording wrapper). */
export type PushClient = Pick<RegistryClient, 'push'>;

/** The registry's last applied seq for this device, as last seen; undefined when unknown. */
export type SeqMemory = {
  get(): number | undefined;
  set(lastSeq: number): void;
};

type Sendable = { readonly row: PushRow; readonly hash: string };

/** Maps one registry answer to what the outbox should do with the row. */
export function toRowResult(r: MutationResult): PushRowResult {
  const base = { idempotencyKey: r.idempotencyKey };
  const settlement = settlementOf(r);
  if (!('result' in r) && !('original' in r)) {
    return {
      ...base,
      outcome: settlement === 'pending' ? 'retry' : 'needs-attention',
      reason: r.reason,
      message: r.message,
      ...(r.missingPages ? { missingPages: [...r.missingPages] } : {}),
    };
  }
  const stored = 'original' in r ? r.original : r.result;
  if (settlement === 'acknowledged') {
    return {
      ...base,
      outcome: 'at-registry',
      ...(stored.status ? { registryStatus: stored.status } : {}),
      ...(stored.version !== undefined ? { version: stored.version } : {}),
    };
  }
  const issues = stored.issues?.length ? ` (${stored.issues.join('; ')})` : '';
  return {
    ...base,
    outcome: 'needs-attention',
    reason: stored.reason ?? 'rejected',
    message: `${stored.message ?? 'The registry refused this item.'}${issues}`,
  };
}

/**
 * Keys of results that failed only because of their number: seq already used by another key,
 * or a gap that nothing before it in the batch explains (a legitimate hold, e.g. pages not yet
 * uploaded, leaves the following rows waiting with seq-gap, and those are not renumbered).
 */
export function misnumberedKeys(results: readonly MutationResult[]): Set<string> {
  const keys = new Set<string>();
  let legitimateHold = false;
  for (const r of [...results].sort((a, b) => a.seq - b.seq)) {
    if (r.outcome === 'conflict' && r.reason === 'seq-already-used') keys.add(r.idempotencyKey);
    else if (r.outcome === 'retry' && r.reason === 'seq-gap') {
      if (!legitimateHold) keys.add(r.idempotencyKey);
    } else if (r.outcome === 'retry') legitimateHold = true;
  }
  return keys;
}

function number(deviceId: string, list: readonly Sendable[], first: number): MutationInput[] {
  return list.map((s, i) => ({
    deviceId,
    seq: first + i,
    idempotencyKey: s.row.idempotencyKey,
    payloadHash: s.hash,
    kind: s.row.kind,
    payload: s.row.payload,
  }));
}

async function hashRows(rows: readonly PushRow[]) {
  const sendable: Sendable[] = [];
  const unreadable: PushRowResult[] = [];
  for (const row of [...rows].sort((a, b) => a.localSeq - b.localSeq)) {
    try {
      sendable.push({ row, hash: await payloadHash(row.payload) });
    } catch (error) {
      unreadable.push({
        idempotencyKey: row.idempotencyKey,
        outcome: 'needs-attention',
        reason: 'unreadable',
        message: `This item cannot be sent: its content is not valid data (${(error as Error).message}). It is kept here; a supervisor must re-key it.`,
      });
    }
  }
  return { sendable, unreadable };
}

/** Sends `list` numbered from the remembered seq; renumbers and resends misnumbered rows once. */
async function sendNumbered(
  client: PushClient,
  deviceId: string,
  list: readonly Sendable[],
  seqs: SeqMemory,
): Promise<PushRowResult[]> {
  const first = await client.push(number(deviceId, list, (seqs.get() ?? 0) + 1));
  seqs.set(first.lastSeq);
  const byKey = new Map(first.results.map((r) => [r.idempotencyKey, r]));
  const again = misnumberedKeys(first.results);
  if (again.size > 0) {
    const redo = list.filter((s) => again.has(s.row.idempotencyKey));
    const second = await client.push(number(deviceId, redo, first.lastSeq + 1));
    seqs.set(second.lastSeq);
    for (const r of second.results) byKey.set(r.idempotencyKey, r);
  }
  return list.map((s) => {
    const r = byKey.get(s.row.idempotencyKey);
    return r
      ? toRowResult(r)
      : {
          idempotencyKey: s.row.idempotencyKey,
          outcome: 'retry' as const,
          reason: 'no-answer',
          message: 'The registry did not answer for this item; it will be sent again.',
        };
  });
}

/** A refusal of the whole request that one bad row can cause (e.g. too large, malformed). */
function isRowLevelRefusal(error: unknown): error is RegistryHttpError {
  return (
    error instanceof RegistryHttpError &&
    error.status !== 401 &&
    error.status !== 403 &&
    error.status !== 404
  );
}

/**
 * Pushes the rows (any order in; sent in `localSeq` order) and returns one result per row.
 * Network failures and credential refusals are thrown (nothing can be said about any row);
 * a request refused because of its content is retried row by row so one bad row cannot hold
 * the others back, and that row goes to needs-attention with the registry's words.
 */
export async function pushRows(
  client: PushClient,
  deviceId: string,
  rows: readonly PushRow[],
  seqs: SeqMemory,
): Promise<PushRowResult[]> {
  const { sendable, unreadable } = await hashRows(rows);
  const results: PushRowResult[] = [...unreadable];
  if (sendable.length === 0) return results;
  if (seqs.get() === undefined && sendable.length > 1) {
    // Nothing remembered: one row first, to learn where the registry's numbering stands.
    return [...results, ...(await oneByOne(client, deviceId, sendable, seqs))];
  }
  try {
    results.push(...(await sendNumbered(client, deviceId, sendable, seqs)));
  } catch (error) {
    if (!isRowLevelRefusal(error)) throw error;
    if (sendable.length === 1) {
      results.push({
        idempotencyKey: sendable[0]!.row.idempotencyKey,
        outcome: 'needs-attention',
        reason: error.code,
        message: `The registry refused this item: ${error.message}`,
      });
    } else {
      results.push(...(await oneByOne(client, deviceId, sendable, seqs)));
    }
  }
  return results;
}

/**
 * Sends rows one request each, in order; once one is held (retry), the rest wait behind it
 * without being sent, so separate requests can never apply a later row before an earlier one.
 */
async function oneByOne(
  client: PushClient,
  deviceId: string,
  list: readonly Sendable[],
  seqs: SeqMemory,
): Promise<PushRowResult[]> {
  const results: PushRowResult[] = [];
  let held = false;
  for (const s of list) {
    if (held) {
      results.push({
        idempotencyKey: s.row.idempotencyKey,
        outcome: 'retry',
        reason: 'held-behind',
        message: 'Waiting for an earlier item to reach the registry first.',
      });
      continue;
    }
    const [result] = await pushRows(client, deviceId, [s.row], seqs);
    if (result) results.push(result);
    held = result?.outcome === 'retry';
  }
  return results;
}
