/**
 * Main's part of "who keyed it" (docs/review.md, trust model): before outbox rows go to the
 * registry, every row that names an actor must name an account of THIS workstation — same user
 * name and account id, not disabled. The registry trusts the enrolled workstation to vouch for its
 * users, so main refuses to vouch for anyone it does not know: such a row is settled as
 * needs-attention (never sent, never silently re-attributed) and a supervisor sees why.
 *
 * Rows without an actor (queued before actors were stamped) are sent as they are, as the
 * device's; the registry then keeps no keyed_by for them.
 */
import { actorOf } from '../../shared/review/actor';
import type { PushRow, PushRowResult } from '../../shared/ipc/contracts/sync';

/** The local account of a user name (the auth store), or undefined. */
export type AccountLookup = (
  username: string,
) => Promise<{ readonly userId: string; readonly disabled: boolean } | undefined>;

/** Rows to send, and the results of rows refused here. */
export type ActorCheck = {
  readonly send: PushRow[];
  readonly refused: PushRowResult[];
};

/** Splits `rows` into those whose actor this workstation vouches for and those it refuses. */
export async function checkRowActors(
  rows: readonly PushRow[],
  lookup: AccountLookup,
): Promise<ActorCheck> {
  const send: PushRow[] = [];
  const refused: PushRowResult[] = [];
  for (const row of rows) {
    const actor = actorOf(row.payload);
    if (actor === null) {
      send.push(row);
      continue;
    }
    const refuse = (message: string) =>
      refused.push({
        idempotencyKey: row.idempotencyKey,
        outcome: 'needs-attention',
        reason: 'unknown-actor',
        message,
      });
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
    } else if (account.disabled) {
      refuse(
        `This item was keyed by "${actor.username}", whose account is disabled, so it was not sent. A supervisor must review and re-key it.`,
      );
    } else {
      send.push(row);
    }
  }
  return { send, refused };
}
