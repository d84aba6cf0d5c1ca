/**
 * The order-type catalog: every version of every order type, and the look-ups the rules and
 * the `ccpor order types` command use. Versions of one code never overlap (a unit test checks).
 */
import { courtDateOf, isDate } from '../dates';
import { criminalEntries } from './criminal';
import { domesticEntries } from './domestic';
import { emergencyEntries } from './emergency';
import { foreignEntries } from './foreign';
import type { OrderTypeEntry } from './schema';
import { workplaceEntries } from './workplace';

export { catalogVersion } from './common';

/** Every version of every order type, grouped by family. */
export const orderTypeCatalog: readonly OrderTypeEntry[] = Object.freeze([
  ...domesticEntries,
  ...workplaceEntries,
  ...emergencyEntries,
  ...criminalEntries,
  ...foreignEntries,
]);

/** Distinct order-type codes in catalog order. */
export const orderTypeCodes: readonly string[] = [...new Set(orderTypeCatalog.map((e) => e.code))];

const byCode = new Map<string, OrderTypeEntry[]>();
for (const entry of orderTypeCatalog) {
  const list = byCode.get(entry.code) ?? [];
  list.push(entry);
  byCode.set(entry.code, list);
}

/** `YYYY-MM-DD` as given, or the Pacific wall date of an ISO date-time. */
function asDate(at: string): string {
  return at.length === 10 ? at : courtDateOf(at);
}

/**
 * The version of `code` in force on `at` (a `YYYY-MM-DD` date or an ISO date-time, read in
 * Pacific time), or undefined when the code is unknown or had no version in force then.
 */
export function orderTypeAt(code: string, at: string): OrderTypeEntry | undefined {
  const date = asDate(at);
  const versions = byCode.get(code);
  if (!versions) return undefined;
  // Most codes have one version: skip the search when it is in force.
  for (const e of versions) {
    if (e.effectiveFrom <= date && (e.effectiveTo === null || date <= e.effectiveTo)) return e;
  }
  return undefined;
}

/** True when the code names an order type in any version of the catalog. */
export function isKnownOrderType(code: string): boolean {
  return byCode.has(code);
}

/** One line of `ccpor order types`. */
export type OrderTypeSummary = {
  code: string;
  name: string;
  forms: string[];
  maxDuration: string | null;
  clets: boolean;
};

/**
 * The order types in force on `at` (default: today in Pacific time), one summary each, in
 * catalog order. Throws a RangeError naming the problem when `at` is not a date.
 */
export function listOrderTypes(at?: string): OrderTypeSummary[] {
  const date = asDate(at ?? new Date().toISOString());
  if (!isDate(date)) {
    throw new RangeError(`"${at}" is not a date: write it as YYYY-MM-DD, e.g. 2026-07-03`);
  }
  return orderTypeCodes.flatMap((code) => {
    const e = orderTypeAt(code, date);
    return e
      ? [{ code, name: e.name, forms: [...e.forms], maxDuration: e.maxDuration, clets: e.clets }]
      : [];
  });
}

/** "a DV-130", "an EPO-001", "an SV-130": the article as the code is read aloud. */
export function aType(code: string): string {
  return `${/^[AEFHILMNORSX]/.test(code) ? 'an' : 'a'} ${code}`;
}

/** The text with its first letter in capitals. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
