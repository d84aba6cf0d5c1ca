/**
 * Which lifecycle events (issued, modified, renewed, terminated, served, entered in error) a
 * registry change means. The registry records three things — a submitted order, a new version of
 * an order, a proof of service — and the relay compares each version with the one before to name
 * the event, so the domain's event → CLETS table (src/shared/orders/lifecycle.ts) can map it.
 * Pure.
 */
import {
  orderSchema,
  orderToCletsRecords,
  serviceSchema,
  type LifecycleEvent,
  type Order,
} from '../../shared/orders';

/** A change the registry recorded, with the order as it was then. */
export type SourceChange = {
  readonly source: 'submitted' | 'modified' | 'served';
  readonly payload: unknown;
  /** The order's previous version (for 'modified'); null when unknown. */
  readonly previous: unknown;
  /** The proof-of-service record (for 'served'). */
  readonly service: unknown;
  /** When the registry received it (ISO): the event time when the order carries none. */
  readonly receivedAt: string;
};

/** One event to relay, or the reason it cannot be. */
export type InferredEvent =
  | { readonly event: LifecycleEvent; readonly order: Order; readonly eventAt: string }
  | {
      readonly event: LifecycleEvent;
      readonly problem: { readonly path: string; readonly message: string };
      readonly eventAt: string;
    };

function parseOrder(payload: unknown): { order: Order } | { path: string; message: string } {
  const parsed = orderSchema.safeParse(payload);
  if (parsed.success) return { order: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    path:
      issue?.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '') ?? '',
    message: issue?.message ?? 'the order is not valid',
  };
}

/** The CLETS-relevant content of an order for a full record (what a modification would send). */
function recordsOf(order: Order): string {
  try {
    return JSON.stringify(orderToCletsRecords(order, 'modified'));
  } catch (e) {
    return `unbuildable: ${(e as Error).message}`;
  }
}

function served(order: Order): boolean {
  return order.service.method !== 'not-served';
}

/** The instant of a service, or the receipt time. */
function serviceAt(order: Order, receivedAt: string): string {
  return order.service.method === 'not-served' ? receivedAt : order.service.at;
}

/** Fields of the order's `service`; a proof-of-service record may carry them at its top level. */
const SERVICE_KEYS = [
  'method',
  'at',
  'servedBy',
  'agency',
  'troPersonallyServed',
  'sameAsTroExceptExpiry',
];

/** The service in a proof-of-service record: `record.service`, or the record's service fields. */
function serviceOf(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const r = record as Record<string, unknown>;
  if (r.service !== undefined) return r.service;
  return Object.fromEntries(Object.entries(r).filter(([k]) => SERVICE_KEYS.includes(k)));
}

/** Names the events of one registry change, in the order they must go to CLETS. */
export function inferEvents(change: SourceChange): InferredEvent[] {
  const current = parseOrder(change.payload);
  const fallback: LifecycleEvent =
    change.source === 'submitted' ? 'issued' : change.source === 'served' ? 'served' : 'modified';
  if (!('order' in current)) {
    return [{ event: fallback, problem: current, eventAt: change.receivedAt }];
  }
  const order = current.order;
  if (change.source === 'submitted') {
    const events: InferredEvent[] = [{ event: 'issued', order, eventAt: order.issuedAt }];
    // Served in court or before the order reached the registry: the service follows the entry.
    if (served(order))
      events.push({ event: 'served', order, eventAt: serviceAt(order, change.receivedAt) });
    return events;
  }
  if (change.source === 'served') {
    const parsed = serviceSchema.safeParse(serviceOf(change.service));
    if (!parsed.success || parsed.data.method === 'not-served') {
      const message = parsed.success
        ? 'the proof of service says the order was not served'
        : (parsed.error.issues[0]?.message ?? 'the proof of service is incomplete');
      return [
        { event: 'served', problem: { path: 'service', message }, eventAt: change.receivedAt },
      ];
    }
    const withService: Order = { ...order, service: parsed.data };
    return [
      { event: 'served', order: withService, eventAt: serviceAt(withService, change.receivedAt) },
    ];
  }
  const prevParsed = change.previous === null ? null : parseOrder(change.previous);
  const previous = prevParsed && 'order' in prevParsed ? prevParsed.order : null;
  if (order.status === 'entered-in-error' && previous?.status !== 'entered-in-error') {
    return [{ event: 'entered-in-error', order, eventAt: change.receivedAt }];
  }
  if (order.status === 'terminated' && previous?.status !== 'terminated') {
    return [{ event: 'terminated', order, eventAt: change.receivedAt }];
  }
  if (order.status !== 'active') return []; // expired or still terminated: NCIC retires it itself
  const events: InferredEvent[] = [];
  const reactivated = previous !== null && previous.status !== 'active';
  if (previous === null || reactivated || recordsOf(previous) !== recordsOf(order)) {
    const renewed =
      previous !== null && JSON.stringify(previous.expiration) !== JSON.stringify(order.expiration);
    events.push({ event: renewed ? 'renewed' : 'modified', order, eventAt: change.receivedAt });
  }
  const serviceChanged =
    served(order) && JSON.stringify(previous?.service) !== JSON.stringify(order.service);
  if (serviceChanged)
    events.push({ event: 'served', order, eventAt: serviceAt(order, change.receivedAt) });
  return events;
}
