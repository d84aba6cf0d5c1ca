/**
 * `useDeadlines`: fetches the CLETS deadline lists through `clets:list-deadlines` when mounted,
 * every minute, and whenever the registry link's connectivity changes (back online → fresh
 * lists at once), and ticks the clock the countdown is computed from. Local state only: the
 * lists are a view of the registry, not something the renderer keeps.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

import type { ListDeadlinesResult } from '../../../shared/ipc/contracts/clets';
import { useAppSelector } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';
import { selectSyncStatus } from '../sync/syncSlice';

/** How often the lists are fetched again and the countdown moves. */
export const DEADLINES_REFRESH_MS = 60_000;

/** What the panel renders. */
export type DeadlinesState = {
  /** Main's last answer, or null before the first one. */
  readonly result: ListDeadlinesResult | null;
  /** When (this clock) that answer arrived; the countdown runs from here. */
  readonly receivedAtMs: number;
  /** The call itself failed (e.g. the role may not see deadlines): clerk words. */
  readonly error: string | null;
  /** This clock at the last tick. */
  readonly nowMs: number;
};

/** Loads the lists and keeps them and the countdown fresh. */
export function useDeadlines(refreshMs = DEADLINES_REFRESH_MS): DeadlinesState & {
  readonly refresh: () => void;
} {
  const connectivity = useAppSelector(selectSyncStatus)?.connectivity ?? null;
  const [state, setState] = useState<DeadlinesState>(() => ({
    result: null,
    receivedAtMs: Date.now(),
    error: null,
    nowMs: Date.now(),
  }));
  const alive = useRef(true);
  // Answers can arrive out of order (a slow call, then a fast one): keep only the newest call's.
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const call = (latest.current += 1);
    unwrap('clets:list-deadlines', clerkApi().clets.listDeadlines({}))
      .then((result) => {
        if (!alive.current || call !== latest.current) return;
        const at = Date.now();
        setState({ result, receivedAtMs: at, error: null, nowMs: at });
      })
      .catch((error: unknown) => {
        if (!alive.current || call !== latest.current) return;
        setState((s) => ({ ...s, error: (error as Error).message, nowMs: Date.now() }));
      });
  }, []);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // First load, and again whenever the link's state changes.
  useEffect(() => {
    refresh();
  }, [refresh, connectivity]);

  useEffect(() => {
    const timer = setInterval(() => {
      setState((s) => ({ ...s, nowMs: Date.now() }));
      refresh();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [refresh, refreshMs]);

  return { ...state, refresh };
}
