/**
 * Registry sign-in (PGlite): the same 5-failure / 10-minute lockout as the workstation with an
 * injectable clock, sessions that end after 30 idle minutes and only work on the device that
 * opened them, account management without self-elevation, and the CLI (`add-user`,
 * `verify-audit` exit codes, anchors).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appendRegistryEvent } from '../../../src/registry/audit/auditLog';
import { RegistryClient } from '../../../src/registry/client/registryClient';
import { request, RegistryHttpError } from '../../../src/registry/client/http';
import { DEFAULT_LIMITS } from '../../../src/registry/config';
import { openDatabase } from '../../../src/registry/db/open';
import type { Db } from '../../../src/registry/db/types';
import { buildRegistry } from '../../../src/registry/server';
import type { FastifyInstance } from 'fastify';
import { TEST_KDF, TEST_PASSWORD } from '../../helpers/auth';
import { createRegistryUser, openRegistrySession } from '../../helpers/registryAuth';
import { ADMIN_CODE, freshPgliteDir } from '../registry/env';

const run = promisify(execFile);
const COURT = 'CA034999J';
const MIN = 60_000;

let dir = '';
let db: Db;
let app: FastifyInstance;
let baseUrl = '';
let t = Date.parse('2026-03-02T17:00:00Z');
let credential = '';

async function call(
  method: string,
  path: string,
  session: string,
  json?: unknown,
  cred = credential,
) {
  try {
    const res = await request(
      { baseUrl, credential: cred, timeoutMs: 20_000 },
      {
        method: method as 'GET',
        path,
        headers: { 'x-clerk-session': session },
        ...(json !== undefined ? { json } : {}),
      },
    );
    return { status: res.status, body: res.body as Record<string, unknown> };
  } catch (error) {
    if (error instanceof RegistryHttpError)
      return { status: error.status, body: error.body as Record<string, unknown> };
    throw error;
  }
}

async function signIn(username: string, password: string) {
  return call('POST', '/v1/sessions', '', { username, password });
}

beforeAll(async () => {
  dir = await freshPgliteDir();
  db = await openDatabase({ dataDir: dir });
  app = buildRegistry({
    db,
    config: { adminCode: ADMIN_CODE, ...DEFAULT_LIMITS, logRequests: false },
    log: () => undefined,
    auth: { now: () => t, kdf: TEST_KDF },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  credential = (await new RegistryClient({ baseUrl }).enrol(ADMIN_CODE, COURT, 'counter'))
    .credential;
});

afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('registry sign-in', () => {
  it('locks an account after 5 failures for 10 minutes, and audits all 6 attempts', async () => {
    const user = await createRegistryUser(db, COURT, 'clerk', { username: 'lockme' });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await signIn('lockme', 'wrong-password'));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 403]);
    t += 10 * MIN - 1000;
    const sixth = await signIn('lockme', TEST_PASSWORD);
    expect(sixth.status).toBe(403);
    expect(JSON.stringify(sixth.body)).toMatch(/locked/);
    const rows = await db.query<{
      payload: { action: string; outcome: string; actor: { userId: string } | null };
    }>(
      `SELECT payload FROM audit_events WHERE payload->>'action' = 'session.sign-in' AND payload->'actor'->>'userId' = $1 ORDER BY id`,
      [user.userId],
    );
    expect(rows.map((r) => r.payload.outcome)).toEqual(Array(6).fill('failure'));
    t += 2000;
    expect((await signIn('lockme', TEST_PASSWORD)).status).toBe(201);
  });

  it('ends a session after 30 idle minutes, keeps it alive with use, and binds it to its device', async () => {
    const u = await createRegistryUser(db, COURT, 'supervisor');
    const token = await openRegistrySession(baseUrl, credential, u.username);
    for (let i = 0; i < 4; i += 1) {
      t += 20 * MIN;
      expect((await call('GET', '/v1/sessions/current', token)).status).toBe(200);
    }
    const other = (await new RegistryClient({ baseUrl }).enrol(ADMIN_CODE, COURT, 'other'))
      .credential;
    expect((await call('GET', '/v1/sessions/current', token, undefined, other)).status).toBe(401);
    t += 30 * MIN;
    expect((await call('GET', '/v1/sessions/current', token)).status).toBe(401);
  });

  it('refuses a user of another court on this court’s workstation', async () => {
    const u = await createRegistryUser(db, 'CA019015J', 'supervisor');
    expect((await signIn(u.username, TEST_PASSWORD)).status).toBe(403);
  });

  it('signs out', async () => {
    const u = await createRegistryUser(db, COURT, 'clerk');
    const token = await openRegistrySession(baseUrl, credential, u.username);
    expect((await call('DELETE', '/v1/sessions/current', token)).status).toBe(204);
    expect((await call('GET', '/v1/sessions/current', token)).status).toBe(401);
  });
});

describe('account management', () => {
  it('lets a supervisor manage counter accounts of the court, never their own role', async () => {
    const sup = await createRegistryUser(db, COURT, 'supervisor');
    const token = await openRegistrySession(baseUrl, credential, sup.username);
    const created = await call('POST', '/v1/users', token, {
      username: 'new.clerk',
      role: 'clerk',
      password: 'first-password',
    });
    expect(created.status).toBe(201);
    const id = String(created.body.userId);
    expect(
      (await call('PATCH', `/v1/users/${id}`, token, { role: 'courtroom', courtroom: 'Dept 3' }))
        .status,
    ).toBe(200);
    expect((await call('PATCH', `/v1/users/${id}`, token, { role: 'supervisor' })).status).toBe(
      403,
    );
    expect(
      (
        await call('POST', '/v1/users', token, {
          username: 'boss2',
          role: 'admin',
          password: 'first-password',
        })
      ).status,
    ).toBe(403);
    expect((await call('PATCH', `/v1/users/${sup.userId}`, token, { role: 'admin' })).status).toBe(
      403,
    );
    expect(
      (
        await call('POST', '/v1/users', token, {
          username: 'far.clerk',
          role: 'clerk',
          courtOri: 'CA019015J',
          password: 'first-password',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/v1/users', token, {
          username: 'weak.clerk',
          role: 'clerk',
          password: 'short',
        })
      ).status,
    ).toBe(400);
    const list = await call('GET', '/v1/users', token);
    expect((list.body.users as { courtOri: string }[]).every((u) => u.courtOri === COURT)).toBe(
      true,
    );
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt/);
  });

  it('lets an admin give the supervisor role and release a lockout, but not change their own role', async () => {
    const admin = await createRegistryUser(db, COURT, 'admin');
    const token = await openRegistrySession(baseUrl, credential, admin.username);
    const clerk = await createRegistryUser(db, COURT, 'clerk');
    expect(
      (await call('PATCH', `/v1/users/${clerk.userId}`, token, { role: 'supervisor' })).status,
    ).toBe(200);
    for (let i = 0; i < 5; i += 1) await signIn(clerk.username, 'wrong-password');
    expect((await signIn(clerk.username, TEST_PASSWORD)).status).toBe(403);
    expect(
      (await call('PATCH', `/v1/users/${clerk.userId}`, token, { releaseLockout: true })).status,
    ).toBe(200);
    expect((await signIn(clerk.username, TEST_PASSWORD)).status).toBe(201);
    expect(
      (await call('PATCH', `/v1/users/${admin.userId}`, token, { disabled: true })).status,
    ).toBe(403);
  });
});

describe('the command line', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['--import', 'tsx', 'src/registry/cli.ts', ...args], {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, ...env },
    }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );

  it('creates an account, then verifies the audit chain: 0 when intact, 1 after tampering', async () => {
    const pg = await freshPgliteDir();
    const anchors = join(mkdtempSync(join(tmpdir(), 'ccpor-anchors-')), 'anchors.json');
    try {
      const added = await cli(
        [
          'add-user',
          '--court',
          COURT,
          '--username',
          'first.admin',
          '--role',
          'admin',
          '--data-dir',
          pg,
        ],
        {
          REGISTRY_NEW_PASSWORD: 'a long first password',
        },
      );
      expect(added.out).toMatch(/Account first.admin \(admin, court CA034999J\) created/);
      const ok = await cli(['verify-audit', '--data-dir', pg, '--write-anchors', anchors]);
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.out).toMatch(/audit trail intact \(1 chains\)/);
      expect(JSON.parse(readFileSync(anchors, 'utf8'))).toHaveProperty(COURT);
      const d = await openDatabase({ dataDir: pg });
      await appendRegistryEvent(d, COURT, {
        actor: null,
        action: 'test.second',
        outcome: 'success',
        where: {},
      });
      await d.transaction(async (tx) => {
        await tx.query('SET LOCAL session_replication_role = replica');
        await tx.query(
          `UPDATE audit_events SET payload = jsonb_set(payload, '{reason}', '"edited"') WHERE court_seq = 1`,
        );
      });
      await d.close();
      const bad = await cli(['verify-audit', '--data-dir', pg, '--anchors', anchors]);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/PROBLEM changed in court CA034999J at row 1/);
      expect(bad.out).toMatch(/NOT intact/);
    } finally {
      rmSync(pg, { recursive: true, force: true });
    }
  });
});
