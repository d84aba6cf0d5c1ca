/**
 * Proof of service recorded from the courtroom print queue. Recording service changes the
 * order (its `service` field) and queues that change to the registry like any other: the
 * updated order and its outbox entry are written in ONE strict transaction, so either both are
 * on disk or neither is.
 */
import { checkOrder } from '../../shared/orders';
import type { FieldError, Service } from '../../shared/orders';
import type { CourtRules } from '../../shared/ipc/contracts/calendar';
import type { MutationActor } from '../../shared/review/actor';

import type { ClerkDb } from './clerkDb';
import type { OrderRow, OutboxRow } from './rows';

export const serviceRecordKind = 'service.record';

export type RecordServiceInput = {
  readonly orderId: string;
  /** "Served in court" or "personal service"; validated with the whole order. */
  readonly service: Service;
  /** Who records it (the signed-in user): stamped on the outbox row. */
  readonly actor?: MutationActor | null;
  /** Now, ISO with offset (tests pin it); default the current time. */
  readonly now?: string;
  /** The court's closures and close of business (the calendar feature's `selectCourtRules`). */
  readonly rules?: CourtRules;
};

export type RecordServiceResult =
  | { readonly ok: true; readonly row: OrderRow; readonly outbox: OutboxRow }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Errors about the service first: they are what the clerk just entered. */
function serviceFirst(errors: readonly FieldError[]): FieldError[] {
  const isService = (e: FieldError) => e.path === 'service' || e.path.startsWith('service.');
  return [...errors.filter(isService), ...errors.filter((e) => !isService(e))];
}

/**
 * Records how the order was served. Bad input (a future date, a protected person as server,
 * a method the order type does not allow) changes nothing and comes back as field errors.
 */
export async function recordService(
  db: ClerkDb,
  input: RecordServiceInput,
): Promise<RecordServiceResult> {
  const now = input.now ?? new Date().toISOString();
  return db.transaction('rw', [db.orders, db.outbox], async () => {
    const row = await db.orders.get(input.orderId);
    if (!row) {
      return {
        ok: false,
        errors: [{ path: '', message: 'This order is no longer on this workstation.' }],
      } as const;
    }
    const current = row.order as Record<string, unknown>;
    const check = checkOrder({ ...current, service: input.service }, { ...input.rules, now });
    if (!check.ok || !check.order)
      return { ok: false, errors: serviceFirst(check.errors) } as const;
    const service = check.order.service;
    const updated: OrderRow = { ...row, order: { ...current, service }, updatedAt: now };
    // One key per recorded service of this order: a replay after a crash reuses the key, so
    // the registry applies each record once; a correction later gets the next number.
    const earlier = await db.outbox
      .where('orderId')
      .equals(input.orderId)
      .filter((o) => o.kind === serviceRecordKind)
      .count();
    const n = earlier + 1;
    const outbox: OutboxRow = {
      idempotencyKey: `${serviceRecordKind}:${input.orderId}:${n}`,
      orderId: input.orderId,
      kind: serviceRecordKind,
      state: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      // The registry's proof-of-service shape: a record with a stable id (the same on every
      // resend, so the registry files it once) carrying the service.
      payload: {
        orderId: input.orderId,
        record: { id: `${input.orderId}:service:${n}`, service },
        ...(input.actor ? { actor: input.actor } : {}),
      },
    };
    await db.orders.put(updated);
    const seq = await db.outbox.add(outbox);
    return { ok: true, row: updated, outbox: { ...outbox, seq } } as const;
  });
}

/** The order's entries waiting for (or already at) the registry, oldest first. */
export function listOrderOutbox(db: ClerkDb, orderId: string): Promise<OutboxRow[]> {
  return db.outbox.where('orderId').equals(orderId).sortBy('seq');
}
