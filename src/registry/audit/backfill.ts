/**
 * Chains audit rows written before migration 4 (they have no court_seq yet): per court, in id
 * order, exactly as appendAudit would have. Runs inside the migration's transaction, before the
 * append-only triggers exist.
 */
import { GENESIS_HASH } from '../../shared/auth/auditEvent';
import type { Tx } from '../db/types';

import { rowHash, type AuditContent } from './auditLog';

export async function chainAuditBacklog(tx: Tx): Promise<void> {
  const rows = await tx.query<{
    id: number;
    court_ori: string;
    device_id: string | null;
    seq: number | null;
    payload: unknown;
    received_at: Date;
  }>(
    `SELECT id, court_ori, device_id, seq, payload, received_at FROM audit_events
     WHERE court_seq IS NULL ORDER BY court_ori, id`,
  );
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const r of rows) {
    const head = heads.get(r.court_ori) ?? { seq: 0, hash: GENESIS_HASH };
    const at = new Date(Math.floor(new Date(r.received_at).getTime()));
    const content: AuditContent = {
      courtOri: r.court_ori,
      courtSeq: head.seq + 1,
      source: 'workstation',
      deviceId: r.device_id,
      deviceSeq: r.seq === null ? null : Number(r.seq),
      receivedAt: at.toISOString(),
      event: r.payload,
    };
    const hash = rowHash(head.hash, content);
    await tx.query(
      `UPDATE audit_events SET court_seq = $2, prev_hash = $3, row_hash = $4, received_at = $5
       WHERE id = $1`,
      [r.id, content.courtSeq, head.hash, hash, at],
    );
    heads.set(r.court_ori, { seq: content.courtSeq, hash });
  }
  for (const [court, head] of heads) {
    await tx.query('INSERT INTO audit_heads (court_ori, last_seq, last_hash) VALUES ($1, $2, $3)', [
      court,
      head.seq,
      head.hash,
    ]);
  }
}
