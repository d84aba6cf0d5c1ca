import { appStarted } from '../../app/appActions';
import type { AppStartListening } from '../../app/listenerMiddleware';
import { clerkApi, unwrap } from '../../platform/clerk';

import { appInfoFailed, appInfoLoaded } from './sessionSlice';

export function addSessionListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: appStarted,
    effect: async (_action, api) => {
      try {
        api.dispatch(appInfoLoaded(await unwrap('app:get-info', clerkApi().app.getInfo({}))));
      } catch (error) {
        api.dispatch(appInfoFailed((error as Error).message));
      }
    },
  });
}
