import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { useAppSelector } from '../../app/hooks';
import { database } from '../../db/database';
import { outboxStats } from '../../db/outboxRepo';
import { selectSyncRole } from '../sync/syncSlice';

/** "4 min", "2 h", "3 days": how long the oldest item has waited. */
export function waitedFor(sinceIso: string, nowMs: number): string {
  const mins = Math.max(0, Math.floor((nowMs - Date.parse(sinceIso)) / 60000));
  if (mins < 1) return 'under a minute';
  if (mins < 60) return `${mins} min`;
  if (mins < 48 * 60) return `${Math.floor(mins / 60)} h`;
  return `${Math.floor(mins / 1440)} days`;
}

/** How long the oldest item may wait before the indicator turns red (4 hours). */
const overdueAfterMs = 4 * 60 * 60 * 1000;

/** Ticks every `ms` so ages stay live without a database change. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * The outbox as this profile's database holds it, live: how many items wait for the registry,
 * how long the oldest has waited, and how many need a person. Read from Dexie directly, so it
 * is true even while main or the registry is unreachable.
 */
export function OutboxIndicator() {
  const stats = useLiveQuery(() => outboxStats(database()), []);
  const role = useAppSelector(selectSyncRole);
  const now = useNow(15_000);
  if (!stats) {
    return <span className="indicator indicator-not-configured">Outbox: reading…</span>;
  }
  const waiting =
    stats.queued === 0
      ? 'Outbox empty'
      : `${stats.queued} queued · oldest ${stats.oldestQueuedAt ? waitedFor(stats.oldestQueuedAt, now) : '?'}`;
  const attention =
    stats.needsAttention > 0
      ? ` · ${stats.needsAttention} need${stats.needsAttention === 1 ? 's' : ''} attention`
      : '';
  // Orders must reach CLETS within one business day; flag a queue that has waited 4 hours.
  const overdue =
    stats.oldestQueuedAt !== null && now - Date.parse(stats.oldestQueuedAt) > overdueAfterMs;
  const state = stats.needsAttention > 0 || overdue ? 'error' : stats.queued > 0 ? 'warning' : 'ok';
  const who =
    role === 'follower'
      ? 'Another window of this workstation sends the outbox.'
      : role === 'leader' || role === 'alone'
        ? 'This window sends the outbox.'
        : '';
  return (
    <span
      className={`indicator indicator-${state}`}
      title={who}
      data-testid="outbox-indicator"
      data-sync-role={role}
      data-queued={stats.queued}
    >
      <span className="indicator-dot" aria-hidden="true" />
      <span className="visually-hidden">Outbox: </span>
      {waiting}
      {attention}
    </span>
  );
}
