/**
 * Order lifecycle as semantic events (domain.md §1.2, §9.11) and the DATA table that maps each
 * event to a CLETS transaction. The NCIC message keys (MKE) are INFERRED from the NCIC
 * naming pattern and NOT confirmed for CARPOS (domain.md §3.3): they live only here, marked
 * `mkeVerified: false`, so the relay never hard-codes them.
 */
import type { OrderStatus } from './model/order';

/** The CLETS transaction kinds the relay knows. */
export type CletsTransactionKind = 'enter' | 'modify' | 'clear' | 'cancel' | 'service';

/** Tags carried by a full record (enter / modify) in record order. */
export const fullRecordTags = [
  'ORI', 'NAM', 'SEX', 'RAC', 'DOB', 'HGT', 'WGT', 'EYE', 'HAI', 'SKN', 'OLN', 'OLS',
  'PNO', 'BRD', 'ISD', 'EXP', 'CTI', 'PCO', 'PPN', 'PSX', 'PPR', 'PPB', 'MIS', 'OCA',
] as const; // prettier-ignore

/** A CLETS field tag this module produces. */
export type CletsTag = (typeof fullRecordTags)[number];

/** Tags that identify an existing record (clear / cancel). */
export const identityRecordTags: readonly CletsTag[] = [
  'ORI',
  'NAM',
  'SEX',
  'RAC',
  'DOB',
  'PNO',
  'PPN',
  'OCA',
];

/** Tags of a proof-of-service update: identity plus the service statement in MIS. */
export const serviceRecordTags: readonly CletsTag[] = [...identityRecordTags, 'MIS'];

/** One lifecycle event and what it means for the order and for CLETS. */
export type LifecycleEventDef = {
  event: LifecycleEvent;
  label: string;
  /** Statuses the event may follow; `null` = a new record. */
  from: readonly (OrderStatus | null)[];
  /** Status after the event. */
  to: OrderStatus;
  transaction: CletsTransactionKind;
  /** INFERRED NCIC message key; confirm with CA DOJ before use. */
  mke: string;
  mkeVerified: false;
  recordTags: readonly CletsTag[];
  /** Fam. Code §6380: to CARPOS within one court day of the event. */
  dueWithinCourtDays: 1;
};

/** The semantic events of an order's life. */
export const lifecycleEventNames = [
  'issued',
  'reissued',
  'modified',
  'renewed',
  'terminated',
  'served',
  'entered-in-error',
] as const;

/** A lifecycle event name. */
export type LifecycleEvent = (typeof lifecycleEventNames)[number];

const active: readonly OrderStatus[] = ['active'];

/** The event table (data): event → status change and CLETS transaction. */
export const lifecycleEvents: readonly LifecycleEventDef[] = [
  {
    event: 'issued',
    label: 'Order issued (temporary, emergency, after hearing or registered)',
    from: [null],
    to: 'active',
    transaction: 'enter',
    mke: 'EPO',
    mkeVerified: false,
    recordTags: fullRecordTags,
    dueWithinCourtDays: 1,
  },
  {
    event: 'reissued',
    label: 'Temporary order reissued or continued to a new hearing date (Fam. Code §245)',
    from: active,
    to: 'active',
    transaction: 'modify',
    mke: 'MPO',
    mkeVerified: false,
    recordTags: fullRecordTags,
    dueWithinCourtDays: 1,
  },
  {
    event: 'modified',
    label: 'Order modified',
    from: active,
    to: 'active',
    transaction: 'modify',
    mke: 'MPO',
    mkeVerified: false,
    recordTags: fullRecordTags,
    dueWithinCourtDays: 1,
  },
  {
    event: 'renewed',
    label: 'Order renewed (new expiration, possibly permanent)',
    from: ['active', 'expired'],
    to: 'active',
    transaction: 'modify',
    mke: 'MPO',
    mkeVerified: false,
    recordTags: fullRecordTags,
    dueWithinCourtDays: 1,
  },
  {
    event: 'terminated',
    label: 'Order terminated or dismissed before it expired (clear)',
    from: active,
    to: 'terminated',
    transaction: 'clear',
    mke: 'CPO',
    mkeVerified: false,
    recordTags: identityRecordTags,
    dueWithinCourtDays: 1,
  },
  {
    event: 'served',
    label: 'Proof of service recorded',
    from: ['active', 'expired', 'terminated'],
    to: 'active',
    transaction: 'service',
    mke: 'MPO',
    mkeVerified: false,
    recordTags: serviceRecordTags,
    dueWithinCourtDays: 1,
  },
  {
    event: 'entered-in-error',
    label: 'Record entered in error (cancel)',
    from: ['active', 'expired', 'terminated'],
    to: 'entered-in-error',
    transaction: 'cancel',
    mke: 'XPO',
    mkeVerified: false,
    recordTags: identityRecordTags,
    dueWithinCourtDays: 1,
  },
];

/** The table row of an event. */
export function lifecycleEventDef(event: LifecycleEvent): LifecycleEventDef {
  const def = lifecycleEvents.find((e) => e.event === event);
  if (!def) throw new RangeError(`Unknown lifecycle event "${event}"`);
  return def;
}

/**
 * The status after `event` on an order in `status` (null for a new record), or an error
 * message when the event cannot happen then (e.g. modifying a terminated order).
 */
export function nextStatus(
  status: OrderStatus | null,
  event: LifecycleEvent,
): { ok: true; status: OrderStatus } | { ok: false; message: string } {
  const def = lifecycleEventDef(event);
  if (!def.from.includes(status)) {
    return {
      ok: false,
      message: `An order that is ${status ?? 'not yet recorded'} cannot be ${event.replaceAll('-', ' ')}.`,
    };
  }
  // Service does not change a terminated or expired order back to active.
  return { ok: true, status: event === 'served' && status !== null ? status : def.to };
}
