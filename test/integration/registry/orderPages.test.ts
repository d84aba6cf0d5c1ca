/**
 * Which page images belong to an order (order_pages, migration 8) on both backends: the order
 * read lists the latest version's pages in the order sent, for any workstation of the court; a
 * modification with new pages changes the list and one without keeps it; the page download
 * serves a page only to a court whose order names it — not to another court, even one that
 * uploaded the same bytes, and not to the uploading court before its order is filed.
 */
import { createHash, randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BACKENDS, startEnv, stopCluster, type EnrolledDevice, type TestEnv } from './env';
import { COURT_A, COURT_B, makeOrder, mutation, submit } from './fixtures';

afterAll(stopCluster);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

type Listed = {
  version: number;
  pages: { sha256: string; position: number; length: number; contentType: string }[];
};

describe.each(BACKENDS)('order pages on %s', (backend) => {
  let env: TestEnv;
  let filer: EnrolledDevice;
  let reader: EnrolledDevice;
  let stranger: EnrolledDevice;
  const images = [randomBytes(7_000), randomBytes(9_000), randomBytes(4_000), randomBytes(3_000)];
  const ids = images.map(sha);
  const id = (i: number) => ids[i] as string;

  beforeAll(async () => {
    env = await startEnv(backend);
    filer = await env.enrol(COURT_A, 'filing workstation');
    reader = await env.enrol(COURT_A, 'judge chambers');
    stranger = await env.enrol(COURT_B, 'another court');
    for (const image of images) await filer.client.uploadPage(image);
  });
  afterAll(() => env.stop());

  const state = async (dev: EnrolledDevice, orderId: string) =>
    (await dev.client.orderState(orderId)) as Listed;
  const download = (dev: EnrolledDevice, hash: string) =>
    fetch(new URL(`/v1/pages/${hash}`, env.baseUrl), {
      headers: { authorization: `Bearer ${dev.credential}` },
    });

  it('lists the pages of an order in the order sent, to another workstation of the court', async () => {
    const order = makeOrder(1, { tag: 801 });
    const m = await mutation(filer.deviceId, 1, 'order.submit', {
      order,
      pages: [
        { sha256: id(2), position: 0, mime: 'image/png' },
        { sha256: id(0), position: 1, mime: 'image/jpeg' },
        // A type that is not a plain image/PDF type falls back to the upload's.
        { sha256: id(1), position: 2, mime: 'text/html' },
      ],
    });
    expect((await filer.client.push([m])).results[0]?.outcome).toBe('applied');
    const listed = await state(reader, order.id as string);
    expect(listed.version).toBe(1);
    expect(listed.pages).toEqual([
      { sha256: id(2), position: 1, length: 4_000, contentType: 'image/png' },
      { sha256: id(0), position: 2, length: 7_000, contentType: 'image/jpeg' },
      { sha256: id(1), position: 3, length: 9_000, contentType: 'application/octet-stream' },
    ]);
    // The workstation that did not key it reads the bytes.
    const res = await download(reader, id(2));
    expect(res.status).toBe(200);
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(id(2));
    // An order without pages lists none.
    const bare = makeOrder(2, { tag: 801 });
    await filer.client.push([await submit(filer.deviceId, 2, bare)]);
    expect((await state(reader, bare.id as string)).pages).toEqual([]);
  });

  it('writes the pages on the one-at-a-time path too, and not again for a re-queued submit', async () => {
    const a = makeOrder(3, { tag: 801 });
    const b = makeOrder(4, { tag: 801 });
    // The broken audit text makes PostgreSQL refuse a value, so the batch is redone safely.
    const batch = [
      await submit(filer.deviceId, 3, a, [id(3)]),
      await mutation(filer.deviceId, 4, 'audit.append', { event: { note: 'bad \ud800 text' } }),
      await submit(filer.deviceId, 5, b, [id(0), id(3)]),
    ];
    const pushed = await filer.client.push(batch);
    expect(pushed.results.map((r) => r.outcome)).toEqual(['applied', 'rejected', 'applied']);
    expect((await state(reader, a.id as string)).pages.map((p) => p.sha256)).toEqual([id(3)]);
    expect((await state(reader, b.id as string)).pages.map((p) => p.sha256)).toEqual([
      id(0),
      id(3),
    ]);
    // The same submit again under a new key (a re-queued row) is already done: no second list.
    const again = await filer.client.push([await submit(filer.deviceId, 6, b, [id(0), id(3)])]);
    expect(again.results[0]).toMatchObject({
      outcome: 'applied',
      result: { alreadyPresent: true },
    });
    const rows = await env.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM order_pages WHERE order_id = $1',
      [b.id],
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('changes the list with a modification that sends new pages and keeps it when none are sent', async () => {
    const order = makeOrder(5, { tag: 801 });
    await filer.client.push([await submit(filer.deviceId, 7, order, [id(0), id(1)])]);
    const modified = { ...order, judicialOfficer: 'Hon. Ana Ruiz' };
    const m2 = await mutation(filer.deviceId, 8, 'order.modify', {
      order: modified,
      baseVersion: 1,
      pages: [{ sha256: id(1) }, { sha256: id(2) }, { sha256: id(3) }],
    });
    expect((await filer.client.push([m2])).results[0]?.outcome).toBe('applied');
    const v2 = await state(reader, order.id as string);
    expect(v2.version).toBe(2);
    expect(v2.pages.map((p) => [p.position, p.sha256])).toEqual([
      [1, id(1)],
      [2, id(2)],
      [3, id(3)],
    ]);
    // A correction keyed where the pages are not stored sends an empty list: pages stay.
    const m3 = await mutation(filer.deviceId, 9, 'order.modify', {
      order: { ...modified, judicialOfficer: 'Hon. Ana M. Ruiz' },
      baseVersion: 2,
      pages: [],
    });
    expect((await filer.client.push([m3])).results[0]?.outcome).toBe('applied');
    const v3 = await state(reader, order.id as string);
    expect(v3.version).toBe(3);
    expect(v3.pages.map((p) => p.sha256)).toEqual([id(1), id(2), id(3)]);
  });

  it('keeps the order and its pages from another court, even one holding the same bytes', async () => {
    const order = makeOrder(6, { tag: 801 });
    await filer.client.push([await submit(filer.deviceId, 10, order, [id(0)])]);
    await expect(stranger.client.orderState(order.id as string)).rejects.toMatchObject({
      status: 404,
    });
    expect((await download(stranger, id(0))).status).toBe(404);
    // Court B uploads the very same image: it may resume its upload, but no order of court B
    // names the page, so it still cannot read it.
    await stranger.client.uploadPage(images[0] as Uint8Array);
    expect(await stranger.client.pageOffset(id(0))).toEqual({ received: 7_000, complete: true });
    expect((await download(stranger, id(0))).status).toBe(404);
  });

  it('does not serve a page to its own court before an order names it', async () => {
    const lone = randomBytes(2_000);
    await filer.client.uploadPage(lone);
    expect(await filer.client.pageOffset(sha(lone))).toEqual({ received: 2_000, complete: true });
    expect((await download(filer, sha(lone))).status).toBe(404);
    await filer.client.push([
      await submit(filer.deviceId, 11, makeOrder(7, { tag: 801 }), [sha(lone)]),
    ]);
    expect((await download(reader, sha(lone))).status).toBe(200);
  });
});
