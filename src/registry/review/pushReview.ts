/**
 * The push path's part of the review workflow, wrapped around each mutation kind's handler:
 *
 * 1. Who keyed it: a mutation may carry `actor` (src/shared/review/actor.ts). The registry
 *    checks the actor's role against the kind's matrix action (kindActions.ts) in the device's
 *    court, refuses an actor that may not do it, and records the actor of every order version
 *    (order_authors; version 1 becomes orders.keyed_by).
 * 2. Second person before CLETS: an `order.modify` of an order a supervisor RETURNED (or whose
 *    correction was declined), and an actor's modification of an order already on file at CLETS
 *    (acknowledged, or with active records), waits as `awaiting-approval`: an approvals row is
 *    written and the change's relay events are held (clets_events.held) in the same transaction,
 *    before anything can reach the relay. A modification while a void waits is refused.
 *    Other modifications (e.g. the fix of a rejection nobody returned) go out as before.
 *
 * Mutations without an actor (workstations from before actors, the relay and sync test
 * harnesses) are applied as the device's; their modifications of transmitted orders are not
 * held. docs/review.md says why and what closes that gap.
 *
 * Fast-path rule kept: nothing is written before the kind's handler has accepted the mutation.
 */
import { randomUUID } from 'node:crypto';

import { appendAudit } from '../audit/auditLog';
import { decide } from '../../shared/auth/decide';
import { kindAction } from '../../shared/auth/kindActions';
import { actorOf, type MutationActor } from '../../shared/review/actor';
import type { ApplyContext, ApplyOutcome, KindHandler } from '../push/handlers';

import { addReviewEvent, personRef, writeReviewView, type ReviewView } from './reviewView';

const refuse = (httpStatus: number, reason: string, message: string): ApplyOutcome => ({
  type: 'rejected',
  httpStatus,
  reason,
  message,
});

type Before = {
  readonly review: ReviewView | null;
  readonly transmitted: boolean;
  readonly pending: { approval_id: string; kind: string; requesters: string[] } | null;
};

function orderIdOf(payload: unknown): string | undefined {
  const order = (payload as { order?: { id?: unknown } } | null)?.order;
  return typeof order?.id === 'string' ? order.id : undefined;
}

async function readBefore(ctx: ApplyContext, orderId: string): Promise<Before | undefined> {
  const rows = await ctx.tx.query<{
    review: ReviewView | null;
    transmitted: boolean;
    pending: Before['pending'];
  }>(
    `SELECT o.review,
       (o.status = 'acknowledged' OR EXISTS (SELECT 1 FROM clets_records r
          WHERE r.order_id = o.order_id AND r.state = 'active')) AS transmitted,
       (SELECT json_build_object('approval_id', a.approval_id::text, 'kind', a.kind,
                                 'requesters', a.requesters)
          FROM approvals a WHERE a.order_id = o.order_id AND a.state = 'pending') AS pending
     FROM orders o WHERE o.order_id = $1 AND o.court_ori = $2`,
    [orderId, ctx.device.courtOri],
  );
  return rows[0];
}

/** After an applied modification: opens or extends the approval and holds the version. */
async function holdForApproval(
  ctx: ApplyContext,
  orderId: string,
  version: number,
  actor: MutationActor | null,
  before: Before,
): Promise<void> {
  const { tx, device } = ctx;
  const requester = actor ? personRef(actor) : null;
  let approvalId: string;
  if (before.pending) {
    approvalId = before.pending.approval_id;
    await tx.query(
      `UPDATE approvals SET version = $2,
         requested_by = COALESCE($3::jsonb, requested_by),
         requesters = CASE WHEN $4::text IS NULL OR $4::text = ANY(requesters) THEN requesters
                           ELSE array_append(requesters, $4::text) END
       WHERE approval_id = $1::bigint`,
      [
        approvalId,
        version,
        requester ? JSON.stringify(requester) : null,
        actor?.username.toLowerCase() ?? null,
      ],
    );
  } else {
    const rows = await tx.query<{ approval_id: string }>(
      `INSERT INTO approvals (order_id, court_ori, kind, version, requested_by, requesters)
       VALUES ($1, $2, 'correction', $3, $4::jsonb, $5::text[]) RETURNING approval_id::text`,
      [
        orderId,
        device.courtOri,
        version,
        requester ? JSON.stringify(requester) : null,
        actor ? [actor.username.toLowerCase()] : [],
      ],
    );
    approvalId = rows[0]?.approval_id ?? '';
  }
  // The version's relay events were queued by the order_events trigger a moment ago, in this
  // same (uncommitted) transaction: no relay can have seen them.
  await tx.query(
    'UPDATE clets_events SET held = true WHERE order_id = $1 AND version = $2 AND NOT planned',
    [orderId, version],
  );
  const view: ReviewView = {
    state: 'awaiting-approval',
    approvalKind: 'correction',
    approvalId,
    requestedBy: requester,
    by: requester,
    at: new Date().toISOString(),
    comment: before.review?.comment ?? null,
  };
  await writeReviewView(tx, device.courtOri, orderId, view);
  await addReviewEvent(tx, {
    orderId,
    courtOri: device.courtOri,
    action: 'correction-requested',
    actor: requester,
    comment: null,
    approvalId,
  });
  await appendAudit(tx, {
    courtOri: device.courtOri,
    source: 'registry',
    deviceId: null,
    deviceSeq: null,
    event: {
      eventId: randomUUID(),
      at: new Date().toISOString(),
      actor: actor ? { userId: actor.userId, username: actor.username, role: actor.role } : null,
      action: 'correction.request',
      outcome: 'success',
      reason: `held for a second person's approval (approval ${approvalId})`,
      subject: { kind: 'order', id: orderId },
      where: { deviceId: device.deviceId, route: 'POST /v1/mutations' },
    },
  });
}

/** Wraps one kind's handler with the actor check, authorship and the review hold. */
export function withReview(kind: string, handler: KindHandler): KindHandler {
  return async (ctx) => {
    const actor = actorOf(ctx.mutation.payload);
    if (actor === 'invalid') {
      return refuse(
        422,
        'invalid-actor',
        'The change names a user who keyed it in a form the registry cannot read ({userId, username, role}); it was not applied.',
      );
    }
    if (actor && kind !== 'audit.append') {
      const action = kindAction(kind);
      const decision = action
        ? decide(actor.role, action, {
            actorId: actor.username,
            actorCourt: ctx.device.courtOri,
            targetCourt: ctx.device.courtOri,
          })
        : ({ allowed: false, reason: `"${kind}" is not a change users may make.` } as const);
      if (!decision.allowed) {
        return refuse(
          403,
          'actor-not-allowed',
          `${actor.username} (${actor.role}) may not make this change: ${decision.reason}`,
        );
      }
    }
    const orderId = kind.startsWith('order.') ? orderIdOf(ctx.mutation.payload) : undefined;
    let before: Before | undefined;
    if (kind === 'order.modify' && orderId) {
      before = await readBefore(ctx, orderId);
      if (before?.pending?.kind === 'void') {
        return refuse(
          409,
          'void-pending',
          `A supervisor has asked to void order ${orderId}; the change waits until a second supervisor decides the void. Ask your supervisor.`,
        );
      }
    }
    const outcome = await handler(ctx);
    if (outcome.type !== 'applied' || !orderId) return outcome;
    const version = outcome.result.version ?? 1;
    if (actor) {
      await ctx.tx.query(
        `INSERT INTO order_authors (order_id, version, kind, actor, username, device_id)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6) ON CONFLICT (order_id, version) DO NOTHING`,
        [
          orderId,
          version,
          kind,
          JSON.stringify(actor),
          actor.username.toLowerCase(),
          ctx.device.deviceId,
        ],
      );
      // Written one by one, the order row exists already; batched, the orders trigger fills it.
      if (version === 1) {
        await ctx.tx.query(
          'UPDATE orders SET keyed_by = $2::jsonb WHERE order_id = $1 AND keyed_by IS NULL',
          [orderId, JSON.stringify(actor)],
        );
      }
    }
    if (kind === 'order.modify' && before && !outcome.result.alreadyPresent) {
      const state = before.review?.state;
      const returned =
        state === 'returned' ||
        (state === 'declined' && before.review?.approvalKind === 'correction');
      if (before.pending || returned || (actor && before.transmitted)) {
        await holdForApproval(ctx, orderId, version, actor, before);
      }
    }
    return outcome;
  };
}

/** Wraps every kind's handler (see withReview). */
export function reviewedHandlers(
  handlers: Readonly<Record<string, KindHandler>>,
): Readonly<Record<string, KindHandler>> {
  return Object.fromEntries(Object.entries(handlers).map(([k, h]) => [k, withReview(k, h)]));
}
