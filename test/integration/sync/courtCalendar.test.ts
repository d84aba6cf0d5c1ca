/**
 * `calendar:get-court-rules` end to end: an administrator sets the court calendar at a real
 * registry (in-process, fresh PGlite); a real workstation (createWorkstation) enrols for court A,
 * fetches its court's rows, keeps them in its data folder, and answers any signed-in role through
 * the real dispatcher and access gate with court A's closures and close of business. After the
 * registry is gone and the workstation restarts, the same rules come from the kept copy.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CallContext } from '../../../src/main/ipc/dispatcher';
import { createWorkstation, type Workstation } from '../../../src/main/workstation';
import { request } from '../../../src/registry/client/http';
import type { SyncStatus } from '../../../src/shared/ipc/contracts/sync';
import { signInAs, TEST_KDF } from '../../helpers/auth';
import { enrolledWorkstation } from '../../helpers/enrolledWorkstation';
import { freePort } from '../../helpers/ports';
import { createRegistryUser, openRegistrySession } from '../../helpers/registryAuth';
import { ADMIN_CODE, startEnv, type TestEnv } from '../registry/env';
import { COURT_A, COURT_B } from '../registry/fixtures';

const ctx: CallContext = { shell: 'host', origin: 'test' };
const expected = { closures: ['2026-11-03', '2026-12-24'], closeOfBusiness: '16:00' };

let env: TestEnv | undefined;
let dataDir: string;
const workstations: Workstation[] = [];

async function rules(ws: Workstation): Promise<unknown> {
  const result = await ws.dispatcher.dispatch('calendar:get-court-rules', {}, ctx);
  return result.ok ? result.value : `refused: ${result.error.code}`;
}

beforeAll(async () => {
  env = await startEnv('pglite');
  const desk = await env.enrol(COURT_A, 'administrator desk');
  const admin = await createRegistryUser(env.db, COURT_A, 'admin');
  const session = await openRegistrySession(env.baseUrl, desk.credential, admin.username);
  await request(
    { baseUrl: env.baseUrl, credential: desk.credential, timeoutMs: 20_000 },
    {
      method: 'PUT',
      path: '/v1/admin/court-calendar',
      headers: { 'x-clerk-session': session },
      json: {
        closures: [
          { court: COURT_A, date: '2026-11-03', reason: 'Water main break' },
          { court: COURT_B, date: '2026-11-04', reason: 'Power outage' },
          { court: '*', date: '2026-12-24', reason: 'Christmas Eve' },
        ],
        settings: [
          { court: COURT_A, closeOfBusiness: '16:00' },
          { court: COURT_B, closeOfBusiness: '17:30' },
        ],
      },
    },
  );
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-court-calendar-'));
});

afterAll(async () => {
  for (const ws of workstations) await ws.close();
  await env?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the court rules on the workstation', () => {
  it('are refused signed out, and given to every signed-in role for its own court', async () => {
    const ws = await enrolledWorkstation({
      dataDir,
      registryUrl: env?.baseUrl ?? '',
      enrolCode: ADMIN_CODE,
      courtOri: COURT_A,
    });
    workstations.push(ws);
    expect(await rules(ws)).toBe('refused: forbidden');
    for (const role of ['clerk', 'courtroom', 'supervisor', 'admin'] as const) {
      await signInAs(ws, role, { courtOri: COURT_A });
      expect(await rules(ws), role).toEqual(expected);
    }
  });

  it('are kept in the data folder, court B’s rows not among them', () => {
    const file = path.join(dataDir, 'sync', 'court-calendar.json');
    expect(existsSync(file)).toBe(true);
    const kept = readFileSync(file, 'utf8');
    expect(kept).toContain('Water main break');
    expect(kept).not.toContain(COURT_B);
  });

  it('come from the kept copy after a restart with the registry gone', async () => {
    await workstations.pop()?.close();
    await env?.stop();
    env = undefined;
    const ws = createWorkstation({
      shell: 'host',
      dataDir,
      version: 'test',
      // The same registry address (the credential names it), nobody listening there any more.
      env: { CLERK_REGISTRY_URL: readRegistryUrl(), CLERK_COURT_ORI: COURT_A },
      auth: { kdf: TEST_KDF },
    });
    workstations.push(ws);
    const status = (await ws.handlers['sync:get-status']({}, ctx)) as SyncStatus;
    expect(status.enrolled).toBe(true);
    expect(status.connectivity).not.toBe('online');
    await signInAs(ws, 'clerk', { courtOri: COURT_A });
    expect(await rules(ws)).toEqual(expected);
  });

  it('are the defaults for a workstation that never reached a registry', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'ccpor-court-calendar-none-'));
    try {
      const ws = createWorkstation({
        shell: 'host',
        dataDir: empty,
        version: 'test',
        env: { CLERK_REGISTRY_URL: `http://127.0.0.1:${await freePort()}/` },
        auth: { kdf: TEST_KDF },
      });
      workstations.push(ws);
      await signInAs(ws, 'clerk', { courtOri: COURT_A });
      expect(await rules(ws)).toEqual({ closures: [], closeOfBusiness: '17:00' });
    } finally {
      await workstations.pop()?.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

/** The registry address the first workstation enrolled with (from its credential file). */
function readRegistryUrl(): string {
  const file = path.join(dataDir, 'sync', 'credential.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { registryUrl: string }).registryUrl;
}
