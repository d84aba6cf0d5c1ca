/**
 * Loads the session at start, follows `auth:session-changed`, and hands the audit journal to
 * the outbox while someone is signed in: every 15 seconds, once the keyboard has been quiet for
 * 5 seconds, so the outbox and sync work never compete with keying (a licence reader's burst of
 * keystrokes must arrive without gaps). The events are already on disk in main meanwhile.
 */
import { appStarted } from '../../app/appActions';
import type { AppStartListening } from '../../app/listenerMiddleware';
import { database } from '../../db/database';
import { clerkApi, unwrap } from '../../platform/clerk';

import { handOverAudit } from './auditHandover';
import { sessionChanged, sessionUnavailable } from './authSlice';
import { msSinceInput } from './idleTimer';

const HANDOVER_MS = 15_000;
const QUIET_MS = 5_000;

let running = false;

async function handOver(): Promise<void> {
  if (running) return;
  running = true;
  const api = clerkApi();
  await handOverAudit(database(), {
    listPending: async (limit) =>
      (await unwrap('audit:list-pending', api.audit.listPending({ limit }))).events,
    confirmQueued: async (upToSeq) =>
      (await unwrap('audit:confirm-queued', api.audit.confirmQueued({ upToSeq }))).queuedUpTo,
  }).finally(() => {
    running = false;
  });
}

export function addAuthListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: appStarted,
    effect: async (_action, api) => {
      api.unsubscribe();
      clerkApi().subscribe('auth:session-changed', (view) => api.dispatch(sessionChanged(view)));
      try {
        api.dispatch(
          sessionChanged(await unwrap('auth:get-session', clerkApi().auth.getSession({}))),
        );
      } catch (error) {
        api.dispatch(sessionUnavailable((error as Error).message));
      }
      // Background hand-over: only with someone signed in, and not while they type.
      const tick = () => {
        const state = api.getState().auth.session?.state;
        if ((state === 'active' || state === 'locked') && msSinceInput() >= QUIET_MS) {
          void handOver().catch(() => undefined);
        }
      };
      setInterval(tick, HANDOVER_MS);
    },
  });
}
