/**
 * Acceptance (issue 9, A-17) directly against the registry API, on PGlite and PostgreSQL 15:
 * every cell of the role matrix for every role, through each real route that performs the
 * action and through the access-decision endpoint (POST /v1/access-checks) with and without
 * the facts the cell's condition needs. Every refusal must be a 401/403 AND a new 'denied' row
 * in the court's audit chain. Result: 0 cells allowed that the matrix denies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { registeredRoutes } from '../../../src/registry/auth/guard';
import { routeRule } from '../../../src/registry/auth/routeActions';
import { request, RegistryHttpError } from '../../../src/registry/client/http';
import { actions } from '../../../src/shared/auth/actions';
import { roles, type Role } from '../../../src/shared/auth/roles';
import { createRegistryUser, openRegistrySession } from '../../helpers/registryAuth';
import {
  BACKENDS,
  startEnv,
  stopCluster,
  type EnrolledDevice,
  type TestEnv,
} from '../registry/env';
import { COURT_A, COURT_B, makeOrder, submit } from '../registry/fixtures';
import { expectedMark, satisfyingScope } from '../../unit/shared/auth/expectedMatrix';

afterAll(stopCluster);

type Probe = {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: (ctx: { orderId: string; clerkId: string }) => string;
  readonly json?: unknown;
  /** Roles the route lets through (hand-written from §5.2 and docs/security-roles.md). */
  readonly allowed: readonly Role[];
};

/** Each action's real routes, with who may use them. */
const routeProbes: Partial<Record<(typeof actions)[number], readonly Probe[]>> = {
  'session.unlock-own': [
    {
      method: 'GET',
      path: () => '/v1/sessions/current',
      allowed: ['clerk', 'courtroom', 'supervisor', 'admin'],
    },
  ],
  'registry.search': [
    // By name: supervisors only (clerks search by case number; courtroom staff need a calendar).
    { method: 'GET', path: () => '/v1/orders/search?name=Matrixton', allowed: ['supervisor'] },
    {
      method: 'GET',
      path: () => '/v1/orders/search?caseNumber=26FL000700',
      allowed: ['clerk', 'supervisor'],
    },
    { method: 'GET', path: (c) => `/v1/orders/${c.orderId}`, allowed: ['clerk', 'supervisor'] },
    {
      method: 'GET',
      path: (c) => `/v1/orders/${c.orderId}/history`,
      allowed: ['clerk', 'supervisor'],
    },
  ],
  'audit.view': [
    { method: 'GET', path: () => '/v1/audit?limit=5', allowed: ['supervisor'] },
    { method: 'GET', path: () => '/v1/audit/verify', allowed: ['supervisor'] },
  ],
  'users.manage': [
    { method: 'GET', path: () => '/v1/users', allowed: ['supervisor', 'admin'] },
    // Giving a clerk's account the courtroom role: a supervisor of the court or an admin.
    {
      method: 'PATCH',
      path: (c) => `/v1/users/${c.clerkId}`,
      json: { role: 'courtroom' },
      allowed: ['supervisor', 'admin'],
    },
    // Making someone a supervisor: an admin only.
    {
      method: 'PATCH',
      path: (c) => `/v1/users/${c.clerkId}`,
      json: { role: 'supervisor' },
      allowed: ['admin'],
    },
  ],
  // The court calendar table: administrators only (PUT is probed in registry/courtCalendar.test.ts).
  'calendar.manage': [
    { method: 'GET', path: () => '/v1/admin/court-calendar', allowed: ['admin'] },
  ],
};

describe.each(BACKENDS)('the role matrix at the registry on %s', (backend) => {
  let env: TestEnv;
  let dev: EnrolledDevice;
  const sessions = new Map<Role, string>();
  const userIds = new Map<Role, string>();
  const ctx = { orderId: '', clerkId: '' };
  const tally = { tried: 0, denied: 0, wronglyAllowed: 0, unaudited: 0 };

  async function newestAudit() {
    const rows = await env.db.query<{ id: number; payload: { outcome: string; action: string } }>(
      'SELECT id, payload FROM audit_events ORDER BY id DESC LIMIT 1',
    );
    return rows[0];
  }

  async function call(role: Role, method: string, path: string, json?: unknown) {
    const before = (await newestAudit())?.id ?? 0;
    let status = 200;
    try {
      await request(
        { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 20_000 },
        {
          method: method as 'GET',
          path,
          ...(json !== undefined ? { json } : {}),
          headers: { 'x-clerk-session': sessions.get(role) ?? '' },
          accept: [404],
        },
      );
    } catch (error) {
      status = error instanceof RegistryHttpError ? error.status : 0;
    }
    const refused = status === 401 || status === 403;
    let audited = false;
    if (refused) {
      const newest = await newestAudit();
      audited = (newest?.id ?? 0) > before && newest?.payload.outcome === 'denied';
    }
    return { status, refused, audited };
  }

  beforeAll(async () => {
    env = await startEnv(backend);
    dev = await env.enrol(COURT_A);
    const order = makeOrder(3, { tag: 700, last: 'Matrixton' });
    await dev.client.push([await submit(dev.deviceId, 1, order)]);
    ctx.orderId = String(order.id);
    for (const role of roles) {
      const user = await createRegistryUser(env.db, COURT_A, role, {
        courtroom: role === 'courtroom' ? 'Dept 12' : '',
      });
      userIds.set(role, user.userId);
      sessions.set(role, await openRegistrySession(env.baseUrl, dev.credential, user.username));
    }
  });
  afterAll(async () => {
    console.log(`[matrix/registry ${backend}] ${JSON.stringify(tally)}`);
    await env.stop();
    expect(tally.wronglyAllowed).toBe(0);
    expect(tally.unaudited).toBe(0);
  });

  it('has a rule for every route the registry serves', () => {
    const routes = registeredRoutes(env.app).filter(
      (r) => !r.startsWith('HEAD ') || r === 'HEAD /v1/pages/:sha256',
    );
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !routeRule(r.split(' ')[0] ?? '', r.split(' ')[1]))).toEqual([]);
  });

  describe.each(roles)('as %s', (role) => {
    it.each(actions)('%s: its routes and the access-decision endpoint', async (action) => {
      for (const probe of routeProbes[action] ?? []) {
        // Each PATCH works on a fresh clerk account, so one probe does not feed the next.
        ctx.clerkId = (await createRegistryUser(env.db, COURT_A, 'clerk')).userId;
        const path = probe.path(ctx);
        const r = await call(role, probe.method, path, probe.json);
        const allowed = probe.allowed.includes(role);
        tally.tried += 1;
        if (r.refused) tally.denied += 1;
        if (!allowed && !r.refused) tally.wronglyAllowed += 1;
        if (r.refused && !r.audited) tally.unaudited += 1;
        expect(r.refused, `${role} ${probe.method} ${path} → ${r.status}`).toBe(!allowed);
      }
      const userId = userIds.get(role) ?? '';
      const mark = expectedMark(action, role);
      for (const [scope, allowed] of [
        [satisfyingScope(action, role, userId, COURT_A), mark !== 'N'],
        [{}, mark === 'Y'],
        [
          { ...satisfyingScope(action, role, userId, COURT_A), targetCourt: COURT_B },
          role === 'admin' && action === 'users.manage',
        ],
      ] as const) {
        const before = (await newestAudit())?.id ?? 0;
        const res = await request(
          { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 20_000 },
          {
            method: 'POST',
            path: '/v1/access-checks',
            json: { action, scope },
            headers: { 'x-clerk-session': sessions.get(role) ?? '' },
          },
        );
        const answer = (res.body as { allowed: boolean }).allowed;
        tally.tried += 1;
        if (answer && !allowed) tally.wronglyAllowed += 1;
        expect(answer, `${role} ${action} ${JSON.stringify(scope)}`).toBe(allowed);
        if (!answer) {
          tally.denied += 1;
          const newest = await newestAudit();
          if (!((newest?.id ?? 0) > before && newest?.payload.outcome === 'denied'))
            tally.unaudited += 1;
        }
      }
    });
  });

  it('refuses user routes without a session, or with another device, and audits each', async () => {
    const other = await env.enrol(COURT_A, 'second counter');
    for (const [path, cred, session] of [
      ['/v1/audit', dev.credential, ''],
      ['/v1/orders/search?name=Matrixton', dev.credential, 'not-a-real-session-token-000000'],
      ['/v1/users', other.credential, sessions.get('supervisor') ?? ''],
    ] as const) {
      const before = (await newestAudit())?.id ?? 0;
      await expect(
        request(
          { baseUrl: env.baseUrl, credential: cred, timeoutMs: 20_000 },
          { method: 'GET', path, headers: { 'x-clerk-session': session } },
        ),
      ).rejects.toMatchObject({ status: 401 });
      const newest = await newestAudit();
      expect(newest?.id).toBeGreaterThan(before);
      expect(newest?.payload.outcome).toBe('denied');
    }
  });

  it('refuses a route nobody declared, for everyone, and audits it', async () => {
    // A route added without an entry in routeActions.ts (built on a second app on the same db).
    const { buildRegistry } = await import('../../../src/registry/server');
    const app = buildRegistry({
      db: env.db,
      config: { adminCode: undefined, maxPageBytes: 1024, maxChunkBytes: 1024, logRequests: false },
      log: () => undefined,
    });
    app.get('/v1/forgotten', async () => ({ secret: 'leaked' }));
    const res = await app.inject({ method: 'GET', url: '/v1/forgotten' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('leaked');
    expect((await newestAudit())?.payload).toMatchObject({
      action: 'route.undeclared',
      outcome: 'denied',
    });
    await app.close();
  });
});
