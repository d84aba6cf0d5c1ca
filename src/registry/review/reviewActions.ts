/**
 * The supervisor's review actions on the registry (issue 9 §2, reliability-security.md §5.2):
 * return an order to the clerk with a comment, ask for a void with a reason, and decide a
 * pending correction or void as the second person (never one's own entry or request).
 *
 * Each action runs in ONE transaction that also writes the order's review view, its review
 * history, a pull-feed change and the audit-chain row. Refusals are audited (denied) in their
 * own transaction before the 403 goes out.
 */
import { randomUUID } from 'node:crypto';

import { appendAudit, appendRegistryEvent } from '../audit/auditLog';
import type { Device } from '../auth/devices';
import type { RegistryUser } from '../auth/users';
import { payloadHash } from '../client/canonicalJson';
import type { Db, Queryable } from '../db/types';
import { RegistryError } from '../errors';
import { updateOrder } from '../orders/orderStore';
import { refreshOrderView } from '../relay/orderView';
import { checkOrderPayload, extractOrderKeys } from '../search/searchKeys';
import type { Action } from '../../shared/auth/actions';
import { decide } from '../../shared/auth/decide';
import { samePerson } from '../../shared/review/actor';

import {
  addReviewEvent,
  NO_REVIEW,
  personRef,
  writeReviewView,
  type PersonRef,
  type ReviewView,
} from './reviewView';

/** The signed-in user of a review request, with the device it came from. */
export type Reviewer = RegistryUser & { readonly device: Device };

/** What every review action answers (review:… IPC output). */
export type ReviewActionResult = {
  readonly orderId: string;
  readonly state: ReviewView['state'];
  readonly approvalId: string | null;
};

type OrderRow = {
  order_id: string;
  court_ori: string;
  version: number;
  status: string;
  payload: unknown;
  keyed_by: PersonRef | null;
  review: ReviewView | null;
  pending: string | null;
};

async function lockOrder(tx: Queryable, who: Reviewer, orderId: string): Promise<OrderRow> {
  const rows = await tx.query<OrderRow>(
    `SELECT o.order_id, o.court_ori, o.version, o.status, o.payload, o.keyed_by, o.review,
       (SELECT a.kind FROM approvals a WHERE a.order_id = o.order_id AND a.state = 'pending')
         AS pending
     FROM orders o WHERE o.order_id = $1 AND o.court_ori = $2 FOR UPDATE`,
    [orderId, who.device.courtOri],
  );
  const row = rows[0];
  if (!row) {
    throw new RegistryError(
      404,
      'not-found',
      `Order ${orderId} is not at the registry for your court.`,
    );
  }
  return row;
}

const now = () => new Date().toISOString();

function auditEvent(
  who: Reviewer,
  action: Action,
  outcome: 'success' | 'denied',
  orderId: string,
  route: string,
  reason?: string,
) {
  return {
    eventId: randomUUID(),
    at: now(),
    actor: { userId: who.userId, username: who.username, role: who.role },
    action,
    outcome,
    ...(reason ? { reason: reason.slice(0, 300) } : {}),
    subject: { kind: 'order', id: orderId },
    where: { deviceId: who.device.deviceId, route },
  };
}

async function audit(
  tx: Queryable,
  who: Reviewer,
  action: Action,
  orderId: string,
  route: string,
  reason?: string,
): Promise<void> {
  await appendAudit(tx, {
    courtOri: who.device.courtOri,
    source: 'registry',
    deviceId: null,
    deviceSeq: null,
    event: auditEvent(who, action, 'success', orderId, route, reason),
  });
}

/** Records a refusal in the audit chain, then returns the 403 to throw. */
async function denied(
  db: Db,
  who: Reviewer,
  action: Action,
  orderId: string,
  route: string,
  message: string,
): Promise<RegistryError> {
  const {
    eventId: _e,
    at: _a,
    ...event
  } = auditEvent(who, action, 'denied', orderId, route, message);
  await appendRegistryEvent(db, who.device.courtOri, event);
  return new RegistryError(403, 'forbidden', message);
}

/** POST /v1/orders/:orderId/return — a supervisor sends the order back with a comment. */
export async function returnOrder(
  db: Db,
  who: Reviewer,
  orderId: string,
  comment: string,
): Promise<ReviewActionResult> {
  const route = 'POST /v1/orders/:orderId/return';
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, who, orderId);
    if (order.pending) {
      throw new RegistryError(
        409,
        'approval-pending',
        `Order ${orderId} has a ${order.pending} waiting for approval; approve or decline it instead of returning the order.`,
      );
    }
    if (order.status === 'sent_to_clets') {
      throw new RegistryError(
        409,
        'in-flight',
        `Order ${orderId} is being sent to CLETS right now; return it once CLETS has answered.`,
      );
    }
    const by = personRef(who);
    const view: ReviewView = { ...NO_REVIEW, state: 'returned', by, at: now(), comment };
    await writeReviewView(tx, order.court_ori, orderId, view);
    await addReviewEvent(tx, {
      orderId,
      courtOri: order.court_ori,
      action: 'returned',
      actor: by,
      comment,
      approvalId: null,
    });
    await audit(tx, who, 'queue.work', orderId, route, 'returned to the clerk');
    return { orderId, state: 'returned', approvalId: null };
  });
}

/** POST /v1/orders/:orderId/void-request — a supervisor asks for an entered-in-error void. */
export async function requestVoid(
  db: Db,
  who: Reviewer,
  orderId: string,
  reason: string,
): Promise<ReviewActionResult> {
  const route = 'POST /v1/orders/:orderId/void-request';
  const decision = decide(who.role, 'order.void-request', {
    actorId: who.username,
    actorCourt: who.courtOri,
    targetCourt: who.device.courtOri,
    reasonGiven: reason.trim().length >= 10,
  });
  if (!decision.allowed) {
    throw await denied(db, who, 'order.void-request', orderId, route, decision.reason);
  }
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, who, orderId);
    if (order.pending) {
      throw new RegistryError(
        409,
        'approval-pending',
        `Order ${orderId} already has a ${order.pending} waiting for approval; decide that first.`,
      );
    }
    if ((order.payload as { status?: unknown } | null)?.status === 'entered-in-error') {
      throw new RegistryError(409, 'already-void', `Order ${orderId} is already voided.`);
    }
    const by = personRef(who);
    const rows = await tx.query<{ approval_id: string }>(
      `INSERT INTO approvals (order_id, court_ori, kind, version, requested_by, requesters, reason)
       VALUES ($1, $2, 'void', $3, $4::jsonb, $5::text[], $6) RETURNING approval_id::text`,
      [
        orderId,
        order.court_ori,
        order.version,
        JSON.stringify(by),
        [who.username.toLowerCase()],
        reason,
      ],
    );
    const approvalId = rows[0]?.approval_id ?? '';
    const view: ReviewView = {
      state: 'awaiting-approval',
      approvalKind: 'void',
      approvalId,
      requestedBy: by,
      by,
      at: now(),
      comment: reason,
    };
    await writeReviewView(tx, order.court_ori, orderId, view);
    await addReviewEvent(tx, {
      orderId,
      courtOri: order.court_ori,
      action: 'void-requested',
      actor: by,
      comment: reason,
      approvalId,
    });
    await audit(
      tx,
      who,
      'order.void-request',
      orderId,
      route,
      `void requested (approval ${approvalId})`,
    );
    return { orderId, state: 'awaiting-approval', approvalId };
  });
}

type ApprovalRow = {
  approval_id: string;
  order_id: string;
  court_ori: string;
  kind: 'correction' | 'void';
  version: number;
  requested_by: PersonRef | null;
  requesters: string[];
  state: string;
  keyed_by: PersonRef | null;
};

/** Why `who` may not decide this approval, or null. "Never one's own entry" in both senses. */
function refusalFor(who: Reviewer, a: ApprovalRow): string | null {
  const action: Action = a.kind === 'void' ? 'order.void-approve' : 'correction.approve';
  const base = {
    actorId: who.username.toLowerCase(),
    actorCourt: who.courtOri,
    targetCourt: a.court_ori,
  };
  const role = decide(who.role, action, { ...base, entryAuthor: '\u0000someone-else' });
  if (!role.allowed) return role.reason;
  if (samePerson(who, a.keyed_by)) {
    return 'You keyed this order; another supervisor must approve it.';
  }
  if (a.requesters.includes(who.username.toLowerCase())) {
    return a.kind === 'void'
      ? 'You asked for this void; a second supervisor must approve it.'
      : 'You made this correction; another supervisor must approve it.';
  }
  // The matrix cell itself, with the author the two-person rule is about.
  const author = a.requesters[0] ?? a.keyed_by?.username.toLowerCase();
  const cell = decide(who.role, action, { ...base, ...(author ? { entryAuthor: author } : {}) });
  if (!cell.allowed) {
    return `${cell.reason} Nobody is recorded as having keyed or asked for this change, so no one can approve it; return the order to the clerk instead.`;
  }
  return null;
}

/** POST /v1/approvals/:approvalId/decision — the second person approves or declines. */
export async function decideApproval(
  db: Db,
  who: Reviewer,
  approvalId: string,
  decision: 'approve' | 'decline',
  comment: string | null,
): Promise<ReviewActionResult> {
  const route = 'POST /v1/approvals/:approvalId/decision';
  const read = (q: Queryable, lock: boolean) =>
    q.query<ApprovalRow>(
      `SELECT a.approval_id::text, a.order_id, a.court_ori, a.kind, a.version, a.requested_by,
         a.requesters, a.state, o.keyed_by
       FROM approvals a JOIN orders o ON o.order_id = a.order_id
       WHERE a.approval_id = $1::bigint AND a.court_ori = $2 ${lock ? 'FOR UPDATE OF a, o' : ''}`,
      [approvalId, who.device.courtOri],
    );
  const notFound = () =>
    new RegistryError(404, 'not-found', `There is no approval ${approvalId} for your court.`);
  if (!/^\d{1,18}$/.test(approvalId)) throw notFound();
  const first = (await read(db, false))[0];
  if (!first) throw notFound();
  const action: Action = first.kind === 'void' ? 'order.void-approve' : 'correction.approve';
  const refusal = refusalFor(who, first);
  if (refusal) throw await denied(db, who, action, first.order_id, route, refusal);
  return db.transaction(async (tx) => {
    const a = (await read(tx, true))[0];
    if (!a) throw notFound();
    if (a.state !== 'pending') {
      throw new RegistryError(
        409,
        'already-decided',
        `Approval ${approvalId} was already ${a.state}.`,
      );
    }
    const by = personRef(who);
    await tx.query(
      `UPDATE approvals SET state = $2, decided_by = $3::jsonb, decision_comment = $4,
         decided_at = now() WHERE approval_id = $1::bigint`,
      [approvalId, decision === 'approve' ? 'approved' : 'declined', JSON.stringify(by), comment],
    );
    if (a.kind === 'correction') await settleCorrection(tx, a.order_id, decision);
    else if (decision === 'approve') await voidOrder(tx, who, a);
    const state = decision === 'approve' ? 'approved' : 'declined';
    const view: ReviewView = {
      state,
      approvalKind: a.kind,
      approvalId,
      requestedBy: a.requested_by,
      by,
      at: now(),
      comment,
    };
    await writeReviewView(tx, a.court_ori, a.order_id, view);
    await addReviewEvent(tx, {
      orderId: a.order_id,
      courtOri: a.court_ori,
      action: state,
      actor: by,
      comment,
      approvalId,
    });
    await audit(tx, who, action, a.order_id, route, `${a.kind} ${state} (approval ${approvalId})`);
    return { orderId: a.order_id, state, approvalId };
  });
}

/**
 * Approve: only the latest held version goes to the relay (versions in between were never
 * approved), followed by anything else held (a service recorded meanwhile). Decline: the held
 * versions are dropped from the relay's queue (the order's history keeps them) and the order's
 * CLETS status is recomputed from what was actually sent; held services go out with the content
 * CLETS holds.
 */
async function settleCorrection(tx: Queryable, orderId: string, decision: string): Promise<void> {
  if (decision === 'approve') {
    await tx.query(
      `DELETE FROM clets_events WHERE order_id = $1 AND held AND source = 'modified'
         AND id < (SELECT max(id) FROM clets_events WHERE order_id = $1 AND held AND source = 'modified')`,
      [orderId],
    );
  } else {
    await tx.query(
      `DELETE FROM clets_events WHERE order_id = $1 AND held AND source = 'modified'`,
      [orderId],
    );
    await tx.query(
      `UPDATE clets_events e SET payload = p.payload
       FROM (SELECT payload FROM clets_events WHERE order_id = $1 AND NOT held
               AND source IN ('submitted', 'modified') ORDER BY id DESC LIMIT 1) p
       WHERE e.order_id = $1 AND e.held`,
      [orderId],
    );
  }
  await tx.query('UPDATE clets_events SET held = false WHERE order_id = $1 AND held', [orderId]);
  await refreshOrderView(tx, orderId);
}

/** An approved void: a new version marked entered in error, which the relay cancels at CLETS. */
async function voidOrder(tx: Queryable, who: Reviewer, a: ApprovalRow): Promise<void> {
  const rows = await tx.query<{ version: number; payload: Record<string, unknown> }>(
    'SELECT version, payload FROM orders WHERE order_id = $1',
    [a.order_id],
  );
  const current = rows[0];
  if (!current) return;
  const payload = { ...current.payload, status: 'entered-in-error' };
  const checked = checkOrderPayload(payload);
  if (!checked.ok) {
    throw new RegistryError(
      409,
      'unvoidable',
      `Order ${a.order_id} cannot be voided as stored: ${checked.issues.join(' ')}`,
    );
  }
  const version = current.version + 1;
  await updateOrder(
    tx,
    {
      keys: extractOrderKeys(checked.order),
      payload,
      payloadHash: await payloadHash(payload),
      pageHashes: [],
      deviceId: who.device.deviceId,
      seq: 0,
    },
    version,
  );
  await tx.query(
    `INSERT INTO order_authors (order_id, version, kind, actor, username, device_id)
     VALUES ($1, $2, 'order.void', $3::jsonb, $4, $5) ON CONFLICT DO NOTHING`,
    [
      a.order_id,
      version,
      JSON.stringify(a.requested_by ?? personRef(who)),
      (a.requested_by ?? who).username.toLowerCase(),
      who.device.deviceId,
    ],
  );
}
