/**
 * The court-day rules of this workstation's court (closures and close of business), loaded from
 * main (`calendar:get-court-rules`, from the registry's court calendar) so the order form's
 * expiry and CLETS due-by count the court's own closures. Until they arrive the statewide
 * defaults apply: no extra closures, close of business 17:00.
 */
import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';

import { DEFAULT_CLOSE_OF_BUSINESS } from '../../../shared/calendar/courtSettings';
import type { CourtRules } from '../../../shared/ipc/contracts/calendar';

/** The rules before any arrived (one object, so selectors return the same reference). */
export const DEFAULT_COURT_RULES: CourtRules = Object.freeze({
  closures: Object.freeze([]) as unknown as string[],
  closeOfBusiness: DEFAULT_CLOSE_OF_BUSINESS,
});

export type CalendarState = {
  /** The court's rules, or null while none arrived (the defaults apply). */
  readonly rules: CourtRules | null;
  /** Why the last load failed (the last rules, if any, stay in use). */
  readonly error: string | null;
};

const initialState: CalendarState = { rules: null, error: null };

function same(a: CourtRules, b: CourtRules): boolean {
  return (
    a.closeOfBusiness === b.closeOfBusiness &&
    a.closures.length === b.closures.length &&
    a.closures.every((d, i) => d === b.closures[i])
  );
}

const calendarSlice = createSlice({
  name: 'calendar',
  initialState,
  reducers: {
    courtRulesLoaded(state, action: PayloadAction<CourtRules>) {
      // Unchanged rules keep their identity: the date code caches per closure array.
      if (!state.rules || !same(state.rules, action.payload)) state.rules = action.payload;
      state.error = null;
    },
    courtRulesFailed(state, action: PayloadAction<string>) {
      state.error = action.payload;
    },
  },
  selectors: {
    /** The rules to pass to checkOrder / deriveExpiry (the defaults until loaded). */
    selectCourtRules: (state): CourtRules => state.rules ?? DEFAULT_COURT_RULES,
    selectCourtRulesError: (state) => state.error,
  },
});

export const { courtRulesLoaded, courtRulesFailed } = calendarSlice.actions;
export const { selectCourtRules, selectCourtRulesError } = calendarSlice.selectors;
export const calendarReducer = calendarSlice.reducer;
