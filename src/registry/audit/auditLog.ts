/**
 * Appending to the registry's audit trail: one hash chain per court (R-AUD-2).
 *
 * Each row's content is the canonical JSON (RFC 8785) of
 * `{courtOri, courtSeq, source, deviceId, deviceSeq, receivedAt, event}` and its
 * `row_hash = SHA-256(prev_hash ‖ content)`, where prev_hash is the row before it in the same
 * court (64 zeros for the first). Appends lock the court's chain head (FOR UPDATE), so two
 * writers can never fork a chain.
 */
import { createHash, randomUUID } from 'node:crypto';

import { GENESIS_HASH, type AuditFacts } from '../../shared/auth/auditEvent';
import { canonicalJson } from '../client/canonicalJson';
import type { Db, Queryable } from '../db/types';

/** The chain for events that belong to no court yet (an unknown credential, say). */
export const REGISTRY_CHAIN = 'REGISTRY';

/** What a row's hash covers. */
export type AuditContent = {
  readonly courtOri: string;
  readonly courtSeq: number;
  readonly source: 'workstation' | 'registry';
  readonly deviceId: string | null;
  readonly deviceSeq: number | null;
  /** Server time (ISO, millisecond precision). */
  readonly receivedAt: string;
  readonly event: unknown;
};

export type AppendInput = Omit<AuditContent, 'courtSeq' | 'receivedAt'> & {
  readonly receivedAt?: Date;
};

export type AppendedRow = {
  readonly id: number;
  readonly courtSeq: number;
  readonly rowHash: string;
};

/** The row hash for `content` after `prevHash`. */
export function rowHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash, 'utf8')
    .update(canonicalJson(content), 'utf8')
    .digest('hex');
}

/** Appends one row inside `tx` (the caller's transaction: a push, or appendRegistryEvent's). */
export async function appendAudit(tx: Queryable, input: AppendInput): Promise<AppendedRow> {
  await tx.query(
    `INSERT INTO audit_heads (court_ori, last_seq, last_hash) VALUES ($1, 0, $2)
     ON CONFLICT (court_ori) DO NOTHING`,
    [input.courtOri, GENESIS_HASH],
  );
  const heads = await tx.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_heads WHERE court_ori = $1 FOR UPDATE',
    [input.courtOri],
  );
  const head = heads[0] ?? { last_seq: 0, last_hash: GENESIS_HASH };
  // Millisecond precision, so the time read back is exactly the time hashed.
  const receivedAt = new Date(Math.floor((input.receivedAt ?? new Date()).getTime()));
  const content: AuditContent = {
    courtOri: input.courtOri,
    courtSeq: Number(head.last_seq) + 1,
    source: input.source,
    deviceId: input.deviceId,
    deviceSeq: input.deviceSeq,
    receivedAt: receivedAt.toISOString(),
    event: input.event,
  };
  const hash = rowHash(head.last_hash, content);
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO audit_events
       (court_ori, court_seq, source, device_id, seq, payload, received_at, prev_hash, row_hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING id`,
    [
      content.courtOri,
      content.courtSeq,
      content.source,
      content.deviceId,
      content.deviceSeq,
      JSON.stringify(content.event),
      receivedAt,
      head.last_hash,
      hash,
    ],
  );
  await tx.query(
    'UPDATE audit_heads SET last_seq = $2, last_hash = $3, updated_at = now() WHERE court_ori = $1',
    [input.courtOri, content.courtSeq, hash],
  );
  return { id: Number(rows[0]?.id ?? 0), courtSeq: content.courtSeq, rowHash: hash };
}

/** What the registry itself records (a sign-in, a denial, an audit read). */
export type RegistryEvent = Omit<AuditFacts, 'eventId' | 'at'>;

/** Records a registry event in its own transaction, in `courtOri`'s chain. */
export async function appendRegistryEvent(
  db: Db,
  courtOri: string | undefined,
  event: RegistryEvent,
): Promise<AppendedRow> {
  const facts: AuditFacts = { eventId: randomUUID(), at: new Date().toISOString(), ...event };
  return db.transaction((tx) =>
    appendAudit(tx, {
      courtOri: courtOri ?? REGISTRY_CHAIN,
      source: 'registry',
      // device_id/seq name a pushed mutation; the device involved is in the event's `where`.
      deviceId: null,
      deviceSeq: null,
      event: facts,
    }),
  );
}

/** One stored row as the verifier and the audit view read it. */
export type StoredAuditRow = {
  readonly id: number;
  readonly courtOri: string;
  readonly courtSeq: number;
  readonly source: 'workstation' | 'registry';
  readonly deviceId: string | null;
  readonly deviceSeq: number | null;
  readonly receivedAt: string;
  readonly event: unknown;
  readonly prevHash: string;
  readonly rowHash: string;
};

type RawRow = {
  id: number;
  court_ori: string;
  court_seq: number;
  source: 'workstation' | 'registry';
  device_id: string | null;
  seq: number | null;
  received_at: Date;
  payload: unknown;
  prev_hash: string;
  row_hash: string;
};

export const rowColumns =
  'id, court_ori, court_seq, source, device_id, seq, received_at, payload, prev_hash, row_hash';

export function fromRaw(r: RawRow): StoredAuditRow {
  return {
    id: Number(r.id),
    courtOri: r.court_ori,
    courtSeq: Number(r.court_seq),
    source: r.source,
    deviceId: r.device_id,
    deviceSeq: r.seq === null ? null : Number(r.seq),
    receivedAt: new Date(r.received_at).toISOString(),
    event: r.payload,
    prevHash: r.prev_hash,
    rowHash: r.row_hash,
  };
}

/** The content a stored row's hash must cover. */
export function contentOf(row: StoredAuditRow): AuditContent {
  return {
    courtOri: row.courtOri,
    courtSeq: row.courtSeq,
    source: row.source,
    deviceId: row.deviceId,
    deviceSeq: row.deviceSeq,
    receivedAt: row.receivedAt,
    event: row.event,
  };
}

/** A court's rows, newest first (the supervisors' audit view). */
export async function listAudit(
  db: Queryable,
  courtOri: string,
  limit: number,
  beforeSeq?: number,
): Promise<StoredAuditRow[]> {
  const rows = await db.query<RawRow>(
    `SELECT ${rowColumns} FROM audit_events
     WHERE court_ori = $1 AND ($2::bigint IS NULL OR court_seq < $2)
     ORDER BY court_seq DESC LIMIT $3`,
    [courtOri, beforeSeq ?? null, limit],
  );
  return rows.map(fromRaw);
}
