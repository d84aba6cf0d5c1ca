/**
 * Main's part of "who keyed it" (docs/review.md, trust model): before outbox rows go to the
 * registry, every row that names an actor must name an account of THIS workstation — same user
 * name and account id, not disabled. The registry trusts the enrolled workstation to vouch for its
 * users, so main refuses to vouch for anyone it does not know: such a row is settled as
 * needs-attention (never sent, never silently re-attributed) and a supervisor sees why.
 *
 * And the actor must carry main's seal (src/main/auth/actorSeal.ts) of exactly that user: the
 * page that made the row can only have held the seal of the user signed in on it, so it cannot
 * name someone else. Order and service rows must name their actor; only the audit hand-over
 * (`audit.append`, whose events carry their own actors) goes without. The seal is removed before
 * the row leaves main: the registry has no use for it.
 */
import {
  workstationAuditEventSchema,
  type WorkstationAuditEvent,
} from '../../shared/auth/auditEvent';
import { actorOf } from '../../shared/review/actor';
import type { PushRow, PushRowResult } from '../../shared/ipc/contracts/sync';

/** The local account of a user name (the auth store), or undefined. */
export type AccountLookup = (
  username: string,
) => Promise<{ readonly userId: string; readonly disabled: boolean } | undefined>;

/** Checks a seal against the actor it claims to seal (ActorSeal.verify). */
export type SealCheck = (
  actor: { readonly userId: string; readonly username: string; readonly role: string },
  seal: string | undefined,
) => boolean;

/** Recognises an event of this workstation's own audit journal (AuditJournal.isOwn). */
export type AuditCheck = (event: WorkstationAuditEvent) => Promise<boolean>;

/** Kinds whose rows must say, under seal, who made them. */
const mustName = new Set(['order.submit', 'order.modify', 'service.record']);

/** The row as sent: the actor without its seal. */
function unsealed(row: PushRow): PushRow {
  const payload = row.payload as { actor?: Record<string, unknown> };
  if (!payload.actor || !('seal' in payload.actor)) return row;
  const { seal: _seal, ...actor } = payload.actor;
  return { ...row, payload: { ...payload, actor } };
}

/** Rows to send, and the results of rows refused here. */
export type ActorCheck = {
  readonly send: PushRow[];
  readonly refused: PushRowResult[];
};

/** Splits `rows` into those whose actor this workstation vouches for and those it refuses. */
export async function checkRowActors(
  rows: readonly PushRow[],
  lookup: AccountLookup,
  sealOk: SealCheck,
  ownAuditEvent?: AuditCheck,
): Promise<ActorCheck> {
  const send: PushRow[] = [];
  const refused: PushRowResult[] = [];
  for (const row of rows) {
    const actor = actorOf(row.payload);
    const refuse = (message: string) =>
      refused.push({
        idempotencyKey: row.idempotencyKey,
        outcome: 'needs-attention',
        reason: 'unknown-actor',
        message,
      });
    if (row.kind === 'audit.append' && ownAuditEvent) {
      const parsed = workstationAuditEventSchema.safeParse(
        (row.payload as { event?: unknown } | null)?.event,
      );
      if (parsed.success && (await ownAuditEvent(parsed.data))) send.push(row);
      else {
        refuse(
          "This audit event is not in this workstation's audit journal as written, so it was not sent. Tell your supervisor.",
        );
      }
      continue;
    }
    if (actor === null) {
      if (mustName.has(row.kind)) {
        refuse(
          'This item does not say who keyed it, so it was not sent. Sign in and key it again.',
        );
      } else send.push(row);
      continue;
    }
    if (actor === 'invalid') {
      refuse(
        'This item names the user who keyed it in a form this workstation cannot read, so it was not sent. A supervisor must re-key it.',
      );
      continue;
    }
    const account = await lookup(actor.username);
    if (!account || account.userId !== actor.userId) {
      refuse(
        `This item says it was keyed by "${actor.username}", who has no account on this workstation, so it was not sent. A supervisor must re-key it.`,
      );
    } else if (!sealOk(actor, actor.seal)) {
      refuse(
        `This item names "${actor.username}" without this workstation's proof that they were signed in when it was keyed, so it was not sent. A supervisor must review and re-key it.`,
      );
    } else if (account.disabled) {
      refuse(
        `This item was keyed by "${actor.username}", whose account is disabled, so it was not sent. A supervisor must review and re-key it.`,
      );
    } else {
      send.push(unsealed(row));
    }
  }
  return { send, refused };
}
