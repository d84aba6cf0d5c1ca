import type { KeyboardEvent, MouseEvent } from 'react';

import type { DaySubmission } from '../../../shared/review/daySummary';

import { DueBy } from './DueBy';
import { reviewLabel, statusLabel } from './labels';
import { courtWhen } from './reviewTime';

/** What a row's button asks the page to do (the page opens a dialog or sends it). */
export type RowRequest = {
  readonly kind: 'return' | 'approve' | 'decline' | 'void';
  readonly row: DaySubmission;
  /** The button pressed, so focus can return to it when the dialog closes. */
  readonly opener: HTMLElement;
};

type Props = {
  readonly rows: readonly DaySubmission[];
  readonly nowMs: number;
  /** The signed-in user's id: their own entries cannot be approved by them. */
  readonly me: string | null;
  readonly busyId: string | null;
  readonly onRequest: (request: RowRequest) => void;
};

/** Why the signed-in user may not decide this approval, or null when they may. */
export function ownEntryReason(row: DaySubmission, me: string | null): string | null {
  if (!me) return null;
  if (row.keyedBy?.userId === me) return 'You keyed this order';
  if (row.review.requestedBy?.userId === me) return 'You asked for this change';
  return null;
}

const who = (p: DaySubmission['keyedBy']) => (p ? (p.displayName ?? p.username) : 'Unknown');

/**
 * Moves focus with the arrow keys between rows, staying in the same column (and the same
 * button within it); Home and End go to the first and last row.
 */
function onArrowKeys(e: KeyboardEvent<HTMLTableSectionElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const target = e.target as HTMLElement;
  const row = target.closest('tr');
  const body = e.currentTarget;
  if (!row || target.tagName === 'TEXTAREA') return;
  const rows = [...body.querySelectorAll<HTMLTableRowElement>(':scope > tr')];
  const index = rows.indexOf(row);
  const next =
    e.key === 'Home'
      ? rows[0]
      : e.key === 'End'
        ? rows[rows.length - 1]
        : rows[index + (e.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  e.preventDefault();
  const cell = target.closest('td, th') as HTMLTableCellElement | null;
  const col = cell?.cellIndex ?? 0;
  const buttons = cell ? [...cell.querySelectorAll('button')] : [];
  const pos = buttons.indexOf(target as HTMLButtonElement);
  const nextCell = next.cells[col];
  const nextButtons = nextCell ? [...nextCell.querySelectorAll('button')] : [];
  const focusTarget =
    nextButtons[Math.max(0, Math.min(pos, nextButtons.length - 1))] ??
    next.querySelector<HTMLElement>('th');
  focusTarget?.focus();
}

/**
 * The day's submissions, one row per order, named by case number (its row header). Actions
 * per row: Return to clerk, Approve / Decline (awaiting-approval rows, not one's own), and
 * Request void. The registry decides each; this only offers what could be allowed.
 */
export function SubmissionsTable({ rows, nowMs, me, busyId, onRequest }: Props) {
  const ask =
    (kind: RowRequest['kind'], row: DaySubmission) => (e: MouseEvent<HTMLButtonElement>) =>
      onRequest({ kind, row, opener: e.currentTarget });
  if (rows.length === 0) {
    return (
      <p className="empty-state" role="note">
        No submissions match.
      </p>
    );
  }
  return (
    <table className="data-table review-table">
      <caption className="visually-hidden">
        Submissions: {rows.length}. Use the arrow keys to move between rows.
      </caption>
      <thead>
        <tr>
          <th scope="col">Case number</th>
          <th scope="col">Type</th>
          <th scope="col">Restrained person</th>
          <th scope="col">Keyed by</th>
          <th scope="col">Received</th>
          <th scope="col">Status</th>
          <th scope="col">CLETS due by</th>
          <th scope="col">Review</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody onKeyDown={onArrowKeys}>
        {rows.map((row) => {
          const awaiting = row.review.state === 'awaiting-approval' && row.review.approvalId;
          const own = awaiting ? ownEntryReason(row, me) : null;
          const busy = busyId === row.orderId;
          return (
            <tr key={row.orderId} data-order-id={row.orderId}>
              <th scope="row" tabIndex={-1}>
                {row.caseNumber}
              </th>
              <td>{row.orderType}</td>
              <td>{row.restrainedName}</td>
              <td>{who(row.keyedBy)}</td>
              <td>{courtWhen(row.receivedAt)}</td>
              <td>{statusLabel(row.status)}</td>
              <td>
                <DueBy submission={row} nowMs={nowMs} />
              </td>
              <td>
                {reviewLabel(row.review.state)}
                {row.review.approvalKind && awaiting && <> ({row.review.approvalKind})</>}
                {row.review.comment && (
                  <span className="review-comment">“{row.review.comment}”</span>
                )}
              </td>
              <td className="review-actions">
                {!awaiting && row.review.state !== 'returned' && (
                  <button type="button" disabled={busy} onClick={ask('return', row)}>
                    Return to clerk
                  </button>
                )}
                {awaiting && !own && (
                  <>
                    <button type="button" disabled={busy} onClick={ask('approve', row)}>
                      Approve
                    </button>
                    <button type="button" disabled={busy} onClick={ask('decline', row)}>
                      Decline
                    </button>
                  </>
                )}
                {own && <span className="review-own">{own}: another supervisor decides.</span>}
                {!awaiting && (
                  <button type="button" disabled={busy} onClick={ask('void', row)}>
                    Request void
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
