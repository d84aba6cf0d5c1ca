/**
 * Loads the court rules once a user is signed in (the channel needs a session) and again each
 * time main reports the registry reachable, which is when a newer court calendar may have
 * arrived. Matched by action type, so this feature imports neither auth nor sync.
 */
import type { AppStartListening } from '../../app/listenerMiddleware';
import { clerkApi, unwrap } from '../../platform/clerk';

import { courtRulesFailed, courtRulesLoaded } from './calendarSlice';

type AnyAction = { type: string; payload?: unknown };

/** The session state an `auth/sessionChanged` action carries, if it is one. */
function sessionState(action: AnyAction): unknown {
  if (action.type !== 'auth/sessionChanged') return undefined;
  return (action.payload as { state?: unknown } | undefined)?.state;
}

/** The connectivity a `sync/syncStatusReceived` action carries, if it is one. */
function connectivity(action: AnyAction): unknown {
  if (action.type !== 'sync/syncStatusReceived') return undefined;
  return (action.payload as { connectivity?: unknown } | undefined)?.connectivity;
}

export function addCalendarListeners(startListening: AppStartListening): void {
  let signedIn = false;
  let online = false;
  startListening({
    predicate: (action) => sessionState(action) !== undefined || connectivity(action) !== undefined,
    effect: async (action, api) => {
      let load = false;
      const session = sessionState(action);
      if (session !== undefined) {
        const active = session === 'active';
        load = active && !signedIn;
        signedIn = active;
      } else {
        const nowOnline = connectivity(action) === 'online';
        load = nowOnline && !online && signedIn;
        online = nowOnline;
      }
      if (!load) return;
      try {
        const rules = await unwrap(
          'calendar:get-court-rules',
          clerkApi().calendar.getCourtRules({}),
        );
        api.dispatch(courtRulesLoaded(rules));
      } catch (error) {
        api.dispatch(courtRulesFailed((error as Error).message));
      }
    },
  });
}
