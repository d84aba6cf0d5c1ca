/**
 * The outbox drain and the pull loop, run by the one leader tab (leader.ts).
 *
 * Drain: take the oldest waiting rows (seq order; rows left in-flight by a crash are resent
 * unchanged, same idempotency key, and the registry answers "duplicate" with the original
 * result), upload their pages, mark them in-flight, hand them to main, apply the answers. A
 * batch that could not reach the registry, or made no progress, waits with full-jitter
 * exponential backoff; a new outbox row or main reporting the registry back resets the wait.
 * Pull: after progress and every `pullEveryMs` when idle, the court's change feed is applied to
 * the local cache and to the statuses of orders keyed here.
 */
import { z } from 'zod';

import type { ClerkDb } from '../../db/clerkDb';
import {
  markNeedsAttention,
  markSending,
  markUnsent,
  nextBatch,
  settleResults,
} from '../../db/outboxRepo';
import type { OutboxRow } from '../../db/rows';

import { backoffDelay, drainBackoff, type Backoff } from './backoff';
import { prepareRow } from './prepareRow';
import { applyPulledPage, loadPullCursor, resetCache, type ApplyOptions } from './registryCache';
import type { SyncPort } from './syncPort';

/** What one drain step achieved. */
export type DrainStep = 'empty' | 'progress' | 'blocked' | 'stalled';

export type EngineReport = {
  readonly phase: 'idle' | 'sending' | 'waiting' | 'pulling';
  readonly message: string | null;
  /** When the next attempt is due after a failure (ISO), or null. */
  readonly nextAttemptAt: string | null;
};

export type EngineOptions = {
  readonly db: ClerkDb;
  readonly port: SyncPort;
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly batchSize?: number;
  readonly pullLimit?: number;
  readonly pullEveryMs?: number;
  readonly backoff?: Backoff;
  readonly applyOptions?: ApplyOptions;
  readonly onReport?: (report: EngineReport) => void;
};

/** The minimum a row must have to be sent; anything less is "unreadable" (kept, flagged). */
const sendableRow = z.object({
  seq: z.number().int().min(1),
  idempotencyKey: z.string().min(8).max(100),
  kind: z.string().min(1).max(60),
  orderId: z.string().nullable(),
});

export class SyncEngine {
  private readonly uploaded = new Set<string>();
  private wakeUp: (() => void) | null = null;
  private woken = false;
  /** Why the last drain step could not go on (shown while waiting). */
  private lastMessage: string | null = null;
  /** The registry's Retry-After on the last failure: the least time to wait. */
  private retryAfterMs = 0;
  private readonly options: EngineOptions;

  constructor(options: EngineOptions) {
    this.options = options;
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private report(report: EngineReport): void {
    this.options.onReport?.(report);
  }

  /** Something changed (new row, registry back): stop waiting and try at once. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** One batch: returns what it achieved. Never throws for a row's content. */
  async drainOnce(): Promise<DrainStep> {
    const { db, port } = this.options;
    const rows = await nextBatch(db, this.options.batchSize ?? 25);
    if (rows.length === 0) return 'empty';
    this.report({ phase: 'sending', message: null, nextAttemptAt: null });
    const ready: { row: OutboxRow & { seq: number }; payload: unknown }[] = [];
    let settledHere = false;
    let blocked: string | null = null;
    for (const row of rows) {
      const check = sendableRow.safeParse(row);
      if (!check.success || row.seq === undefined) {
        await markNeedsAttention(
          db,
          row.seq ?? 0,
          'unreadable',
          'This outbox entry is damaged and cannot be sent. It is kept here; a supervisor must re-key the order.',
          this.now(),
        );
        settledHere = true;
        continue;
      }
      const prepared = await prepareRow(db, port, row, this.uploaded);
      if (prepared.kind === 'blocked') {
        blocked = prepared.message;
        break; // keep FIFO: nothing after a row that cannot go yet
      }
      if (prepared.kind === 'refused') {
        await markNeedsAttention(db, row.seq, prepared.reason, prepared.message, this.now());
        settledHere = true;
        continue;
      }
      ready.push({ row: { ...row, seq: row.seq }, payload: prepared.payload });
    }
    if (ready.length === 0) {
      this.lastMessage = blocked;
      return settledHere ? 'progress' : 'blocked';
    }
    await markSending(
      db,
      ready.map((r) => ({ seq: r.row.seq, payload: r.payload })),
      this.now(),
    );
    let answer;
    try {
      answer = await port.pushBatch(
        ready.map((r) => ({
          localSeq: r.row.seq,
          idempotencyKey: r.row.idempotencyKey,
          kind: r.row.kind,
          payload: r.payload,
        })),
      );
    } catch (error) {
      // Main itself did not answer (host restarting): outcome unknown, rows stay in flight.
      answer = { reached: false, message: (error as Error).message, results: [] };
    }
    if (!answer.reached) {
      const message = answer.message ?? 'The registry could not be reached.';
      this.retryAfterMs = 'retryAfterMs' in answer ? (answer.retryAfterMs ?? 0) : 0;
      await markUnsent(
        db,
        ready.map((r) => r.row.seq),
        message,
      );
      this.lastMessage = message;
      return settledHere ? 'progress' : 'blocked';
    }
    await settleResults(db, answer.results, this.now());
    this.lastMessage = answer.results.find((r) => r.outcome === 'retry')?.message ?? null;
    const moved = answer.results.some((r) => r.outcome !== 'retry');
    return moved || settledHere ? 'progress' : 'stalled';
  }

  /** Pulls every waiting page of the feed into the cache; false when the registry was not reached. */
  async pullAll(): Promise<boolean> {
    const { db, port } = this.options;
    this.report({ phase: 'pulling', message: null, nextAttemptAt: null });
    let cursor = await loadPullCursor(db);
    for (let pages = 0; pages < 10_000; pages += 1) {
      const page = await port.pullChanges(cursor, this.options.pullLimit ?? 1000);
      if (!page.reached) return false;
      if (page.resync) {
        await resetCache(db);
        cursor = '';
        continue;
      }
      await applyPulledPage(db, page.changes, page.cursor, this.options.applyOptions);
      cursor = page.cursor;
      if (!page.hasMore) return true;
    }
    return true;
  }

  /** Waits `ms`, or less if woken or stopped. Returns true when woken. */
  private sleep(ms: number, signal: AbortSignal): Promise<boolean> {
    if (this.woken || signal.aborted) {
      const was = this.woken;
      this.woken = false;
      return Promise.resolve(was);
    }
    return new Promise((resolve) => {
      const done = (woken: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.wakeUp = null;
        this.woken = false;
        resolve(woken);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(false), ms);
      signal.addEventListener('abort', onAbort);
      this.wakeUp = () => done(true);
    });
  }

  /** Drains and pulls until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    const policy = this.options.backoff ?? drainBackoff;
    const random = this.options.random ?? Math.random;
    const pullEvery = this.options.pullEveryMs ?? 30_000;
    let attempt = 0;
    let pullDue = true;
    while (!signal.aborted) {
      let step: DrainStep;
      try {
        step = await this.drainOnce();
      } catch (error) {
        this.lastMessage = (error as Error).message;
        step = 'blocked';
      }
      if (step === 'progress') {
        attempt = 0;
        pullDue = true;
        continue;
      }
      if (step === 'blocked' || step === 'stalled') {
        // Full jitter, but never sooner than the registry asked (still capped).
        const delay = Math.min(
          policy.capMs,
          Math.max(backoffDelay(policy, attempt, random), this.retryAfterMs),
        );
        this.retryAfterMs = 0;
        attempt += 1;
        const at = new Date(Date.now() + delay).toISOString();
        this.report({ phase: 'waiting', message: this.lastMessage, nextAttemptAt: at });
        if (await this.sleep(delay, signal)) attempt = 0;
        continue;
      }
      attempt = 0;
      if (pullDue) {
        pullDue = !(await this.pullAll().catch(() => false));
      }
      this.report({ phase: 'idle', message: null, nextAttemptAt: null });
      if (!(await this.sleep(pullEvery, signal))) pullDue = true;
    }
  }
}
