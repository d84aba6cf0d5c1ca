/**
 * Stand-ins for the sync engine's unit tests: a port that records what the engine hands main
 * and answers from a script, and an in-memory Web Locks manager with the browser's exclusive
 * semantics (one holder, the rest queue in order, `ifAvailable` gets null when taken).
 */
import type { LockManagerLike } from '../../../../src/renderer/features/sync/leader';
import type { SyncPort } from '../../../../src/renderer/features/sync/syncPort';
import type { PushRow, PushRowResult } from '../../../../src/shared/ipc/contracts/sync';

export type RecordingPort = SyncPort & {
  readonly batches: PushRow[][];
  online: boolean;
  answer: (row: PushRow) => PushRowResult;
};

export function recordingPort(): RecordingPort {
  const port: RecordingPort = {
    batches: [],
    online: true,
    answer: (row) => ({ idempotencyKey: row.idempotencyKey, outcome: 'at-registry' }),
    async pushBatch(rows) {
      port.batches.push([...rows]);
      if (!port.online) {
        return {
          reached: false,
          message: 'could not reach the registry',
          results: rows.map((r) => ({ idempotencyKey: r.idempotencyKey, outcome: 'retry' })),
        };
      }
      return { reached: true, results: rows.map((r) => port.answer(r)) };
    },
    async uploadPage() {
      return { outcome: 'uploaded', sha256: 'a'.repeat(64) };
    },
    async pullChanges(cursor) {
      return { reached: true, changes: [], cursor, hasMore: false, resync: false };
    },
  };
  return port;
}

export function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    held.delete(name);
    queues.get(name)?.shift()?.();
  };
  return {
    async request(name, options, callback) {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        await new Promise<void>((resolve, reject) => {
          const q = queues.get(name) ?? [];
          queues.set(name, q);
          q.push(resolve);
          options.signal?.addEventListener('abort', () => {
            q.splice(q.indexOf(resolve), 1);
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      }
      held.add(name);
      try {
        return await callback({});
      } finally {
        release(name);
      }
    },
  };
}
