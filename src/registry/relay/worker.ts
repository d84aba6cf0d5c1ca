/**
 * The relay loop: take the transactions whose message ids are recorded (store.next), send them
 * pipelined over the persistent CLETS connection, record the answers (store.record), repeat.
 *
 * Nothing here is durable on purpose: the registry database holds every message id and message
 * text before it is sent, so a relay killed at any instant restarts, gets the same unanswered
 * transactions back from store.next and resends them under the same ids.
 */
import { backoffDelay } from '../client/backoff';

import { CletsClient, type CletsClientOptions } from './cletsClient';
import type { Outcome, RelayStore } from './types';

/** Worker options. */
export type RelayWorkerOptions = {
  readonly store: RelayStore;
  readonly clets: CletsClientOptions;
  /** Most messages in flight at once (default 64). */
  readonly batch?: number;
  /** Longest pause when there is no work (default 500 ms; pauses start at 10 ms and double). */
  readonly maxIdleMs?: number;
  readonly log?: (line: string) => void;
};

/** Counters since start. */
export type RelayCounters = {
  sent: number;
  acknowledged: number;
  rejected: number;
  indeterminate: number;
  storeErrors: number;
};

/** A running relay. */
export class RelayWorker {
  readonly counters: RelayCounters = {
    sent: 0,
    acknowledged: 0,
    rejected: 0,
    indeterminate: 0,
    storeErrors: 0,
  };
  private readonly client: CletsClient;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(private readonly options: RelayWorkerOptions) {
    this.client = new CletsClient({ ...options.clets, log: options.log });
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  /** Starts the loop (returns at once). */
  start(): this {
    this.loop ??= this.run();
    return this;
  }

  /** Cuts an idle pause short (e.g. right after the registry stored a change). */
  wake(): void {
    this.wakeUp?.();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async run(): Promise<void> {
    const batch = this.options.batch ?? 64;
    const maxIdle = this.options.maxIdleMs ?? 500;
    let idle = 10;
    let storeFailures = 0;
    while (!this.stopped) {
      let work;
      try {
        work = await this.options.store.next(batch);
        storeFailures = 0;
      } catch (e) {
        this.counters.storeErrors += 1;
        this.log(`[relay] registry store unavailable: ${(e as Error).message}`);
        await this.pause(backoffDelay({ baseMs: 200, capMs: 10_000 }, storeFailures++));
        continue;
      }
      if (work.length === 0) {
        await this.pause(idle);
        idle = Math.min(maxIdle, idle * 2);
        continue;
      }
      idle = 10;
      const answers = await this.client.sendAll(work);
      this.counters.sent += work.length;
      const outcomes: Outcome[] = [];
      for (const t of work) {
        const answer = answers.get(t.messageId);
        if (!answer) {
          this.counters.indeterminate += 1;
          continue;
        }
        outcomes.push({ transactionId: t.id, messageId: t.messageId, answer });
        if (answer.kind === 'ACK') this.counters.acknowledged += 1;
        else this.counters.rejected += 1;
      }
      if (outcomes.length === 0) continue;
      try {
        await this.options.store.record(outcomes);
      } catch (e) {
        // The answers are not lost: the transactions stay sending and a resend under the same
        // message ids gets the same answers back.
        this.counters.storeErrors += 1;
        this.log(`[relay] could not record ${outcomes.length} answer(s): ${(e as Error).message}`);
      }
    }
  }

  /** Stops after the current step; the connection closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.client.close();
    this.wake();
    await this.loop;
  }
}
