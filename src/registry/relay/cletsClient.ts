/**
 * The relay's persistent connection to the CLETS endpoint (the simulator's line protocol,
 * docs/clets-sim-protocol.md; a real switch would sit behind the same adapter, domain.md §4).
 *
 * Messages are pipelined on one connection and answers matched by message id. A dropped
 * connection, an `ERR` or silence past the timeout makes every unanswered message
 * INDETERMINATE: it is reported as unanswered, stays "sending" in the registry and is resent later
 * under the same message id. Reconnects wait a full-jitter exponential backoff (R-SYNC-8).
 */
import net from 'node:net';

import { backoffDelay, type BackoffPolicy } from '../client/backoff';
import { formatRequest, parseAnswer, type Answer } from '../clets-sim/protocol';

/** Connection options. */
export type CletsClientOptions = {
  readonly host: string;
  readonly port: number;
  /** Reconnect backoff; default base 200 ms, cap 10 s. */
  readonly backoff?: BackoffPolicy;
  /** Give up on a batch when no answer arrives for this long (default 10 s). */
  readonly answerTimeoutMs?: number;
  readonly log?: (line: string) => void;
};

/** One message to send. */
export type CletsRequest = { readonly messageId: string; readonly lines: readonly string[] };

/** A persistent, self-healing connection. */
export class CletsClient {
  private socket: net.Socket | null = null;
  private buffer = '';
  private failures = 0;
  private closed = false;
  private waiting = new Map<string, (answer: Answer) => void>();
  private onBroken: (() => void) | null = null;
  private sleeper: { timer: NodeJS.Timeout; wake: () => void } | null = null;

  constructor(private readonly options: CletsClientOptions) {}

  /** True while a connection is open. */
  get connected(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private connectOnce(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(this.options.port, this.options.host);
      socket.setNoDelay(true);
      socket.setEncoding('utf8');
      const fail = (e: Error) => {
        socket.destroy();
        reject(e);
      };
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.off('error', fail);
        socket.on('error', (e) => this.log(`[relay] CLETS connection error: ${e.message}`));
        socket.on('data', (chunk: string) => this.onData(chunk));
        socket.on('close', () => this.broken(socket));
        resolve(socket);
      });
    });
  }

  /** Waits (with backoff) until connected; false when closed meanwhile. */
  private async ensureConnected(): Promise<boolean> {
    while (!this.closed && !this.connected) {
      try {
        this.socket = await this.connectOnce();
        this.buffer = '';
        if (this.failures > 0)
          this.log(`[relay] connected to CLETS after ${this.failures} failed attempt(s)`);
        this.failures = 0;
      } catch (e) {
        const delay = backoffDelay(
          this.options.backoff ?? { baseMs: 200, capMs: 10_000 },
          this.failures,
        );
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.log(`[relay] CLETS unreachable (${(e as Error).message}); retrying`);
        }
        await this.sleep(delay);
      }
    }
    return this.connected;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeper = null;
        resolve();
      }, ms);
      this.sleeper = { timer, wake: resolve };
    });
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl = this.buffer.indexOf('\n');
    while (nl >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      if (line.startsWith('ERR')) {
        this.log(`[relay] CLETS: ${line}`);
        this.socket?.destroy();
        return;
      }
      const answer = parseAnswer(line);
      if (answer) {
        const resolve = this.waiting.get(answer.messageId);
        this.waiting.delete(answer.messageId);
        resolve?.(answer);
      }
      nl = this.buffer.indexOf('\n');
    }
  }

  private broken(socket: net.Socket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.onBroken?.();
  }

  /**
   * Sends every request on the connection and resolves with the answers that came back: a map by
   * message id. Requests missing from the map are indeterminate (send them again, same id).
   */
  async sendAll(requests: readonly CletsRequest[]): Promise<Map<string, Answer>> {
    const answers = new Map<string, Answer>();
    if (requests.length === 0 || !(await this.ensureConnected())) return answers;
    const socket = this.socket as net.Socket;
    const timeoutMs = this.options.answerTimeoutMs ?? 10_000;
    await new Promise<void>((resolve) => {
      let left = requests.length;
      let timer: NodeJS.Timeout;
      const finish = () => {
        clearTimeout(timer);
        this.onBroken = null;
        for (const r of requests) this.waiting.delete(r.messageId);
        resolve();
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.log(`[relay] no answer from CLETS for ${timeoutMs} ms; reconnecting`);
          socket.destroy();
          finish();
        }, timeoutMs);
      };
      this.onBroken = finish;
      for (const r of requests) {
        this.waiting.set(r.messageId, (answer) => {
          answers.set(r.messageId, answer);
          left -= 1;
          if (left === 0) finish();
          else arm();
        });
      }
      arm();
      if (socket.destroyed) {
        finish();
        return;
      }
      socket.write(requests.map((r) => formatRequest(r.messageId, r.lines)).join(''));
    });
    return answers;
  }

  /** Closes the connection and stops reconnecting. */
  close(): void {
    this.closed = true;
    if (this.sleeper) {
      clearTimeout(this.sleeper.timer);
      this.sleeper.wake();
    }
    this.socket?.destroy();
  }
}
