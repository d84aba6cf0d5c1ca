import type { DaySummary } from '../../../shared/review/daySummary';

import { reviewLabel, reviewStates, statusLabel } from './labels';
import type { ReviewFilter } from './reviewSlice';

type Props = {
  readonly summary: DaySummary;
  readonly filter: ReviewFilter;
  readonly onFilter: (filter: ReviewFilter) => void;
};

/**
 * The day's counts by registry status and by review state. Each count is a toggle button
 * (`aria-pressed`) that filters the submissions table; pressing it again shows all.
 */
export function SummaryStrip({ summary, filter, onFilter }: Props) {
  const active = (kind: 'status' | 'review', value: string) =>
    filter?.kind === kind && filter.value === value;
  return (
    <div className="review-strip" aria-label="Counts for the day">
      <div role="group" aria-labelledby="review-by-status">
        <h2 id="review-by-status" className="review-strip-title">
          By status
        </h2>
        <button
          type="button"
          className="review-count"
          aria-pressed={filter === null}
          onClick={() => onFilter(null)}
        >
          <span className="review-count-n">{summary.submissions.length}</span> All submissions
        </button>
        {Object.entries(summary.counts).map(([status, n]) => (
          <button
            key={status}
            type="button"
            className="review-count"
            aria-pressed={active('status', status)}
            onClick={() => onFilter({ kind: 'status', value: status })}
          >
            <span className="review-count-n">{n}</span> {statusLabel(status)}
          </button>
        ))}
      </div>
      <div role="group" aria-labelledby="review-by-state">
        <h2 id="review-by-state" className="review-strip-title">
          By review state
        </h2>
        {reviewStates.map((state) => (
          <button
            key={state}
            type="button"
            className="review-count"
            aria-pressed={active('review', state)}
            onClick={() => onFilter({ kind: 'review', value: state })}
          >
            <span className="review-count-n">{summary.reviewCounts[state]}</span>{' '}
            {reviewLabel(state)}
          </button>
        ))}
      </div>
    </div>
  );
}
