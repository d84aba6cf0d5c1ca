/**
 * Starts syncing when the app starts: follows main's registry status, and competes for the
 * sync lock; the tab that wins runs the engine, woken by new outbox rows (from any tab), by
 * main reporting the registry reachable again, and by the browser's `online` event.
 */
import { liveQuery } from 'dexie';

import { appStarted } from '../../app/appActions';
import type { AppStartListening } from '../../app/listenerMiddleware';
import { database } from '../../db/database';
import { clerkApi, unwrap } from '../../platform/clerk';

import { runAsLeader, syncLockName, type LockManagerLike } from './leader';
import { SyncEngine } from './syncEngine';
import { clerkSyncPort } from './syncPort';
import {
  syncEngineReported,
  syncRoleChanged,
  syncStatusFailed,
  syncStatusReceived,
} from './syncSlice';

let engine: SyncEngine | null = null;

function browserLocks(): LockManagerLike | undefined {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : undefined;
}

/** The session state an `auth/sessionChanged` action carries, if it is one. */
function sessionState(action: { type: string; payload?: unknown }): unknown {
  if (action.type !== 'auth/sessionChanged') return undefined;
  return (action.payload as { state?: unknown } | undefined)?.state;
}

export function addSyncListeners(startListening: AppStartListening): void {
  // Sync channels need a signed-in session (src/shared/auth/channelActions.ts): when one
  // starts, read main's registry status again and let the engine try at once instead of
  // waiting out its backoff. Matched by action type, so sync does not import the auth feature.
  let signedIn = false;
  startListening({
    predicate: (action) => sessionState(action) !== undefined,
    effect: async (action, api) => {
      const active = sessionState(action) === 'active';
      const started = active && !signedIn;
      signedIn = active;
      if (!started) return;
      engine?.wake();
      try {
        api.dispatch(
          syncStatusReceived(await unwrap('sync:get-status', clerkApi().sync.getStatus({}))),
        );
      } catch (error) {
        api.dispatch(syncStatusFailed((error as Error).message));
      }
    },
  });
  startListening({
    actionCreator: appStarted,
    effect: async (_action, api) => {
      api.unsubscribe(); // once per page, even under StrictMode's double mount
      let wasOnline = false;
      clerkApi().subscribe('sync:status-changed', (status) => {
        api.dispatch(syncStatusReceived(status));
        const online = status.connectivity === 'online';
        if (online && !wasOnline) engine?.wake();
        wasOnline = online;
      });
      try {
        const status = await unwrap('sync:get-status', clerkApi().sync.getStatus({}));
        wasOnline = status.connectivity === 'online';
        api.dispatch(syncStatusReceived(status));
      } catch (error) {
        api.dispatch(syncStatusFailed((error as Error).message));
      }

      const db = database();
      const stop = new AbortController();
      globalThis.addEventListener?.('pagehide', () => stop.abort());
      const outcome = await runAsLeader(browserLocks(), syncLockName(db.name), stop.signal, {
        onWaiting: () => api.dispatch(syncRoleChanged('follower')),
        lead: async () => {
          api.dispatch(syncRoleChanged(browserLocks() ? 'leader' : 'alone'));
          engine = new SyncEngine({
            db,
            port: clerkSyncPort(),
            onReport: (report) => api.dispatch(syncEngineReported(report)),
          });
          // A new row (any tab) has a higher seq than any before it.
          let lastSeq: number | undefined;
          const rows = liveQuery(() => db.outbox.orderBy(':id').lastKey()).subscribe((seq) => {
            if (typeof seq === 'number' && lastSeq !== undefined && seq > lastSeq) engine?.wake();
            if (typeof seq === 'number') lastSeq = seq;
          });
          const onOnline = () => engine?.wake();
          globalThis.addEventListener?.('online', onOnline);
          try {
            await engine.run(stop.signal);
          } finally {
            rows.unsubscribe();
            globalThis.removeEventListener?.('online', onOnline);
            engine = null;
          }
        },
      });
      if (outcome === 'no-locks') api.dispatch(syncRoleChanged('alone'));
    },
  });
}
