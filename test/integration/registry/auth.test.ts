/**
 * Enrolment, credentials and court scoping against both backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { issueEnrolmentCode } from '../../../src/registry/auth/devices';
import { migrations } from '../../../src/registry/db/migrations';
import { RegistryClient } from '../../../src/registry/client/registryClient';
import { request } from '../../../src/registry/client/http';

import {
  ADMIN_CODE,
  BACKENDS,
  startEnv,
  stopCluster,
  type EnrolledDevice,
  type TestEnv,
} from './env';
import { COURT_A, COURT_B, makeOrder, mutation, submit } from './fixtures';

afterAll(stopCluster);

describe.each(BACKENDS)('enrolment and court scoping on %s', (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startEnv(backend);
  });
  afterAll(() => env.stop());

  const anon = () => new RegistryClient({ baseUrl: env.baseUrl, timeoutMs: 10_000 });

  it('answers health without a credential', async () => {
    const health = await anon().health();
    expect(health).toMatchObject({ status: 'ok', backend, schemaVersion: migrations.length });
  });

  it('enrols with the admin code (demo) and stores only a hash of the secret', async () => {
    const e = await anon().enrol(ADMIN_CODE, COURT_A, 'counter 1');
    expect(e.courtOri).toBe(COURT_A);
    expect(e.credential.startsWith(`${e.deviceId}.`)).toBe(true);
    const secret = e.credential.slice(e.deviceId.length + 1);
    const rows = await env.db.query<{ secret_hash: string }>(
      'SELECT secret_hash FROM devices WHERE device_id = $1',
      [e.deviceId],
    );
    expect(rows[0]?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(secret);
    await expect(anon().enrol(ADMIN_CODE)).rejects.toMatchObject({
      status: 400,
      code: 'court-required',
    });
  });

  it('enrols once with a one-time code, for the code’s court only', async () => {
    const { code } = await issueEnrolmentCode(env.db, COURT_B, { label: 'courtroom 4' });
    await expect(anon().enrol(code, COURT_A)).rejects.toMatchObject({
      status: 403,
      code: 'enrolment-court-mismatch',
    });
    const e = await anon().enrol(code);
    expect(e.courtOri).toBe(COURT_B);
    await expect(anon().enrol(code)).rejects.toMatchObject({
      status: 401,
      code: 'enrolment-code-invalid',
    });
    const expired = await issueEnrolmentCode(env.db, COURT_B, { ttlHours: 1 });
    await env.db.query(
      "UPDATE enrolment_codes SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL",
    );
    await expect(anon().enrol(expired.code)).rejects.toMatchObject({ status: 401 });
    await expect(anon().enrol('WRONG-CODE-123')).rejects.toMatchObject({ status: 401 });
  });

  it('issues one-time codes through the admin endpoint only with the admin code', async () => {
    const call = (adminCode: string | undefined) =>
      request(
        { baseUrl: env.baseUrl, timeoutMs: 10_000 },
        {
          method: 'POST',
          path: '/v1/admin/enrolment-codes',
          json: { courtOri: COURT_A },
          ...(adminCode ? { headers: { 'x-admin-code': adminCode } } : {}),
        },
      );
    await expect(call(undefined)).rejects.toMatchObject({ status: 401 });
    await expect(call('guess')).rejects.toMatchObject({ status: 401 });
    const issued = (await call(ADMIN_CODE)).body as { code: string; courtOri: string };
    expect(issued.courtOri).toBe(COURT_A);
    expect((await anon().enrol(issued.code)).courtOri).toBe(COURT_A);
  });

  it('refuses every device endpoint without a valid credential (401)', async () => {
    const e = await env.enrol(COURT_A);
    const forged = `${e.deviceId}.${'A'.repeat(43)}`;
    for (const credential of [undefined, 'garbage', forged]) {
      const c = new RegistryClient({
        baseUrl: env.baseUrl,
        timeoutMs: 10_000,
        ...(credential ? { credential } : {}),
      });
      await expect(c.pull('')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
      await expect(c.push([await submit(e.deviceId, 1, makeOrder(1))])).rejects.toMatchObject({
        status: 401,
      });
      await expect(c.search({ name: 'Smith' })).rejects.toMatchObject({ status: 401 });
      expect(
        await c.pageOffset('a'.repeat(64)).catch((err: { status: number }) => err.status),
      ).toBe(401);
    }
    await env.db.query('UPDATE devices SET revoked_at = now() WHERE device_id = $1', [e.deviceId]);
    await expect(e.client.pull('')).rejects.toMatchObject({ status: 401 });
  });

  it('keeps courts apart: another court’s device cannot read, search or change an order', async () => {
    const a = await env.enrol(COURT_A);
    const b = await env.enrol(COURT_B);
    const order = makeOrder(7, { tag: 500, last: 'Scopington' });
    await a.client.push([await submit(a.deviceId, 1, order)]);
    const path = `/v1/orders/${String(order.id)}`;
    const get = (dev: EnrolledDevice) =>
      request(
        { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 10_000 },
        { method: 'GET', path, headers: { 'x-clerk-session': dev.session } },
      );
    expect(((await get(a)).body as { orderId: string }).orderId).toBe(order.id);
    await expect(get(b)).rejects.toMatchObject({ status: 404 });
    expect((await a.client.search({ name: 'Scopington' })).results).toHaveLength(1);
    expect((await b.client.search({ name: 'Scopington' })).results).toHaveLength(0);
    expect((await b.client.pull('')).changes.map((c) => c.id)).not.toContain(order.id);
    const hijack = await mutation(b.deviceId, 1, 'order.modify', {
      order: { ...order, court: { ori: COURT_B, name: 'x' } },
      baseVersion: 1,
    });
    const res = await b.client.push([hijack]);
    expect(res.results[0]).toMatchObject({
      outcome: 'rejected',
      result: { reason: 'order-not-found' },
    });
    const stored = await env.db.query<{ court_ori: string; version: number }>(
      'SELECT court_ori, version FROM orders WHERE order_id = $1',
      [order.id],
    );
    expect(stored[0]).toEqual({ court_ori: COURT_A, version: 1 });
  });
});
