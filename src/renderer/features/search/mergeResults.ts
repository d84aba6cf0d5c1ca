/**
 * One result list from the local index and the registry: de-duplicated by order id, labelled
 * by where each copy came from. The registry's status wins (it is the newer word).
 */
import type { RegistrySearchPage } from '../../../shared/ipc/contracts/search';
import type { LocalHit } from '../../../shared/search/searchTypes';

/** A row of the Search page. */
export type ResultRow = {
  readonly id: string;
  readonly caseNumber: string;
  readonly orderType: string;
  readonly status: string;
  readonly fcn: string | null;
  readonly name: string;
  readonly dob: string | null;
  /** "this workstation's copy", "registry cache", "registry". */
  readonly labels: readonly string[];
};

const copyLabels = { workstation: "this workstation's copy", 'registry-cache': 'registry cache' };

/** Local rows first in their order, registry-only rows after them. */
export function mergeResults(
  local: readonly LocalHit[],
  registry: RegistrySearchPage['results'] | null,
): ResultRow[] {
  const rows = new Map<string, ResultRow>();
  for (const h of local) {
    rows.set(h.id, {
      id: h.id,
      caseNumber: h.caseNumber,
      orderType: h.orderType,
      status: h.status,
      fcn: h.fcn,
      name: `${h.restrained.last}, ${h.restrained.first}`,
      dob: h.restrained.dob,
      labels: h.copies.map((c) => copyLabels[c]),
    });
  }
  for (const r of registry ?? []) {
    const known = rows.get(r.orderId);
    rows.set(r.orderId, {
      id: r.orderId,
      caseNumber: r.caseNumber,
      orderType: r.orderType,
      status: r.status.replace(/_/g, '-'),
      fcn: r.fcn,
      name: `${r.restrained.last}, ${r.restrained.first}`,
      dob: r.restrained.dob,
      labels: [...(known?.labels ?? []), 'registry'],
    });
  }
  return [...rows.values()];
}
