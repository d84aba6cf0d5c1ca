/**
 * `npm start`'s demo accounts: a workstation started with CLERK_DEMO=1 seeds them into an empty
 * account store (either shell), one without it has none; a registry seeds the same names and
 * passwords (`--demo-users`) without touching accounts that exist; and a demo user signed in
 * at the workstation gets a registry session, so per-user registry calls work in the demo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemoUsers } from '../../../src/registry/auth/demoUsers';
import { userByName } from '../../../src/registry/auth/users';
import { createWorkstation, type Workstation } from '../../../src/main/workstation';
import { demoUsers } from '../../../src/shared/auth/demoUsers';
import { TEST_KDF } from '../../helpers/auth';
import { enrolledWorkstation } from '../../helpers/enrolledWorkstation';
import { createRegistryUser } from '../../helpers/registryAuth';
import { ADMIN_CODE, startEnv, type TestEnv } from '../registry/env';

const dirs: string[] = [];
const stations: Workstation[] = [];
let env: TestEnv;

function workstation(extra: Record<string, string>, shell: 'host' | 'electron' = 'electron') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-demo-'));
  dirs.push(dataDir);
  const ws = createWorkstation({
    shell,
    dataDir,
    version: 'test',
    env: extra,
    auth: { kdf: TEST_KDF },
  });
  stations.push(ws);
  return ws;
}

beforeAll(async () => {
  env = await startEnv('pglite');
});

afterAll(async () => {
  for (const ws of stations) await ws.close();
  await env?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('demo accounts', () => {
  it('are seeded into an empty workstation only with CLERK_DEMO=1', async () => {
    const demo = workstation({ CLERK_DEMO: '1' });
    await demo.auth.ready;
    const names = (await demo.auth.store.users()).map((u) => u.username).sort();
    expect(names).toEqual(demoUsers.map((u) => u.username).sort());

    const plain = workstation({});
    await plain.auth.ready;
    expect(await plain.auth.store.users()).toEqual([]);
  });

  it('are added to a registry once, leaving an existing account as it was', async () => {
    const existing = await createRegistryUser(env.db, 'CA034999J', 'clerk', { username: 'clerk' });
    const created = await seedDemoUsers(env.db, { kdf: TEST_KDF });
    expect(created.sort()).toEqual(['admin', 'courtroom', 'supervisor']);
    expect((await userByName(env.db, 'clerk'))?.userId).toBe(existing.userId);
    expect(await seedDemoUsers(env.db, { kdf: TEST_KDF })).toEqual([]);
  });

  it('sign in at the workstation and at the registry with the same password', async () => {
    await seedDemoUsers(env.db, { kdf: TEST_KDF });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-demo-'));
    dirs.push(dataDir);
    const ws = await enrolledWorkstation({
      dataDir,
      registryUrl: env.baseUrl,
      enrolCode: ADMIN_CODE,
      courtOri: 'CA034999J',
      env: { CLERK_DEMO: '1' },
    });
    stations.push(ws);
    await ws.auth.ready;
    const ctx = { shell: 'host' as const, origin: 'test' };
    const supervisor = demoUsers.find((u) => u.username === 'supervisor');
    if (!supervisor) throw new Error('no demo supervisor');
    await ws.auth.sessions.signIn('supervisor', supervisor.password);
    const result = await ws.dispatcher.dispatch('search:search-registry', { name: 'NOBODY' }, ctx);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    const page = result.value as { results: unknown[] };
    expect(page.results).toEqual([]);
  });
});
