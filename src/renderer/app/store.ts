import { configureStore } from '@reduxjs/toolkit';

import { addAuthListeners } from '../features/auth/authListeners';
import { authReducer } from '../features/auth/authSlice';
import { addCalendarListeners } from '../features/calendar/calendarListeners';
import { calendarReducer } from '../features/calendar/calendarSlice';
import { sessionReducer } from '../features/session/sessionSlice';
import { addSessionListeners } from '../features/session/sessionListeners';
import { statusReducer } from '../features/status/statusSlice';
import { addStatusListeners } from '../features/status/statusListeners';
import { addSyncListeners } from '../features/sync/syncListeners';
import { syncReducer } from '../features/sync/syncSlice';

import { listenerMiddleware } from './listenerMiddleware';
import type { AppStartListening } from './listenerMiddleware';

export function createAppStore() {
  const store = configureStore({
    reducer: {
      auth: authReducer,
      session: sessionReducer,
      status: statusReducer,
      sync: syncReducer,
      calendar: calendarReducer,
    },
    middleware: (getDefault) => getDefault().prepend(listenerMiddleware.middleware),
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];

let listenersAdded = false;

/** Registers every feature's listeners once per page. */
export function addAppListeners(startListening: AppStartListening): void {
  if (listenersAdded) return;
  listenersAdded = true;
  addAuthListeners(startListening);
  addSessionListeners(startListening);
  addStatusListeners(startListening);
  addSyncListeners(startListening);
  addCalendarListeners(startListening);
}
