import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';

import type { StatusSummary } from '../../../shared/ipc/contract';

export type StatusState = {
  readonly summary: StatusSummary | null;
  readonly unreachable: string | null;
};

const initialState: StatusState = { summary: null, unreachable: null };

const statusSlice = createSlice({
  name: 'status',
  initialState,
  reducers: {
    summaryChanged(state, action: PayloadAction<StatusSummary>) {
      state.summary = action.payload;
      state.unreachable = null;
    },
    summaryUnavailable(state, action: PayloadAction<string>) {
      state.unreachable = action.payload;
    },
  },
  selectors: {
    selectStatusSummary: (state) => state.summary,
    selectStatusUnreachable: (state) => state.unreachable,
  },
});

export const { summaryChanged, summaryUnavailable } = statusSlice.actions;
export const { selectStatusSummary, selectStatusUnreachable } = statusSlice.selectors;
export const statusReducer = statusSlice.reducer;
