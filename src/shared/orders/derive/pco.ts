/**
 * NCIC Protection Order Conditions (PCO 01–09, domain.md §3.1) derived from the structured
 * terms, plus the MIS text for everything a code cannot say. Codes lose nuance, so every
 * distance, deadline and exception also goes to MIS, and MIS text always brings PCO 08.
 */
import { noContactExceptions, stayAwayPlaces } from '../catalog/terms';
import type { Order } from '../model/order';
import type { ConductTerm } from '../model/terms';

/** The derived codes (sorted, unique) and the MIS lines (upper case, in term order). */
export type PcoResult = { codes: string[]; mis: string[] };

const placeLabel = new Map<string, string>(stayAwayPlaces.map((p) => [p.code, p.label]));
const exceptionLabel = new Map<string, string>(noContactExceptions.map((e) => [e.code, e.label]));

/** Adds the codes and MIS lines of one term. */
function termConditions(
  term: ConductTerm,
  coveredCount: number,
  codes: Set<string>,
  mis: string[],
): void {
  switch (term.kind) {
    case 'personal-conduct':
      codes.add('01');
      // Protecting family or household members too (PCO 02).
      if (term.includesHousehold || coveredCount > 1) codes.add('02');
      return;
    case 'move-out':
      codes.add('03');
      mis.push('RESTRAINED PERSON MUST MOVE OUT OF THE RESIDENCE');
      return;
    case 'stay-away': {
      codes.add('04');
      const places = term.places.map((p) => (p === 'other' ? term.otherPlaces : placeLabel.get(p)));
      mis.push(`STAY AWAY AT LEAST ${term.yards} YARDS FROM ${places.filter(Boolean).join(', ')}`);
      return;
    }
    case 'no-contact':
      codes.add('05');
      if (term.exceptions.length > 0) {
        mis.push(
          `NO CONTACT EXCEPT ${term.exceptions.map((e) => exceptionLabel.get(e)).join('; ')}`,
        );
      }
      return;
    case 'custody':
      if (term.restrainedVisitation || ['restrained', 'shared'].includes(term.temporaryCustodyTo)) {
        codes.add('06');
      }
      if (term.temporaryCustodyTo === 'protected') codes.add('09');
      mis.push(`CUSTODY AND VISITATION SEE ${term.reference}`);
      return;
    case 'firearms':
      if (term.firearms || term.ammunition) {
        codes.add('07');
        const items = [term.firearms && 'FIREARMS', term.ammunition && 'AMMUNITION'].filter(
          Boolean,
        );
        mis.push(
          `NO ${items.join(' OR ')}; RELINQUISH WITHIN ${term.relinquishWithinHours ?? 0} HOURS, PROOF WITHIN ${term.proofWithinHours ?? 0} HOURS`,
        );
      }
      if (term.bodyArmour) mis.push('NO BODY ARMOR');
      return;
    case 'animals':
      mis.push(
        `EXCLUSIVE CARE OF ANIMALS TO PROTECTED PERSON: ${term.animals.map((a) => (a.name ? `${a.description} (${a.name})` : a.description)).join(', ')}`,
      );
      return;
    case 'electronic-monitoring':
      mis.push(`ELECTRONIC MONITORING ${term.months} MONTHS`);
      return;
    case 'other':
      mis.push(term.text);
      return;
  }
}

/** PCO codes and MIS text for an order's terms. */
export function derivePco(order: Pick<Order, 'terms' | 'protected'>): PcoResult {
  const codes = new Set<string>();
  const mis: string[] = [];
  for (const term of order.terms) {
    const covered = order.protected.filter((p) => p.coveredBy.includes(term.id)).length;
    termConditions(term, covered, codes, mis);
  }
  const upper = mis.map((line) => line.toUpperCase());
  if (upper.length > 0) codes.add('08');
  return { codes: [...codes].sort(), mis: upper };
}
