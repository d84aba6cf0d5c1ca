/**
 * Chunked, resumable page upload with SHA-256 verification, and orders that reference pages not
 * yet complete (refused as "retry" until the pages are in), against both backends.
 */
import { createHash, randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { request } from '../../../src/registry/client/http';

import { BACKENDS, startEnv, stopCluster, type EnrolledDevice, type TestEnv } from './env';
import { COURT_A, COURT_B, makeOrder, submit } from './fixtures';

afterAll(stopCluster);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(BACKENDS)('pages on %s', (backend) => {
  let env: TestEnv;
  let dev: EnrolledDevice;
  beforeAll(async () => {
    env = await startEnv(backend);
    dev = await env.enrol(COURT_A);
  });
  afterAll(() => env.stop());

  const put = (id: string, range: string, bytes: Uint8Array, credential = dev.credential) =>
    request(
      { baseUrl: env.baseUrl, credential, timeoutMs: 20_000 },
      {
        method: 'PUT',
        path: `/v1/pages/${id}`,
        bytes,
        headers: { 'content-range': range },
        accept: [409, 422],
      },
    );

  it('uploads in chunks, resumes from HEAD, acknowledges a repeated chunk, verifies and serves the bytes', async () => {
    const page = randomBytes(300_000);
    const id = sha(page);
    expect((await dev.client.pageOffset(id)).received).toBe(0);
    const first = await put(id, `bytes 0-99999/${page.length}`, page.subarray(0, 100_000));
    expect(first.body).toMatchObject({ received: 100_000, complete: false });
    // The reply was "lost": the client sends the same chunk again and is told where it stands.
    const repeat = await put(id, `bytes 0-99999/${page.length}`, page.subarray(0, 100_000));
    expect(repeat.body).toMatchObject({ received: 100_000, complete: false });
    // A chunk from the wrong offset is refused with the offset to resume from.
    const skip = await put(id, `bytes 200000-299999/${page.length}`, page.subarray(200_000));
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ error: { code: 'offset-mismatch', received: 100_000 } });
    expect(await dev.client.pageOffset(id)).toEqual({ received: 100_000, complete: false });
    // The client resumes: uploadPage asks HEAD and sends only the rest.
    const done = await dev.client.uploadPage(page, 64 * 1024);
    expect(done).toEqual({ sha256: id, length: page.length, bytesSent: 200_000 });
    expect(await dev.client.pageOffset(id)).toEqual({ received: page.length, complete: true });
    // Served once an order of the court names it (order_pages; orderPages.test.ts).
    const filed = await dev.client.push([
      await submit(dev.deviceId, 1, makeOrder(1, { tag: 601 }), [id]),
    ]);
    expect(filed.results[0]?.outcome).toBe('applied');
    const res = await fetch(new URL(`/v1/pages/${id}`, env.baseUrl), {
      headers: { authorization: `Bearer ${dev.credential}` },
    });
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(id);
  });

  it('discards bytes that do not hash to the page id (422) so the upload starts again', async () => {
    const page = randomBytes(50_000);
    const id = sha(randomBytes(10)); // wrong id for these bytes
    const res = await put(id, `bytes 0-49999/50000`, page);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'sha256-mismatch', received: 0 } });
    expect(await dev.client.pageOffset(id)).toEqual({ received: 0, complete: false });
    const chunks = await env.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM page_chunks WHERE sha256 = $1',
      [id],
    );
    expect(Number(chunks[0]?.n)).toBe(0);
  });

  it('refuses bad ranges, oversized pages and wrong ids with clear codes', async () => {
    const bytes = randomBytes(10);
    const id = sha(bytes);
    await expect(put(id, 'bytes 0-20/10', bytes)).rejects.toMatchObject({
      status: 400,
      code: 'content-range-invalid',
    });
    await expect(put(id, 'nonsense', bytes)).rejects.toMatchObject({
      status: 400,
      code: 'content-range-required',
    });
    await expect(put(id, 'bytes 0-9/99999999999', bytes)).rejects.toMatchObject({
      status: 413,
      code: 'page-too-large',
    });
    await expect(put(id, 'bytes 0-8/10', bytes)).rejects.toMatchObject({
      status: 400,
      code: 'chunk-length-mismatch',
    });
    await expect(put('NOT-A-HASH', 'bytes 0-9/10', bytes)).rejects.toMatchObject({
      status: 400,
      code: 'page-id-invalid',
    });
  });

  it('refuses an order whose pages are incomplete (retry, nothing stored), then applies it', async () => {
    const page = randomBytes(20_000);
    const id = sha(page);
    const order = makeOrder(1, { tag: 600 });
    const m = await submit(dev.deviceId, 2, order, [id]);
    const early = await dev.client.push([m]);
    expect(early.results[0]).toMatchObject({
      outcome: 'retry',
      reason: 'pages-incomplete',
      missingPages: [id],
    });
    expect(early.lastSeq).toBe(1); // seq 1 filed the first test's page
    await dev.client.uploadPage(page);
    const later = await dev.client.push([m]);
    expect(later.results[0]?.outcome).toBe('applied');
  });

  it('keeps pages to their court until an order of another court references them', async () => {
    const other = await env.enrol(COURT_B);
    const page = randomBytes(5_000);
    const id = sha(page);
    await dev.client.uploadPage(page);
    expect(await other.client.pageOffset(id)).toEqual({ received: 0, complete: false });
    const res = await fetch(new URL(`/v1/pages/${id}`, env.baseUrl), {
      headers: { authorization: `Bearer ${other.credential}` },
    });
    expect(res.status).toBe(404);
  });
});
