import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';

import type { AppInfo } from '../../../shared/ipc/contract';

export type SessionState = {
  readonly info: AppInfo | null;
  readonly infoError: string | null;
};

const initialState: SessionState = { info: null, infoError: null };

const sessionSlice = createSlice({
  name: 'session',
  initialState,
  reducers: {
    appInfoLoaded(state, action: PayloadAction<AppInfo>) {
      state.info = action.payload;
      state.infoError = null;
    },
    appInfoFailed(state, action: PayloadAction<string>) {
      state.infoError = action.payload;
    },
  },
  selectors: {
    selectAppInfo: (state) => state.info,
    selectAppInfoError: (state) => state.infoError,
  },
});

export const { appInfoLoaded, appInfoFailed } = sessionSlice.actions;
export const { selectAppInfo, selectAppInfoError } = sessionSlice.selectors;
export const sessionReducer = sessionSlice.reducer;
