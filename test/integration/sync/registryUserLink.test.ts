/**
 * The user's registry session held by main (src/main/sync/registryUserLink.ts) against a real
 * registry (PGlite, in process): a local sign-in opens it with the same password, calls carry it,
 * a wrong password or an ended session gives a clerk-readable `unavailable`, the registry's
 * matrix refusals come back as `forbidden`, and sign-out ends it at the registry too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SyncService } from '../../../src/main/sync/syncService';
import type { Principal } from '../../../src/shared/auth/principal';
import { ServiceError } from '../../../src/shared/ipc/envelope';
import { TEST_PASSWORD } from '../../helpers/auth';
import { createRegistryUser } from '../../helpers/registryAuth';
import { ADMIN_CODE, startEnv, type TestEnv } from '../registry/env';

const COURT = 'CA034999J';
let env: TestEnv;
let dataDir = '';
let sync: SyncService;

const principal = (username: string, role: Principal['role']): Principal => ({
  userId: `local-${username}`,
  username,
  displayName: username,
  role,
  courtOri: COURT,
  courtroom: '',
});

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  const outcome = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(ServiceError);
  return outcome as ServiceError;
}

beforeAll(async () => {
  env = await startEnv('pglite');
  await createRegistryUser(env.db, COURT, 'supervisor', { username: 'sup-one' });
  await createRegistryUser(env.db, COURT, 'clerk', { username: 'clerk-one' });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-userlink-'));
  sync = new SyncService({
    dataDir,
    env: {
      CLERK_REGISTRY_URL: env.baseUrl,
      CLERK_ENROL_CODE: ADMIN_CODE,
      CLERK_COURT_ORI: COURT,
    },
    probeCapMs: 300,
    requestTimeoutMs: 5000,
  });
  sync.start();
  const deadline = Date.now() + 30_000;
  while (sync.status().connectivity !== 'online') {
    if (Date.now() > deadline) throw new Error(JSON.stringify(sync.status()));
    await new Promise((r) => setTimeout(r, 50));
  }
});

afterAll(async () => {
  sync?.close();
  await env?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the registry user session', () => {
  it('is opened at sign-in and carried by calls made as that user', async () => {
    const sup = principal('sup-one', 'supervisor');
    await sync.userLink.open(sup, TEST_PASSWORD);
    expect(sync.userLink.state()).toMatchObject({ signedIn: true, username: 'sup-one' });
    const page = await sync.userLink.withUser(sup, (c) => c.search({ name: 'NOBODY' }));
    expect(page.results).toEqual([]);
  });

  it('refuses a call made as someone else than the session user', async () => {
    const other = principal('clerk-one', 'clerk');
    const error = await failure(
      sync.userLink.withUser(other, (c) => c.search({ caseNumber: 'X' })),
    );
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/not signed in at the registry/);
  });

  it('passes the registry matrix refusal through as forbidden with its reason', async () => {
    const clerk = principal('clerk-one', 'clerk');
    await sync.userLink.open(clerk, TEST_PASSWORD);
    // Clerks may search the registry by case number only.
    const error = await failure(sync.userLink.withUser(clerk, (c) => c.search({ name: 'SMITH' })));
    expect(error.code).toBe('forbidden');
    expect(error.message.length).toBeGreaterThan(10);
    const ok = await sync.userLink.withUser(clerk, (c) => c.search({ caseNumber: '26FL000001' }));
    expect(ok.results).toEqual([]);
  });

  it('says why when the registry refuses the password', async () => {
    const sup = principal('sup-one', 'supervisor');
    await sync.userLink.open(sup, 'not-the-password');
    expect(sync.userLink.state()).toMatchObject({ signedIn: false });
    const error = await failure(sync.userLink.withUser(sup, (c) => c.search({ name: 'X' })));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/did not accept your sign-in/);
  });

  it('ends the session at the registry on sign-out', async () => {
    const sup = principal('sup-one', 'supervisor');
    await sync.userLink.open(sup, TEST_PASSWORD);
    const state = sync.userLink.state();
    expect(state.signedIn).toBe(true);
    sync.userLink.end();
    expect(sync.userLink.state()).toMatchObject({ signedIn: false });
    const error = await failure(sync.userLink.withUser(sup, (c) => c.search({ name: 'X' })));
    expect(error.code).toBe('unavailable');
  });
});
