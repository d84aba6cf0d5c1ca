import type { DaySubmission } from '../../../shared/review/daySummary';

import { deadlineLabels } from './labels';
import { countdown } from './reviewTime';
import { courtWhen } from './reviewTime';

type Props = { readonly submission: DaySubmission; readonly nowMs: number };

/**
 * A submission's CLETS due-by: the state in words with a symbol (never colour alone), the time
 * left or overdue at `nowMs` (the page moves it each minute), the court hours left as the
 * registry counted them when the day was fetched (what at-risk is judged by), and the due time.
 */
export function DueBy({ submission, nowMs }: Props) {
  const c = countdown(submission, nowMs);
  const label = deadlineLabels[c.state];
  return (
    <span className={`review-due review-due-${c.state}`}>
      <span aria-hidden="true" className="review-due-icon">
        {label.icon}
      </span>{' '}
      <strong>{label.words}</strong>
      {c.state !== 'met' && (
        <>
          {': '}
          {c.text}
          {submission.courtHoursLeft !== null && submission.courtHoursLeft > 0 && (
            <>, {Math.round(submission.courtHoursLeft * 10) / 10} court hours</>
          )}
          {submission.dueBy && <> (due {courtWhen(submission.dueBy)})</>}
        </>
      )}
    </span>
  );
}
