/**
 * The Review page's state as one slice (actions named as events: `review/dayLoaded`, …), used
 * with React's `useReducer` inside the page: the day is a view of the registry, held only while
 * the page is open, so it does not live in the app store.
 */
import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';

import type { IpcErrorCode } from '../../../shared/ipc/envelope';
import type { DaySubmission, DaySummary, ReviewState } from '../../../shared/review/daySummary';

/** What the summary strip filters the table by (null: every submission). */
export type ReviewFilter =
  | { readonly kind: 'status'; readonly value: string }
  | { readonly kind: 'review'; readonly value: ReviewState }
  | null;

export type ReviewPageState = {
  /** The court day shown, YYYY-MM-DD (America/Los_Angeles). */
  readonly date: string;
  readonly loading: boolean;
  readonly summary: DaySummary | null;
  /** Why the last load failed; `unavailable` means the registry side cannot answer. */
  readonly error: { readonly code: IpcErrorCode; readonly message: string } | null;
  readonly filter: ReviewFilter;
  /** The outcome of the last action, announced in a live region. */
  readonly notice: string | null;
};

/** The state a page starts with for `date`. */
export function initialReviewState(date: string): ReviewPageState {
  return { date, loading: false, summary: null, error: null, filter: null, notice: null };
}

const reviewSlice = createSlice({
  name: 'review',
  initialState: initialReviewState('1970-01-01'),
  reducers: {
    dateChosen(state, action: PayloadAction<string>) {
      if (state.date === action.payload) return;
      state.date = action.payload;
      // Another day's rows must never show under this day's heading.
      state.summary = null;
      state.filter = null;
    },
    dayRequested(state) {
      state.loading = true;
    },
    dayLoaded(state, action: PayloadAction<DaySummary>) {
      state.loading = false;
      // A slow answer for a day no longer chosen is dropped.
      if (action.payload.date !== state.date) return;
      state.summary = action.payload;
      state.error = null;
    },
    dayFailed(state, action: PayloadAction<{ date: string; code: IpcErrorCode; message: string }>) {
      state.loading = false;
      if (action.payload.date !== state.date) return;
      state.error = { code: action.payload.code, message: action.payload.message };
    },
    filterChosen(state, action: PayloadAction<ReviewFilter>) {
      const same =
        state.filter !== null &&
        action.payload !== null &&
        state.filter.kind === action.payload.kind &&
        state.filter.value === action.payload.value;
      // Pressing the active filter again shows every submission.
      state.filter = same ? null : action.payload;
    },
    actionFinished(state, action: PayloadAction<string>) {
      state.notice = action.payload;
    },
  },
});

export const { dateChosen, dayRequested, dayLoaded, dayFailed, filterChosen, actionFinished } =
  reviewSlice.actions;
export const reviewReducer = reviewSlice.reducer;
export type ReviewAction = ReturnType<
  (typeof reviewSlice.actions)[keyof typeof reviewSlice.actions]
>;

/** The day's submissions the current filter lets through. */
export function selectVisibleRows(state: ReviewPageState): readonly DaySubmission[] {
  const rows = state.summary?.submissions ?? [];
  const f = state.filter;
  if (!f) return rows;
  return rows.filter((s) => (f.kind === 'status' ? s.status : s.review.state) === f.value);
}

/** Open submissions that are at risk or overdue, most urgent first. */
export function selectLateRows(state: ReviewPageState): readonly DaySubmission[] {
  const rows = (state.summary?.submissions ?? []).filter(
    (s) => s.deadline === 'at-risk' || s.deadline === 'overdue',
  );
  return [...rows].sort((a, b) => (a.courtHoursLeft ?? 0) - (b.courtHoursLeft ?? 0));
}

/** Submissions with a rejection (reason and field). */
export function selectRejections(state: ReviewPageState): readonly DaySubmission[] {
  return (state.summary?.submissions ?? []).filter(
    (s) => s.status === 'rejected' || s.rejectReason !== null,
  );
}

/** True when the registry side cannot answer (shown as an honest notice, not an error). */
export function selectUnavailable(state: ReviewPageState): boolean {
  return state.error?.code === 'unavailable';
}
