/**
 * Conflict check before submit: other orders and drafts on this workstation (and, once synced,
 * the court's orders from the registry cache) for the same restrained or protected persons or
 * the same case number, with the enforcement priority among them.
 */
import type { CourtRules } from '../../../shared/ipc/contracts/calendar';
import { deriveExpiry, enforcementPriority, orderSchema } from '../../../shared/orders';
import type { Order, PriorityResult } from '../../../shared/orders';
import { samePerson } from '../../../shared/search/personMatch';
import type { PersonKey } from '../../../shared/search/personMatch';
import type { ClerkDb } from '../../db/clerkDb';
import { cacheCandidates } from '../sync/registryCache';

import { textOf } from './form/fieldTypes';
import type { FormValues } from './form/fieldTypes';

export type ConflictMatch = {
  readonly id: string;
  readonly source: 'order' | 'draft' | 'registry';
  readonly orderType: string;
  readonly caseNumber: string;
  readonly status: string;
  readonly issuedAt: string | null;
  /** When the order ends; null when unknown (a draft) or when it has no expiration. */
  readonly expiresAt: string | null;
  /** True for an order that lawfully never expires. */
  readonly noExpiration: boolean;
  readonly reasons: readonly string[];
};

export type ConflictReport = {
  readonly matches: readonly ConflictMatch[];
  readonly priority: PriorityResult | null;
};

type PartyOrder = Pick<Order, 'caseNumber'> & {
  restrained: { name: { last: string; first: string }; dob?: string };
  protected: readonly { name: { last: string; first: string }; dob?: string }[];
};

const keyOf = (p: { name: { last: string; first: string }; dob?: string }): PersonKey => ({
  last: p.name.last,
  first: p.name.first,
  dob: p.dob,
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function compare(mine: PartyOrder, other: PartyOrder): string[] {
  const reasons: string[] = [];
  if (mine.caseNumber && mine.caseNumber === other.caseNumber)
    reasons.push(`same case number ${mine.caseNumber}`);
  const r = samePerson(keyOf(mine.restrained), keyOf(other.restrained));
  if (r) reasons.push(`restrained person: ${r}`);
  for (const p of mine.protected) {
    for (const q of other.protected) {
      const why = samePerson(keyOf(p), keyOf(q));
      if (why) reasons.push(`protected person ${p.name.first} ${p.name.last}: ${why}`);
    }
  }
  return reasons;
}

/** The dates of a stored order as the conflict list shows them (with the court's rules). */
function datesOf(
  order: Order,
  rules?: CourtRules,
): Pick<ConflictMatch, 'issuedAt' | 'expiresAt' | 'noExpiration'> {
  const expiry = deriveExpiry(order, rules);
  const expiresAt = expiry.ok ? expiry.expiresAt : null;
  return { issuedAt: order.issuedAt, expiresAt, noExpiration: expiry.ok && expiresAt === null };
}

function draftParties(values: FormValues): PartyOrder {
  const count = Number(textOf(values, 'protected.count') || '0');
  const person = (p: string) => ({
    name: { last: textOf(values, `${p}.name.last`), first: textOf(values, `${p}.name.first`) },
    dob: textOf(values, `${p}.dob`) || undefined,
  });
  return {
    caseNumber: textOf(values, 'caseNumber'),
    restrained: person('restrained'),
    protected: Array.from({ length: count }, (_, i) => person(`protected.${i}`)),
  };
}

/**
 * Finds matches for `order` (an order input already valid by the schema); each match's expiry
 * is worked out with `rules`, the court's closures and close of business.
 */
export async function findConflicts(
  db: ClerkDb,
  order: Order,
  draftId: string,
  rules?: CourtRules,
): Promise<ConflictReport> {
  const matches: ConflictMatch[] = [];
  const related: Order[] = [];
  for (const row of await db.orders.toArray()) {
    if (row.id === order.id) continue;
    const parsed = orderSchema.safeParse(row.order);
    if (!parsed.success) continue;
    const reasons = compare(order, parsed.data);
    if (reasons.length === 0) continue;
    related.push(parsed.data);
    matches.push({
      id: row.id,
      source: 'order',
      orderType: row.orderType,
      caseNumber: row.caseNumber,
      status: row.status,
      ...datesOf(parsed.data, rules),
      reasons,
    });
  }
  // The court's orders from the registry cache (other workstations' too), found by surname
  // and case-number keys so a large cache is not scanned whole.
  const seen = new Set([order.id, ...matches.map((m) => m.id)]);
  const surnames = [order.restrained.name.last, ...order.protected.map((p) => p.name.last)];
  for (const row of await cacheCandidates(db, surnames, order.caseNumber)) {
    if (seen.has(row.id)) continue;
    const parsed = orderSchema.safeParse(parseJson(row.orderJson));
    if (!parsed.success) continue;
    const reasons = compare(order, parsed.data);
    if (reasons.length === 0) continue;
    related.push(parsed.data);
    matches.push({
      id: row.id,
      source: 'registry',
      orderType: row.orderType,
      caseNumber: row.caseNumber,
      status: row.status,
      ...datesOf(parsed.data, rules),
      reasons,
    });
  }
  for (const draft of await db.drafts.toArray()) {
    if (draft.id === draftId) continue;
    const reasons = compare(order, draftParties((draft.values ?? {}) as FormValues));
    if (reasons.length === 0) continue;
    matches.push({
      id: draft.id,
      source: 'draft',
      orderType: draft.orderType,
      caseNumber: textOf((draft.values ?? {}) as FormValues, 'caseNumber'),
      status: `draft by ${draft.owner}`,
      issuedAt: null,
      expiresAt: null,
      noExpiration: false,
      reasons,
    });
  }
  const priority = related.length > 0 ? enforcementPriority([order, ...related]) : null;
  return { matches, priority };
}
