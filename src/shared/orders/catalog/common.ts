/**
 * Values shared by many catalog entries, so each entry file reads as a list of differences.
 */
import type { OrderTypeEntry } from './schema';

/**
 * The catalog describes the rules as read in November 2026 (domain.md). Entries with no known
 * change start at this baseline so that older orders still find their type; earlier history
 * of the forms is not modelled.
 */
export const catalogBaseline = '2000-01-01';

/** Version label of the catalog data as a whole, shown with `ccpor order types`. */
export const catalogVersion = '2026-11';

/** Fam. Code §242: a temporary order's hearing within 21 days, 25 for good cause. */
export const hearingWithin21: OrderTypeEntry['hearing'] = {
  kind: 'scheduled',
  withinDays: 21,
  withinDaysGoodCause: 25,
};

/** An order issued at (or after) a hearing. */
export const hearingHeld: OrderTypeEntry['hearing'] = {
  kind: 'held',
  withinDays: null,
  withinDaysGoodCause: null,
};

/** No hearing is part of this order. */
export const noHearing: OrderTypeEntry['hearing'] = {
  kind: 'none',
  withinDays: null,
  withinDaysGoodCause: null,
};

/** Service on a temporary order: personally, or in court; mail is never allowed. */
export const serviceTemporary: OrderTypeEntry['serviceMethods'] = [
  'not-served',
  'in-court',
  'personal',
];

/** Service on an order after hearing: mail too, under Fam. Code §6384's conditions. */
export const serviceAfterHearing: OrderTypeEntry['serviceMethods'] = [
  'not-served',
  'in-court',
  'personal',
  'mail',
];

/** Terms a DV order can carry (DV-110 / DV-130 items). */
export const dvTerms: OrderTypeEntry['conductTerms'] = [
  'personal-conduct',
  'no-contact',
  'stay-away',
  'move-out',
  'firearms',
  'animals',
  'custody',
  'other',
];

/** Fields every entry shares unless it says otherwise. */
export const civilDefaults = {
  jurisdiction: 'civil',
  effectiveFrom: catalogBaseline,
  effectiveTo: null,
  minDuration: null,
  noExpirationAllowed: false,
  endOfDayIfNoTime: false,
  clets: true,
  confidentiality: 'standard',
  confidentialForm: 'CLETS-001',
} as const satisfies Partial<OrderTypeEntry>;
