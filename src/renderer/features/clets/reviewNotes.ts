/**
 * What a supervisor's review means to the clerk, in words (pure; the CLETS panel renders it):
 * "Returned by Sam Rivera: the name is misspelled", "Waiting for supervisor approval".
 */
import type { PulledReview } from '../../../shared/ipc/contracts/sync';
import type { OrderRow } from '../../db/rows';

/** Review states the clerk must see on the CLETS panel. */
const SHOWN = new Set(['returned', 'declined', 'awaiting-approval']);

const who = (r: PulledReview): string =>
  r.by ? (r.by.displayName ? `${r.by.displayName}` : r.by.username) : 'a supervisor';

/** The clerk's sentence for a review, or null when there is nothing to say. */
export function reviewNote(review: PulledReview | null | undefined): string | null {
  if (!review || !SHOWN.has(review.state)) return null;
  const comment = review.comment ? `: ${review.comment}` : '';
  switch (review.state) {
    case 'returned':
      return `Returned by ${who(review)}${comment}`;
    case 'declined':
      return review.approvalKind === 'void'
        ? `Void declined by ${who(review)}${comment}`
        : `Correction declined by ${who(review)}${comment}. Correct it again and send it.`;
    default:
      return review.approvalKind === 'void'
        ? 'A void of this order is waiting for a second supervisor.'
        : 'Waiting for supervisor approval: your correction goes to CLETS once a supervisor approves it.';
  }
}

/** One order with a review note, for the panel's list. */
export type ReviewNoteRow = {
  readonly orderId: string;
  readonly caseNumber: string;
  readonly state: string;
  readonly note: string;
};

/**
 * Orders keyed here that a supervisor returned, declined or is still to approve, and that the
 * refused-orders table does not already show (rejected ones carry their note there).
 */
export function reviewNoteRows(orders: readonly OrderRow[]): ReviewNoteRow[] {
  const rows: ReviewNoteRow[] = [];
  for (const o of orders) {
    const note = reviewNote(o.review);
    if (!note || o.status === 'rejected' || o.status === 'needs-attention') continue;
    rows.push({ orderId: o.id, caseNumber: o.caseNumber, state: o.review?.state ?? '', note });
  }
  return rows.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
}
