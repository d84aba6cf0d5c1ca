/**
 * RelayStore over the registry's relay endpoints (routes.ts), for a relay in its own process:
 * the embedded PGlite database can be opened by one process only, so a separate relay reaches it
 * through the registry. The registry does the same database work (DbRelayStore) either way.
 */
import type { Outcome, OutgoingTransaction, RelayStore } from './types';

/** Where the registry is and the relay token it was started with. */
export type HttpRelayStoreOptions = {
  /** e.g. `http://127.0.0.1:4556/` */
  readonly baseUrl: string;
  readonly token: string;
  /** Long-poll wait when there is no work (default 1 s). */
  readonly waitMs?: number;
  readonly timeoutMs?: number;
};

/** RelayStore calling POST /v1/relay/next and POST /v1/relay/outcomes. */
export class HttpRelayStore implements RelayStore {
  constructor(private readonly options: HttpRelayStoreOptions) {}

  private async post<T>(path: string, body: unknown): Promise<T> {
    const url = new URL(path, this.options.baseUrl);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-relay-token': this.options.token },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000 + (this.options.waitMs ?? 1000)),
    });
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 300);
      try {
        message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
      } catch {
        // not JSON: keep the text
      }
      throw new Error(`registry answered ${response.status} on ${path}: ${message}`);
    }
    return JSON.parse(text) as T;
  }

  async next(limit: number): Promise<OutgoingTransaction[]> {
    const body = await this.post<{ transactions: OutgoingTransaction[] }>('v1/relay/next', {
      limit,
      waitMs: this.options.waitMs ?? 1000,
    });
    return body.transactions;
  }

  async record(outcomes: readonly Outcome[]): Promise<number> {
    const body = await this.post<{ recorded: number }>('v1/relay/outcomes', { outcomes });
    return body.recorded;
  }
}
