/**
 * One sync leader per browser profile: the outbox is drained only by the tab (or window) that
 * holds an exclusive Web Lock; the others queue for the lock and take over when the leader
 * closes. Correctness never rests on the lock (the registry deduplicates by idempotency key,
 * R-SYNC-4); it keeps two tabs from doing the same work.
 */

/** The lock handed to a callback (null when `ifAvailable` found it taken). */
type LockLike = object | null;

/** The part of the Web Locks API used here (navigator.locks, or a fake in tests). */
export type LockManagerLike = {
  request<T>(
    name: string,
    options: { mode: 'exclusive'; ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: LockLike) => Promise<T>,
  ): Promise<T>;
};

/** The lock name: one per IndexedDB database, i.e. per profile. */
export function syncLockName(databaseName: string): string {
  return `${databaseName}|outbox-sync`;
}

export type LeaderHandlers = {
  /** Another tab leads; this one waits its turn. */
  onWaiting(): void;
  /** This tab leads until the returned promise settles. */
  lead(): Promise<void>;
};

/**
 * Runs `lead` while holding the lock: at once if it is free, otherwise after `onWaiting`, when
 * the holder lets go. Resolves when `lead` returns or `signal` aborts. Without Web Locks the
 * caller leads alone (and says so).
 */
export async function runAsLeader(
  locks: LockManagerLike | undefined,
  name: string,
  signal: AbortSignal,
  handlers: LeaderHandlers,
): Promise<'led' | 'no-locks' | 'aborted'> {
  if (!locks) {
    await handlers.lead();
    return 'no-locks';
  }
  const ledAtOnce = await locks.request(
    name,
    { mode: 'exclusive', ifAvailable: true },
    async (lock) => {
      if (!lock) return false;
      await handlers.lead();
      return true;
    },
  );
  if (ledAtOnce) return 'led';
  handlers.onWaiting();
  try {
    await locks.request(name, { mode: 'exclusive', signal }, () => handlers.lead());
    return 'led';
  } catch (error) {
    if (signal.aborted) return 'aborted';
    throw error;
  }
}
