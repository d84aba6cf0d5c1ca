import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/registry/client/backoff';
import { settlementOf } from '../../../src/registry/client/drain';
import { RegistryHttpError, request, TransientError } from '../../../src/registry/client/http';
import { RegistryClient } from '../../../src/registry/client/registryClient';
import { courtCalendarForCourtSchema } from '../../../src/shared/calendar/courtCalendarTable';
import type { MutationResult } from '../../../src/registry/push/types';

describe('backoffDelay (full jitter)', () => {
  it('stays within 0..min(cap, base·2^attempt) and honours Retry-After as a floor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, r) => {
          const d = backoffDelay(DEFAULT_BACKOFF, attempt, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(Math.min(300_000, 1000 * 2 ** attempt));
        },
      ),
    );
    expect(backoffDelay(DEFAULT_BACKOFF, 0, () => 0, 3000)).toBe(3000);
    expect(backoffDelay(DEFAULT_BACKOFF, 50, () => 0.999, 10_000_000)).toBe(300_000);
  });
});

describe('settlementOf', () => {
  const base = { seq: 1, idempotencyKey: 'k-00000001' };
  const cases: [MutationResult, string][] = [
    [
      {
        ...base,
        outcome: 'applied',
        httpStatus: 200,
        result: { outcome: 'applied', kind: 'order.submit' },
      },
      'acknowledged',
    ],
    [
      {
        ...base,
        outcome: 'duplicate',
        httpStatus: 200,
        original: { outcome: 'applied', kind: 'order.submit' },
      },
      'acknowledged',
    ],
    [
      {
        ...base,
        outcome: 'duplicate',
        httpStatus: 200,
        original: { outcome: 'rejected', kind: 'order.submit' },
      },
      'needs-attention',
    ],
    [
      {
        ...base,
        outcome: 'rejected',
        httpStatus: 422,
        result: { outcome: 'rejected', kind: 'order.submit' },
      },
      'needs-attention',
    ],
    [
      {
        ...base,
        outcome: 'conflict',
        httpStatus: 422,
        reason: 'idempotency-key-reused',
        message: '',
      },
      'needs-attention',
    ],
    [{ ...base, outcome: 'retry', httpStatus: 409, reason: 'seq-gap', message: '' }, 'pending'],
  ];
  it.each(cases)('maps %j to %s', (result, expected) => {
    expect(settlementOf(result)).toBe(expected);
  });
});

describe('request classification', () => {
  const opts = (fetchImpl: typeof fetch) => ({
    baseUrl: 'http://127.0.0.1:9/',
    timeoutMs: 50,
    fetch: fetchImpl,
  });
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    (async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      })) as typeof fetch;

  it('treats a timeout, a network error, 5xx and 429 as transient (unknown outcome)', async () => {
    const hang = ((_u: unknown, init?: RequestInit) =>
      new Promise((_r, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as typeof fetch;
    await expect(request(opts(hang), { method: 'GET', path: '/v1/health' })).rejects.toThrow(
      /within 50 ms/,
    );
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(request(opts(refused), { method: 'GET', path: '/' })).rejects.toBeInstanceOf(
      TransientError,
    );
    await expect(
      request(opts(json(503, {}, { 'retry-after': '2' })), { method: 'GET', path: '/' }),
    ).rejects.toMatchObject({ status: 503, retryAfterMs: 2000 });
    await expect(request(opts(json(429, {})), { method: 'GET', path: '/' })).rejects.toBeInstanceOf(
      TransientError,
    );
  });

  it('throws a definite refusal with the registry’s code, and returns accepted statuses', async () => {
    const refusal = request(
      opts(json(401, { error: { code: 'unauthenticated', message: 'Enrol again.' } })),
      { method: 'GET', path: '/' },
    );
    await expect(refusal).rejects.toBeInstanceOf(RegistryHttpError);
    await expect(refusal).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
      message: 'Enrol again.',
    });
    const res = await request(opts(json(422, { results: [] })), {
      method: 'POST',
      path: '/v1/mutations',
      json: {},
      accept: [422],
    });
    expect(res).toMatchObject({ status: 422, body: { results: [] } });
  });
});

describe('checked answers (court calendar, deadlines, day summary)', () => {
  /** A client whose every GET answers `body` with 200, as a registry of another version might. */
  const answering = (body: unknown) =>
    new RegistryClient({
      baseUrl: 'http://127.0.0.1:9/',
      credential: 'c',
      fetch: (async () =>
        new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })) as typeof fetch,
    });

  it('refuses a malformed answer naming the first bad field, never returning it', async () => {
    const bad = answering({ closures: 'none' });
    await expect(bad.courtCalendar()).rejects.toMatchObject({
      code: 'malformed-answer',
      message: expect.stringMatching(
        /^The registry's court calendar is not in the expected form \(\S+/,
      ),
    });
    await expect(bad.deadlines()).rejects.toThrow(/deadline list is not in the expected form/);
    await expect(bad.reviewDay('2026-12-02')).rejects.toThrow(
      /day summary is not in the expected form/,
    );
    await expect(bad.deadlines()).rejects.toBeInstanceOf(RegistryHttpError);
  });

  it('returns a well-formed answer as parsed', async () => {
    const good = { court: 'CA034999J', closures: [], settings: [], updatedAt: null };
    const parsed = courtCalendarForCourtSchema.safeParse(good);
    // The test's own sample must be valid for the schema, or this case proves nothing.
    expect(parsed.success).toBe(true);
    await expect(answering(good).courtCalendar()).resolves.toEqual(parsed.data);
  });
});
