/**
 * Clerk words for the registry's statuses, the review states and the deadline states, with
 * the symbol shown beside each deadline state (so it never rests on colour alone).
 */
import type { DaySubmission, ReviewState } from '../../../shared/review/daySummary';

const statusWords: Readonly<Record<string, string>> = {
  at_registry: 'At the registry',
  sent_to_clets: 'Sent to CLETS',
  acknowledged: 'Acknowledged',
  rejected: 'Rejected',
};

/** "Sent to CLETS" for `sent_to_clets`; unknown statuses are shown as the registry wrote them. */
export function statusLabel(status: string): string {
  return statusWords[status] ?? status.replace(/_/g, ' ');
}

/** The review states in the order the strip shows them. */
export const reviewStates: readonly ReviewState[] = [
  'none',
  'returned',
  'awaiting-approval',
  'approved',
  'declined',
];

const reviewWords: Readonly<Record<ReviewState, string>> = {
  none: 'Not reviewed',
  returned: 'Returned to clerk',
  'awaiting-approval': 'Awaiting approval',
  // Not "Approved"/"Declined": the row buttons are named Approve and Decline, and a count
  // button must not answer to the same name.
  approved: 'Approval given',
  declined: 'Approval refused',
};

/** "Awaiting approval" for `awaiting-approval`. */
export function reviewLabel(state: ReviewState): string {
  return reviewWords[state];
}

/** Words and symbol for a deadline state. */
export const deadlineLabels: Readonly<
  Record<DaySubmission['deadline'], { readonly words: string; readonly icon: string }>
> = {
  'on-time': { words: 'On time', icon: '◷' },
  'at-risk': { words: 'At risk', icon: '⚠' },
  overdue: { words: 'Overdue', icon: '✖' },
  met: { words: 'Met', icon: '✓' },
};
