/**
 * The court calendar held by the registry, on PGlite and PostgreSQL 15: an administrator
 * replaces and reads the whole table, each workstation sees only its court's rows and the `*`
 * rows, nobody else may read or change the table (each refusal audited), a bad table is a 400
 * naming its rows and changes nothing, and the relay's due-by counts the court's closures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { request, RegistryHttpError } from '../../../src/registry/client/http';
import { replaceCourtCalendar } from '../../../src/registry/calendar/calendarStore';
import type { Role } from '../../../src/shared/auth/roles';
import type { CourtCalendarAdminView } from '../../../src/shared/calendar/courtCalendarTable';
import { createRegistryUser, openRegistrySession } from '../../helpers/registryAuth';

import { BACKENDS, startEnv, stopCluster, type EnrolledDevice, type TestEnv } from './env';
import { COURT_A, COURT_B, makeOrder, submit } from './fixtures';

afterAll(stopCluster);

const RELAY_TOKEN = 'calendar-test-relay-token-0123';

const table = {
  closures: [
    { court: COURT_A, date: '2026-11-03', reason: 'Water main break' },
    { court: COURT_B, date: '2026-11-04', reason: 'Power outage' },
    { court: '*', date: '2026-12-24', reason: 'Christmas Eve (Governor’s proclamation)' },
  ],
  settings: [
    { court: COURT_A, closeOfBusiness: '16:00' },
    { court: COURT_B, closeOfBusiness: '17:30' },
  ],
};

describe.each(BACKENDS)('the court calendar on %s', (backend) => {
  let env: TestEnv;
  let devA: EnrolledDevice;
  let devB: EnrolledDevice;
  const sessions = new Map<Role, string>();

  async function call(
    role: Role | null,
    method: 'GET' | 'PUT',
    path: string,
    json?: unknown,
    dev: EnrolledDevice = devA,
  ) {
    return request(
      { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 20_000 },
      {
        method,
        path,
        ...(json !== undefined ? { json } : {}),
        headers: role ? { 'x-clerk-session': sessions.get(role) ?? '' } : {},
      },
    );
  }
  const adminRead = async () =>
    (await call('admin', 'GET', '/v1/admin/court-calendar')).body as CourtCalendarAdminView;
  const newestAudit = async () =>
    (
      await env.db.query<{ id: number; payload: { outcome: string; action: string } }>(
        'SELECT id, payload FROM audit_events ORDER BY id DESC LIMIT 1',
      )
    )[0];

  /** Lets the relay routes turn new registry changes into CLETS transactions. */
  const relayNext = () =>
    request(
      { baseUrl: env.baseUrl, timeoutMs: 20_000 },
      {
        method: 'POST',
        path: '/v1/relay/next',
        json: { limit: 10 },
        headers: { 'x-relay-token': RELAY_TOKEN },
      },
    );
  const dueBy = async (id: unknown) =>
    (
      await env.db.query<{ due_by: string }>(
        `SELECT due_by FROM clets_transactions WHERE order_id = $1 AND event = 'issued'`,
        [id],
      )
    ).map((r) => r.due_by);

  beforeAll(async () => {
    env = await startEnv(backend, { relay: { token: RELAY_TOKEN } });
    devA = await env.enrol(COURT_A, 'counter A');
    devB = await env.enrol(COURT_B, 'counter B');
    for (const role of ['clerk', 'supervisor', 'admin'] as const) {
      const user = await createRegistryUser(env.db, COURT_A, role);
      sessions.set(role, await openRegistrySession(env.baseUrl, devA.credential, user.username));
    }
  });
  afterAll(async () => env?.stop());

  it('starts empty, and an admin replaces and reads the whole table', async () => {
    expect(await adminRead()).toEqual({
      closures: [],
      settings: [],
      updatedAt: null,
      updatedBy: null,
    });
    const put = await call('admin', 'PUT', '/v1/admin/court-calendar', table);
    const stored = put.body as CourtCalendarAdminView;
    // Stored sorted by court in byte order ('*' first), then date.
    expect(stored.closures).toEqual([table.closures[2], table.closures[1], table.closures[0]]);
    expect(stored.settings).toEqual([table.settings[1], table.settings[0]]);
    expect(stored.updatedBy).toMatch(/^admin-/);
    expect(await adminRead()).toEqual(stored);
    // The guard records the administrator's change in the court's audit chain.
    expect((await newestAudit())?.payload).toMatchObject({
      action: 'calendar.manage',
      outcome: 'success',
    });
  });

  it('gives each workstation its own court’s rows and the * rows, never another court’s', async () => {
    const a = (await call(null, 'GET', '/v1/court-calendar')).body;
    expect(a).toMatchObject({
      court: COURT_A,
      closures: [
        { court: '*', date: '2026-12-24' },
        { court: COURT_A, date: '2026-11-03', reason: 'Water main break' },
      ],
      settings: [{ court: COURT_A, closeOfBusiness: '16:00' }],
    });
    expect(JSON.stringify(a)).not.toContain(COURT_B);
    const b = (await call(null, 'GET', '/v1/court-calendar', undefined, devB)).body;
    expect(b).toMatchObject({
      court: COURT_B,
      closures: [{ court: '*' }, { court: COURT_B, date: '2026-11-04' }],
      settings: [{ court: COURT_B, closeOfBusiness: '17:30' }],
    });
    expect(JSON.stringify(b)).not.toContain(COURT_A);
  });

  it('refuses clerks, supervisors and unenrolled callers, audits each, and changes nothing', async () => {
    const before = await adminRead();
    for (const role of ['clerk', 'supervisor'] as const) {
      for (const [method, json] of [
        ['GET', undefined],
        ['PUT', { closures: [], settings: [] }],
      ] as const) {
        const last = (await newestAudit())?.id ?? 0;
        const error = await call(role, method, '/v1/admin/court-calendar', json).catch(
          (e: unknown) => e,
        );
        expect(error, `${role} ${method}`).toBeInstanceOf(RegistryHttpError);
        expect((error as RegistryHttpError).status).toBe(403);
        const audit = await newestAudit();
        expect(audit?.id).toBeGreaterThan(last);
        expect(audit?.payload).toMatchObject({ action: 'calendar.manage', outcome: 'denied' });
      }
    }
    const anonymous = await request(
      { baseUrl: env.baseUrl, timeoutMs: 20_000 },
      { method: 'GET', path: '/v1/court-calendar' },
    ).catch((e: unknown) => e);
    expect((anonymous as RegistryHttpError).status).toBe(401);
    expect(await adminRead()).toEqual(before);
  });

  it('answers a bad table with 400 naming every bad row, and keeps the old table', async () => {
    const before = await adminRead();
    const bad = {
      closures: [
        { court: COURT_A, date: '2026-11-10', reason: 'Fine row' },
        { court: COURT_A, date: '2026-02-30', reason: 'Not a date' },
        { court: 'ca034999j', date: '2026-11-12', reason: 'Lower-case ORI' },
        { court: COURT_A, date: '2026-11-10', reason: 'Twice' },
      ],
      settings: [{ court: COURT_A, closeOfBusiness: '5pm' }],
    };
    const error = await call('admin', 'PUT', '/v1/admin/court-calendar', bad).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RegistryHttpError);
    const e = error as RegistryHttpError;
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/not changed/);
    const issues = (e.body as { error: { issues: string[] } }).error.issues;
    expect(issues).toEqual([
      expect.stringMatching(/^closures row 2 \(CA034999J 2026-02-30\), date: .*real date/),
      expect.stringMatching(/^closures row 3 \(ca034999j 2026-11-12\), court: .*ORI/),
      expect.stringMatching(/^settings row 1 \(CA034999J 5pm\), closeOfBusiness: .*HH:MM/),
      expect.stringMatching(/^closures row 4 .*already closed on 2026-11-10 \(closures row 1\)/),
    ]);
    const missing = await call('admin', 'PUT', '/v1/admin/court-calendar', { closures: [] }).catch(
      (x: unknown) => x,
    );
    expect((missing as RegistryHttpError).status).toBe(400);
    expect((missing as RegistryHttpError).message).toMatch(/settings/);
    expect(await adminRead()).toEqual(before);
  });

  it('moves the relay’s due-by past the court’s closure, and only that court’s', async () => {
    // Issued Monday 2 Nov 2026; court A is closed Tuesday 3 Nov (court B on Wednesday 4 Nov).
    const orderA = makeOrder(1, { tag: 901, court: COURT_A });
    const orderB = makeOrder(2, { tag: 902, court: COURT_B });
    await devA.client.push([await submit(devA.deviceId, 1, orderA)]);
    await devB.client.push([await submit(devB.deviceId, 1, orderB)]);
    await relayNext();
    // Without closures both would be due at the end of Tuesday 3 Nov.
    expect(await dueBy(orderA.id)).toEqual(['2026-11-04T23:59:59.999-08:00']);
    expect(await dueBy(orderB.id)).toEqual(['2026-11-03T23:59:59.999-08:00']);
  });

  it('serves a change another process made (CLI, second registry) without a restart', async () => {
    await replaceCourtCalendar(
      env.db,
      { closures: [{ court: COURT_A, date: '2026-11-05', reason: 'Elsewhere' }], settings: [] },
      'command line',
    );
    const a = (await call(null, 'GET', '/v1/court-calendar')).body;
    expect(a).toMatchObject({
      closures: [{ court: COURT_A, date: '2026-11-05', reason: 'Elsewhere' }],
      settings: [],
    });
    expect((await adminRead()).updatedBy).toBe('command line');
    // The relay uses the same copy: issued Wednesday 4 Nov, closed Thursday → due Friday.
    const order: Record<string, unknown> = {
      ...makeOrder(3, { tag: 903 }),
      issuedAt: '2026-11-04T10:00:00-08:00',
    };
    await devA.client.push([await submit(devA.deviceId, 2, order)]);
    await relayNext();
    expect(await dueBy(order.id)).toEqual(['2026-11-06T23:59:59.999-08:00']);
  });
});
