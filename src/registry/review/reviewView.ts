/**
 * The review view of one order (orders.review): what the pull feed carries to the clerk's
 * workstation ("Returned by <supervisor>: <comment>", "Waiting for supervisor approval") and what
 * the supervisor's day summary shows. Written in the same transaction as each review action,
 * with a pull-feed change row, so workstations see it on their next pull.
 */
import type { Queryable } from '../db/types';
import { recordChange } from '../orders/orderStore';
import type { ApprovalKind, ReviewState } from '../../shared/review/daySummary';

/** A person as review records name them (no role: the matrix decides on the live account). */
export type PersonRef = {
  readonly userId: string;
  readonly username: string;
  readonly displayName?: string;
};

/** orders.review. */
export type ReviewView = {
  readonly state: ReviewState;
  readonly approvalKind: ApprovalKind | null;
  readonly approvalId: string | null;
  readonly requestedBy: PersonRef | null;
  /** Who did the latest review action (returned, approved, declined, or asked). */
  readonly by: PersonRef | null;
  readonly at: string | null;
  readonly comment: string | null;
};

/** The view of an order nobody has reviewed. */
export const NO_REVIEW: ReviewView = {
  state: 'none',
  approvalKind: null,
  approvalId: null,
  requestedBy: null,
  by: null,
  at: null,
  comment: null,
};

/** Keeps only the fields a person reference carries (actors and users have more). */
export function personRef(p: {
  readonly userId: string;
  readonly username: string;
  readonly displayName?: string | undefined;
}): PersonRef {
  return {
    userId: p.userId,
    username: p.username,
    ...(p.displayName ? { displayName: p.displayName } : {}),
  };
}

/** Writes the order's review view and a pull-feed change row. */
export async function writeReviewView(
  tx: Queryable,
  courtOri: string,
  orderId: string,
  view: ReviewView,
): Promise<void> {
  await tx.query('UPDATE orders SET review = $2::jsonb, updated_at = now() WHERE order_id = $1', [
    orderId,
    JSON.stringify(view),
  ]);
  await recordChange(tx, courtOri, 'order', orderId);
}

/** Appends to the order's review history. */
export async function addReviewEvent(
  tx: Queryable,
  e: {
    readonly orderId: string;
    readonly courtOri: string;
    readonly action: string;
    readonly actor: PersonRef | null;
    readonly comment: string | null;
    readonly approvalId: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO review_events (order_id, court_ori, action, actor, comment, approval_id)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6::bigint)`,
    [
      e.orderId,
      e.courtOri,
      e.action,
      e.actor ? JSON.stringify(e.actor) : null,
      e.comment,
      e.approvalId,
    ],
  );
}
