/**
 * Submitted orders and their outbox entries. Submitting writes the order, its outbox entry
 * and the confidential block in ONE strict transaction and retires the draft: either all of
 * it is on disk or none of it is.
 */
import type { MutationActor } from '../../shared/review/actor';

import type { ClerkDb } from './clerkDb';
import type { OrderRow, OutboxRow } from './rows';

export type SubmitInput = {
  readonly draftId: string;
  readonly order: {
    readonly id: string;
    readonly orderType: string;
    readonly caseNumber: string;
  } & Record<string, unknown>;
  readonly confidential: Record<string, unknown> | null;
  /** Metadata that is not part of the order record (expiry override reason, clerk). */
  readonly meta: Record<string, unknown>;
  /** Who keys it (the signed-in user): stamped on the outbox row for the registry. */
  readonly actor?: MutationActor | null;
  readonly now?: string;
};

export const queuedStatus = 'queued';

export async function submitOrder(db: ClerkDb, input: SubmitInput): Promise<OrderRow> {
  const now = input.now ?? new Date().toISOString();
  const row: OrderRow = {
    id: input.order.id,
    orderType: input.order.orderType,
    caseNumber: input.order.caseNumber,
    status: queuedStatus,
    updatedAt: now,
    // '' when not recorded: IndexedDB leaves null out of the courtroom index.
    courtroom: typeof input.meta.courtroom === 'string' ? input.meta.courtroom : '',
    submittedAt: now,
    order: input.order,
  };
  const outbox: OutboxRow = {
    // The key is the order id plus the event: a resubmission after a crash is the same key,
    // so the registry applies it once.
    idempotencyKey: `order.submit:${input.order.id}`,
    orderId: input.order.id,
    kind: 'order.submit',
    state: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: now,
    payload: {
      order: input.order,
      confidential: input.confidential,
      meta: input.meta,
      ...(input.actor ? { actor: input.actor } : {}),
    },
  };
  await db.transaction('rw', [db.orders, db.outbox, db.drafts, db.pages], async () => {
    if (await db.orders.get(row.id)) throw new Error('This order was already submitted.');
    await db.orders.add(row);
    await db.outbox.add(outbox);
    // Page images move from the draft to the order.
    await db.pages.where('ownerId').equals(input.draftId).modify({ ownerId: row.id });
    await db.drafts.delete(input.draftId);
  });
  return row;
}

export function getOrderRow(db: ClerkDb, id: string): Promise<OrderRow | undefined> {
  return db.orders.get(id);
}

export async function listRecentOrders(db: ClerkDb, limit = 50): Promise<OrderRow[]> {
  return db.orders.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export type ModificationInput = {
  /** The corrected order record (same id as the order it corrects). */
  readonly order: { readonly id: string; readonly caseNumber: string } & Record<string, unknown>;
  /** Who keys the correction (the signed-in user): stamped on the outbox row. */
  readonly actor?: MutationActor | null;
  readonly now?: string;
};

/**
 * Sends a corrected order as an `order.modify` against the version the registry last reported
 * (from the pull feed's cache): the order row and its outbox entry are written in ONE strict
 * transaction, and the order shows "Queued" again until the registry takes the correction.
 */
export async function submitModification(db: ClerkDb, input: ModificationInput): Promise<OrderRow> {
  const now = input.now ?? new Date().toISOString();
  const id = input.order.id;
  return db.transaction('rw', [db.orders, db.outbox, db.registryOrders], async () => {
    const local = await db.orders.get(id);
    if (!local) throw new Error(`Order ${id} was not keyed on this workstation.`);
    const remote = await db.registryOrders.get(id);
    if (!remote) {
      throw new Error(
        'The registry has not reported this order yet; wait until it shows at the registry, then correct it.',
      );
    }
    const row: OrderRow = {
      ...local,
      caseNumber: input.order.caseNumber,
      order: input.order,
      status: queuedStatus,
      statusReason: null,
      updatedAt: now,
    };
    const outbox: OutboxRow = {
      // One correction per registry version: a retry after a crash is the same key.
      idempotencyKey: `order.modify:${id}:${remote.version}`,
      orderId: id,
      kind: 'order.modify',
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      payload: {
        order: input.order,
        baseVersion: remote.version,
        ...(input.actor ? { actor: input.actor } : {}),
      },
    };
    if (await db.outbox.get({ idempotencyKey: outbox.idempotencyKey })) {
      throw new Error('A correction to this version of the order is already waiting to be sent.');
    }
    await db.orders.put(row);
    await db.outbox.add(outbox);
    return row;
  });
}
