import { describe, expect, it } from 'vitest';

import {
  dateChosen,
  dayFailed,
  dayLoaded,
  filterChosen,
  initialReviewState,
  reviewReducer,
  selectLateRows,
  selectUnavailable,
  selectVisibleRows,
} from '../../../../src/renderer/features/review/reviewSlice';
import {
  countdown,
  courtToday,
  spanText,
} from '../../../../src/renderer/features/review/reviewTime';
import { fixtureSummary, submission } from '../../shared/review/daySummaryFixture';

describe('the review slice', () => {
  it('keeps only the answer for the day still chosen', () => {
    let s = initialReviewState('2026-12-02');
    s = reviewReducer(s, dateChosen('2026-12-03'));
    s = reviewReducer(s, dayLoaded(fixtureSummary()));
    expect(s.summary).toBeNull();
    s = reviewReducer(s, dateChosen('2026-12-02'));
    s = reviewReducer(s, dayLoaded(fixtureSummary()));
    expect(s.summary?.date).toBe('2026-12-02');
    // Choosing another day clears the old day's rows and filter.
    s = reviewReducer(s, filterChosen({ kind: 'status', value: 'rejected' }));
    s = reviewReducer(s, dateChosen('2026-12-01'));
    expect(s.summary).toBeNull();
    expect(s.filter).toBeNull();
  });

  it('filters by status or review state and lists late work most urgent first', () => {
    let s = reviewReducer(initialReviewState('2026-12-02'), dayLoaded(fixtureSummary()));
    expect(selectLateRows(s).map((r) => r.caseNumber)).toEqual(['26FL000103', '26FL000102']);
    s = reviewReducer(s, filterChosen({ kind: 'review', value: 'returned' }));
    expect(selectVisibleRows(s).map((r) => r.caseNumber)).toEqual(['26FL000104']);
    s = reviewReducer(s, filterChosen({ kind: 'review', value: 'returned' }));
    expect(selectVisibleRows(s)).toHaveLength(7);
  });

  it('tells unavailable apart from other failures', () => {
    const s = initialReviewState('2026-12-02');
    const down = reviewReducer(
      s,
      dayFailed({ date: '2026-12-02', code: 'unavailable', message: 'x' }),
    );
    expect(selectUnavailable(down)).toBe(true);
    const refused = reviewReducer(
      s,
      dayFailed({ date: '2026-12-02', code: 'forbidden', message: 'x' }),
    );
    expect(selectUnavailable(refused)).toBe(false);
  });
});

describe('court time on the review page', () => {
  it("gives today's court day in Los Angeles, not UTC", () => {
    expect(courtToday(Date.parse('2026-12-03T06:30:00Z'))).toBe('2026-12-02');
    expect(courtToday(Date.parse('2026-07-04T07:30:00Z'))).toBe('2026-07-04');
  });

  it('counts down to due-by and turns overdue once it passes', () => {
    const s = submission({ dueBy: '2026-12-03T01:00:00Z', deadline: 'at-risk' });
    expect(countdown(s, Date.parse('2026-12-02T23:40:00Z'))).toEqual({
      state: 'at-risk',
      text: '1 h 20 min left',
    });
    expect(countdown(s, Date.parse('2026-12-03T03:00:00Z'))).toEqual({
      state: 'overdue',
      text: '2 h past due',
    });
    const acked = submission({ dueBy: null, deadline: 'met' });
    expect(countdown(acked, 0).state).toBe('met');
    expect(spanText(59_999)).toBe('0 min');
  });
});
