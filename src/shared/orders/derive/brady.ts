/**
 * A suggested NCIC Brady indicator (BRD Y / N / U) with its reason, for the clerk to confirm
 * (domain.md §3.1, §9.9). 18 U.S.C. §922(g)(8) covers orders issued after a hearing of which
 * the restrained person had notice, protecting an intimate partner or a child of the
 * restrained person or partner, and restraining harassing, stalking or threatening.
 */
import { orderTypeAt } from '../catalog';
import { relationships } from '../catalog/parties';
import { bradyActs } from '../catalog/terms';
import type { Order } from '../model/order';

/** The suggestion and the reason shown to the clerk. */
export type BradySuggestion = { value: 'Y' | 'N' | 'U'; reason: string };

const bradyClass = new Map<string, string>(relationships.map((r) => [r.code, r.brady]));

type BradyInput = Pick<
  Order,
  'orderType' | 'issuedAt' | 'protected' | 'terms' | 'restrainedPresentAtHearing'
>;

/** Suggests BRD for an order; never throws for a schema-valid order. */
export function suggestBrady(order: BradyInput): BradySuggestion {
  const entry = orderTypeAt(order.orderType, order.issuedAt);
  if (!entry) return { value: 'U', reason: `Order type ${order.orderType} is not in the catalog.` };
  if (entry.family === 'GV') {
    return {
      value: 'U',
      reason:
        'Gun violence order: no protected intimate partner; how CARPOS sets BRD for GVROs is not confirmed (ask DOJ).',
    };
  }
  if (entry.phase === 'emergency' || entry.phase === 'temporary') {
    return {
      value: 'N',
      reason:
        'Issued without a hearing at which the restrained person had notice and a chance to take part (18 U.S.C. §922(g)(8)(A)).',
    };
  }
  if (entry.phase === 'registration') {
    return {
      value: 'U',
      reason:
        'Foreign order: check whether the issuing court held a hearing with notice and who is protected.',
    };
  }
  const classes = order.protected.map((p) => bradyClass.get(p.relationship) ?? 'maybe');
  const qualifying = classes.some((c) => c === 'intimate' || c === 'child');
  if (!qualifying) {
    if (classes.includes('maybe')) {
      return {
        value: 'U',
        reason:
          'A protected person may be an intimate partner (dating, household member, other): confirm whether they live or lived together or have a child in common.',
      };
    }
    return {
      value: 'N',
      reason:
        'No protected person is an intimate partner or a child of the restrained person or partner.',
    };
  }
  const restrainsThreats = order.terms.some(
    (t) =>
      t.kind === 'no-contact' ||
      (t.kind === 'personal-conduct' && t.acts.some((a) => bradyActs.includes(a))),
  );
  if (!restrainsThreats) {
    return {
      value: 'U',
      reason:
        'Protects an intimate partner or child, but no term restrains harassing, stalking or threatening: check the order.',
    };
  }
  if (order.restrainedPresentAtHearing === false) {
    return {
      value: 'U',
      reason: 'The restrained person was not at the hearing: confirm they had actual notice of it.',
    };
  }
  return {
    value: 'Y',
    reason:
      'Order after hearing protecting an intimate partner or child and restraining harassing, stalking or threatening (18 U.S.C. §922(g)(8)).',
  };
}
