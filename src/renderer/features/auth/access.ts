/**
 * What other features call (Review, Search, Intake): ask main whether the signed-in user may do
 * an action on a resource (a "no" is audited in main), and record an audit event for something
 * done only in the renderer (a submission written to Dexie, a view of CLETS-001 data). Main adds
 * who, when and where. Hiding a button is cosmetic; the registry enforces data access.
 */
import type { Action } from '../../../shared/auth/actions';
import type { AuditOutcome, AuditSubject } from '../../../shared/auth/auditEvent';
import { decide } from '../../../shared/auth/decide';
import type { CheckAccessInput } from '../../../shared/ipc/contracts/auth';
import { useAppSelector } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';

import { selectPrincipal } from './authSlice';

/** Main's decision for `action` with `scope` (facts about the resource). */
export async function checkAccess(
  action: Action,
  scope: NonNullable<CheckAccessInput['scope']> = {},
  subject?: AuditSubject,
): Promise<{ allowed: boolean; reason?: string }> {
  return unwrap(
    'auth:check-access',
    clerkApi().auth.checkAccess({ action, scope, ...(subject ? { subject } : {}) }),
  );
}

/** Records an event in main's journal (ids only in `subject`, never names). */
export async function recordAudit(
  action: Action,
  outcome: AuditOutcome,
  subject?: AuditSubject,
  reason?: string,
): Promise<number> {
  const r = await unwrap(
    'audit:record-event',
    clerkApi().audit.recordEvent({
      action,
      outcome,
      ...(subject ? { subject } : {}),
      ...(reason !== undefined ? { reason } : {}),
    }),
  );
  return r.seq;
}

/**
 * For showing or hiding controls: the shared matrix decided here, from the signed-in user, with
 * no call and no audit event (cosmetic only; the action itself is checked in main or the registry).
 */
export function useCan(
  action: Action,
  scope: NonNullable<CheckAccessInput['scope']> = {},
): boolean {
  const user = useAppSelector(selectPrincipal);
  if (!user) return false;
  return decide(user.role, action, { ...scope, actorId: user.userId, actorCourt: user.courtOri })
    .allowed;
}
