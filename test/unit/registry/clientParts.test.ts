import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/registry/client/backoff';
import { settlementOf } from '../../../src/registry/client/drain';
import { RegistryHttpError, request, TransientError } from '../../../src/registry/client/http';
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
