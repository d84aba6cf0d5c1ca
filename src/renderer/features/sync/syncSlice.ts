/**
 * What the renderer knows about syncing: main's view of the registry link, whether this tab is
 * the sync leader, and what the leader's engine is doing. Durable state (the outbox, the cache)
 * lives in Dexie, not here.
 */
import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';

import type { SyncStatus } from '../../../shared/ipc/contracts/sync';

import type { EngineReport } from './syncEngine';

/** leader: this tab drains; follower: another tab does; alone: no Web Locks, this tab drains. */
export type SyncRole = 'starting' | 'leader' | 'follower' | 'alone';

export type SyncState = {
  readonly role: SyncRole;
  readonly status: SyncStatus | null;
  readonly statusError: string | null;
  readonly engine: EngineReport | null;
};

const initialState: SyncState = { role: 'starting', status: null, statusError: null, engine: null };

const syncSlice = createSlice({
  name: 'sync',
  initialState,
  reducers: {
    syncRoleChanged(state, action: PayloadAction<SyncRole>) {
      state.role = action.payload;
    },
    syncStatusReceived(state, action: PayloadAction<SyncStatus>) {
      state.status = action.payload;
      state.statusError = null;
    },
    syncStatusFailed(state, action: PayloadAction<string>) {
      state.statusError = action.payload;
    },
    syncEngineReported(state, action: PayloadAction<EngineReport>) {
      state.engine = action.payload;
    },
  },
  selectors: {
    selectSyncRole: (state) => state.role,
    selectSyncStatus: (state) => state.status,
    selectSyncStatusError: (state) => state.statusError,
    selectSyncEngine: (state) => state.engine,
  },
});

export const { syncRoleChanged, syncStatusReceived, syncStatusFailed, syncEngineReported } =
  syncSlice.actions;
export const { selectSyncRole, selectSyncStatus, selectSyncStatusError, selectSyncEngine } =
  syncSlice.selectors;
export const syncReducer = syncSlice.reducer;
