/**
 * The workstation's own audit hash chain (R-AUD-6): each event stores the previous event's
 * hash and `hash = SHA-256(prevHash ‖ canonical JSON of the event without its hash)`, so a
 * changed, removed or inserted event breaks the chain here and shows as a gap at the registry.
 */
import { createHash } from 'node:crypto';

import { canonicalJson } from '../../registry/client/canonicalJson';
import { GENESIS_HASH, type WorkstationAuditEvent } from '../../shared/auth/auditEvent';

/** The hash an event must carry, computed from everything else in it. */
export function eventHash(event: Omit<WorkstationAuditEvent, 'hash'>): string {
  const { hash: _drop, ...body } = event as WorkstationAuditEvent;
  return createHash('sha256')
    .update(event.prevHash, 'utf8')
    .update(canonicalJson(body), 'utf8')
    .digest('hex');
}

/** Problems found walking `events` in order (empty = intact), each naming the seq. */
export function chainProblems(
  events: readonly WorkstationAuditEvent[],
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): string[] {
  const problems: string[] = [];
  let prev = start;
  for (const e of events) {
    if (e.seq !== prev.seq + 1) {
      problems.push(`event ${e.seq} follows event ${prev.seq}: events are missing or inserted`);
    }
    if (e.prevHash !== prev.hash) {
      problems.push(`event ${e.seq} does not link to the event before it`);
    }
    if (eventHash(e) !== e.hash) problems.push(`event ${e.seq} was changed after it was written`);
    prev = { seq: e.seq, hash: e.hash };
  }
  return problems;
}
