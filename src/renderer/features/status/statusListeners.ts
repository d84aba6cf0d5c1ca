import { appStarted } from '../../app/appActions';
import type { AppStartListening } from '../../app/listenerMiddleware';
import { clerkApi, unwrap } from '../../platform/clerk';

import { summaryChanged, summaryUnavailable } from './statusSlice';

export function addStatusListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: appStarted,
    effect: async (_action, api) => {
      // One subscription per page, even if the app mounts twice (React StrictMode in dev).
      api.unsubscribe();
      // Subscribe first so no change between the fetch and the subscription is missed.
      clerkApi().subscribe('status:summary-changed', (summary) =>
        api.dispatch(summaryChanged(summary)),
      );
      try {
        api.dispatch(
          summaryChanged(await unwrap('status:get-summary', clerkApi().status.getSummary({}))),
        );
      } catch (error) {
        api.dispatch(summaryUnavailable((error as Error).message));
      }
    },
  });
}
