/**
 * The session as the renderer knows it (main decides; this mirrors `auth:get-session` and
 * `auth:session-changed`). `lockedHere` blanks the window at once when the renderer's own idle
 * timer fires, before main has answered.
 */
import { createSlice } from '@reduxjs/toolkit';
import type { PayloadAction } from '@reduxjs/toolkit';

import type { SessionView } from '../../../shared/ipc/contracts/auth';

export type AuthState = {
  readonly session: SessionView | null;
  readonly lockedHere: boolean;
  readonly loadError: string | null;
};

const initialState: AuthState = { session: null, lockedHere: false, loadError: null };

const authSlice = createSlice({
  name: 'auth',
  initialState,
  reducers: {
    sessionChanged(state, action: PayloadAction<SessionView>) {
      const wasActive = state.session?.state === 'active';
      state.session = action.payload;
      // A late "active" from before the local lock must not show the app again; only a real
      // transition (sign-in, unlock) or a non-active state clears the local lock.
      if (action.payload.state !== 'active' || !wasActive) state.lockedHere = false;
      state.loadError = null;
    },
    idleTimedOut(state) {
      state.lockedHere = true;
    },
    /** The user re-authenticated on the lock screen. */
    unlocked(state, action: PayloadAction<SessionView>) {
      state.session = action.payload;
      state.lockedHere = false;
    },
    sessionUnavailable(state, action: PayloadAction<string>) {
      state.loadError = action.payload;
    },
  },
  selectors: {
    selectSession: (state) => state.session,
    selectPrincipal: (state) => state.session?.user ?? null,
    /** Main's seal of the signed-in user, stamped on the outbox rows they make. */
    selectActorSeal: (state) => state.session?.actorSeal ?? null,
    /** What to show: the app only for an active, unlocked session. */
    selectScreen: (state): 'starting' | 'sign-in' | 'locked' | 'app' => {
      if (!state.session) return 'starting';
      if (state.session.state === 'signed-out') return 'sign-in';
      if (state.session.state === 'locked' || state.lockedHere) return 'locked';
      return 'app';
    },
    selectAuthLoadError: (state) => state.loadError,
  },
});

export const { sessionChanged, idleTimedOut, unlocked, sessionUnavailable } = authSlice.actions;
export const {
  selectSession,
  selectPrincipal,
  selectActorSeal,
  selectScreen,
  selectAuthLoadError,
} = authSlice.selectors;
export const authReducer = authSlice.reducer;
