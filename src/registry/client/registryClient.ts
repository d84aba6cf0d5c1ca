/**
 * A minimal registry client for the workstation's main process (plain fetch, no Node imports):
 * enrol, push with retries, pull, resumable page upload, search, health.
 *
 * Retry contract: every retry of a push sends the identical body (same deviceId, seq,
 * idempotencyKey, payloadHash, payload), so a reply lost after the registry committed costs one
 * duplicate answer, never a duplicate order. Transient failures back off with full jitter.
 */
import type { z } from 'zod';

import {
  courtCalendarForCourtSchema,
  type CourtCalendarForCourt,
} from '../../shared/calendar/courtCalendarTable';
import { registryDeadlinesSchema, type RegistryDeadlines } from '../../shared/ipc/contracts/clets';
import { daySummarySchema, type DaySummary } from '../../shared/review/daySummary';
import type { ChangesPage } from '../pull/changes';
import type { MutationInput, PushResponse } from '../push/types';
import type { SearchPage } from '../search/searchService';

import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { sha256Hex } from './canonicalJson';
import { RegistryHttpError, request, TransientError, type HttpOptions } from './http';

/** What a review action answers: the order, its review state and the approval (if any). */
export type ReviewActionAnswer = {
  readonly orderId: string;
  readonly state: DaySummary['submissions'][number]['review']['state'];
  readonly approvalId: string | null;
};

/** Client settings; `fetch`, `random` and `sleep` are injectable for tests. */
export type ClientOptions = {
  readonly baseUrl: string;
  readonly credential?: string;
  /** The signed-in user's registry session (see `withSession`). */
  readonly sessionToken?: string;
  /** Per request; a timeout counts as "unknown outcome" and is retried. Default 10 s. */
  readonly timeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
};

/** How long to keep retrying transient failures. */
export type RetryOptions = {
  /** Give up (rethrow the last TransientError) after this many attempts. Default: never. */
  readonly maxAttempts?: number;
  readonly signal?: AbortSignal;
  /** Called before each wait, for status displays and tests. */
  readonly onRetry?: (attempt: number, delayMs: number, error: TransientError) => void;
};

/** The answer to POST /v1/enrol. */
export type Enrolment = {
  readonly deviceId: string;
  readonly courtOri: string;
  readonly credential: string;
};

/** The answer to POST /v1/sessions: the token for X-Clerk-Session and the registry's user. */
export type RegistrySession = {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: {
    readonly userId: string;
    readonly username: string;
    readonly role: string;
    readonly courtOri: string;
  };
};

/** A finished upload: the page id, its length and how many bytes were sent (resumes send less). */
export type PageUploadResult = {
  readonly sha256: string;
  readonly length: number;
  readonly bytesSent: number;
};

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Client for one enrolled workstation (or, without a credential, for enrolment and health). */
export class RegistryClient {
  private readonly http: HttpOptions;
  private readonly options: ClientOptions;

  constructor(options: ClientOptions) {
    this.options = options;
    this.http = {
      baseUrl: options.baseUrl,
      credential: options.credential,
      sessionToken: options.sessionToken,
      timeoutMs: options.timeoutMs ?? 10_000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
  }

  /** The same client, also sending a user's registry session (X-Clerk-Session). */
  withSession(sessionToken: string): RegistryClient {
    return new RegistryClient({ ...this.options, sessionToken });
  }

  /** Opens a user's registry session (POST /v1/sessions, with this device's credential). */
  async openSession(username: string, password: string): Promise<RegistrySession> {
    const { body } = await request(this.http, {
      method: 'POST',
      path: '/v1/sessions',
      json: { username, password },
    });
    return body as RegistrySession;
  }

  /** Ends the user's registry session this client carries (DELETE /v1/sessions/current). */
  async endSession(): Promise<void> {
    await request(this.http, { method: 'DELETE', path: '/v1/sessions/current' });
  }

  /** Runs `fn` until it succeeds or fails with a non-transient error. */
  async withRetry<T>(fn: () => Promise<T>, retry: RetryOptions = {}): Promise<T> {
    const sleep = this.options.sleep ?? defaultSleep;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await fn();
      } catch (error) {
        if (!(error instanceof TransientError)) throw error;
        if (
          retry.signal?.aborted ||
          (retry.maxAttempts !== undefined && attempt + 1 >= retry.maxAttempts)
        )
          throw error;
        const delay = backoffDelay(
          this.options.backoff ?? DEFAULT_BACKOFF,
          attempt,
          this.options.random,
          error.retryAfterMs,
        );
        retry.onRetry?.(attempt + 1, delay, error);
        await sleep(delay);
      }
    }
  }

  async health(): Promise<{
    status: string;
    backend: string;
    schemaVersion: number;
    time: string;
  }> {
    return (await request(this.http, { method: 'GET', path: '/v1/health' })).body as never;
  }

  /** Exchanges an enrolment code for a credential (store it where only main can read it). */
  async enrol(code: string, courtOri?: string, label?: string): Promise<Enrolment> {
    const res = await request(this.http, {
      method: 'POST',
      path: '/v1/enrol',
      json: { code, courtOri, label },
    });
    return res.body as Enrolment;
  }

  /** One push attempt. 422 (a reused key) is returned, not thrown: read each result. */
  async push(mutations: readonly MutationInput[]): Promise<PushResponse> {
    const res = await request(this.http, {
      method: 'POST',
      path: '/v1/mutations',
      json: { mutations },
      accept: [422],
    });
    return res.body as PushResponse;
  }

  /** Push with retries of the identical batch until the registry answers. */
  pushWithRetry(mutations: readonly MutationInput[], retry?: RetryOptions): Promise<PushResponse> {
    return this.withRetry(() => this.push(mutations), retry);
  }

  /**
   * This workstation's court calendar (GET /v1/court-calendar, device credential): its court's
   * closures and the `*` closures, and its court's close of business. A malformed answer is a
   * RegistryHttpError, so a bad copy never replaces a good one.
   */
  async courtCalendar(): Promise<CourtCalendarForCourt> {
    return this.checkedGet('/v1/court-calendar', courtCalendarForCourtSchema, 'court calendar');
  }

  /** One page of the court's change feed after `cursor` ('' = from the start). */
  async pull(cursor: string, limit = 500): Promise<ChangesPage> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return (await request(this.http, { method: 'GET', path: `/v1/changes?${query}` }))
      .body as ChangesPage;
  }

  /**
   * The court's CLETS at-risk and overdue lists (GET /v1/clets/deadlines, device credential).
   * The answer is checked: a malformed one is a RegistryHttpError, never half-shown deadlines.
   */
  async deadlines(): Promise<RegistryDeadlines> {
    return this.checkedGet('/v1/clets/deadlines', registryDeadlinesSchema, 'deadline list');
  }

  async search(params: Readonly<Record<string, string | number>>): Promise<SearchPage> {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    return (await request(this.http, { method: 'GET', path: `/v1/orders/search?${query}` }))
      .body as SearchPage;
  }

  /** Bytes the registry already holds of a page (0 when unknown), and whether it is complete. */
  async pageOffset(sha256: string): Promise<{ received: number; complete: boolean }> {
    const res = await request(this.http, {
      method: 'HEAD',
      path: `/v1/pages/${sha256}`,
      accept: [404],
    });
    if (res.status === 404) return { received: 0, complete: false };
    return {
      received: Number(res.headers.get('upload-offset') ?? 0),
      complete: res.headers.get('page-complete') === 'true',
    };
  }

  /**
   * Uploads a page in chunks, resuming from the registry's offset after any failure; the
   * registry verifies the SHA-256 on the last chunk. Upload pages BEFORE pushing their order.
   */
  async uploadPage(
    bytes: Uint8Array,
    chunkBytes = 512 * 1024,
    retry?: RetryOptions,
  ): Promise<PageUploadResult> {
    if (bytes.length === 0) throw new Error('A page image cannot be empty.');
    const sha256 = await sha256Hex(bytes);
    let sent = 0;
    const step = async (): Promise<boolean> => {
      const { received, complete } = await this.pageOffset(sha256);
      if (complete) return true;
      const end = Math.min(bytes.length, received + chunkBytes) - 1;
      const chunk = bytes.subarray(received, end + 1);
      sent += chunk.length;
      const res = await request(this.http, {
        method: 'PUT',
        path: `/v1/pages/${sha256}`,
        bytes: chunk,
        headers: { 'content-range': `bytes ${received}-${end}/${bytes.length}` },
        accept: [409],
      });
      return (res.body as { complete?: boolean }).complete === true;
    };
    while (!(await this.withRetry(step, retry))) {
      // next chunk
    }
    return { sha256, length: bytes.length, bytesSent: sent };
  }
  /**
   * GET whose answer is checked against `schema`: a malformed answer is a RegistryHttpError
   * naming the first bad field, so a bad answer never replaces a good copy or is half-shown.
   */
  private async checkedGet<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
    const res = await request(this.http, { method: 'GET', path });
    const parsed = schema.safeParse(res.body);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.map(String).join('.')}: ${first.message}` : '';
    throw new RegistryHttpError(
      res.status,
      'malformed-answer',
      `The registry's ${what} is not in the expected form (${where}).`,
      res.body,
    );
  }

  // ——— supervisors' review (user session; src/registry/review, docs/review.md) ———

  /** The court day's submissions, reviews, deadlines and charts (GET /v1/review/day). */
  async reviewDay(date?: string): Promise<DaySummary> {
    const query = date ? `?${new URLSearchParams({ date })}` : '';
    return this.checkedGet(`/v1/review/day${query}`, daySummarySchema, 'day summary');
  }

  /** Returns an order to the clerk with a comment (POST /v1/orders/:orderId/return). */
  async returnOrder(orderId: string, comment: string): Promise<ReviewActionAnswer> {
    const path = `/v1/orders/${encodeURIComponent(orderId)}/return`;
    return (await request(this.http, { method: 'POST', path, json: { comment } }))
      .body as ReviewActionAnswer;
  }

  /** Approves or declines a pending correction or void (POST /v1/approvals/:id/decision). */
  async decideApproval(
    approvalId: string,
    decision: 'approve' | 'decline',
    comment?: string,
  ): Promise<ReviewActionAnswer> {
    const path = `/v1/approvals/${encodeURIComponent(approvalId)}/decision`;
    const json = comment ? { decision, comment } : { decision };
    return (await request(this.http, { method: 'POST', path, json })).body as ReviewActionAnswer;
  }

  /** Asks for an entered-in-error void (POST /v1/orders/:orderId/void-request). */
  async requestVoid(orderId: string, reason: string): Promise<ReviewActionAnswer> {
    const path = `/v1/orders/${encodeURIComponent(orderId)}/void-request`;
    return (await request(this.http, { method: 'POST', path, json: { reason } }))
      .body as ReviewActionAnswer;
  }

  /** An order's current state (GET /v1/orders/:orderId; needs a user session). */
  async orderState(orderId: string): Promise<unknown> {
    const path = `/v1/orders/${encodeURIComponent(orderId)}`;
    return (await request(this.http, { method: 'GET', path })).body;
  }

  /** An order's events and proofs of service (GET /v1/orders/:orderId/history). */
  async orderHistory(orderId: string): Promise<unknown> {
    const path = `/v1/orders/${encodeURIComponent(orderId)}/history`;
    return (await request(this.http, { method: 'GET', path })).body;
  }

  /** A page image's bytes (GET /v1/pages/:sha256), read as raw bytes. */
  async downloadPage(sha256: string): Promise<Uint8Array<ArrayBuffer>> {
    const { body } = await request(this.http, {
      method: 'GET',
      path: `/v1/pages/${sha256}`,
      binary: true,
    });
    return body as Uint8Array<ArrayBuffer>;
  }
}
