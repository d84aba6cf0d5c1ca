/**
 * Test environment for the registry suites: one database per suite on either backend, the
 * registry served in-process on a free loopback port, and enrolment shortcuts.
 *
 * - 'pglite': a copy of a migrated template data dir (initdb of PGlite costs ~3 s; a copy
 *   costs ~0.1 s), opened from a temp dir and deleted afterwards;
 * - 'postgres': a private PostgreSQL 15 cluster started by test/helpers/postgres.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';

import { RegistryClient } from '../../../src/registry/client/registryClient';
import { DEFAULT_LIMITS } from '../../../src/registry/config';
import { migrations } from '../../../src/registry/db/migrations';
import { openDatabase } from '../../../src/registry/db/open';
import { openPglite } from '../../../src/registry/db/pglite';
import type { Db } from '../../../src/registry/db/types';
import type { PushHooks } from '../../../src/registry/push/pushService';
import type { RelayRouteOptions } from '../../../src/registry/relay/routes';
import { buildRegistry } from '../../../src/registry/server';
import { TEST_KDF } from '../../helpers/auth';
import { startPostgres, type PgCluster } from '../../helpers/postgres';
import { createRegistryUser, openRegistrySession, withSession } from '../../helpers/registryAuth';

export type Backend = 'pglite' | 'postgres';

/** Every registry suite runs against both. */
export const BACKENDS: readonly Backend[] = ['pglite', 'postgres'];

export const ADMIN_CODE = 'test-admin-code-1234';

export type EnrolledDevice = {
  readonly deviceId: string;
  readonly courtOri: string;
  readonly credential: string;
  /** X-Clerk-Session of a supervisor of the court, signed in on this device (search, reads). */
  readonly session: string;
  /** Sends the device credential and the supervisor's session. */
  readonly client: RegistryClient;
};

export type TestEnv = {
  readonly backend: Backend;
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  /** postgres:// URL of the suite's database ('postgres' backend only). */
  readonly databaseUrl: string | undefined;
  /** PGlite data dir ('pglite' backend only; closed databases only). */
  readonly dataDir: string | undefined;
  enrol(courtOri: string, label?: string): Promise<EnrolledDevice>;
  stop(): Promise<void>;
};

export type EnvOptions = {
  readonly pushHooks?: PushHooks;
  /** Relay routes' token and clock (the court calendar suite expands CLETS transactions). */
  readonly relay?: RelayRouteOptions;
};

const schemaTag = createHash('sha256')
  .update(migrations.map((m) => `${m.version}:${m.sql}`).join('\n'))
  .digest('hex')
  .slice(0, 12);

/** A PGlite data dir built once by `build` and shared by all suites (keyed by `name`). */
async function pgliteTemplate(
  name: string,
  build: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = path.join(os.tmpdir(), `ccpor-registry-pglite-${name}`);
  if (existsSync(dir)) return dir;
  // Templates of older schema versions are never used again: drop them.
  const family = name.replace(/-[0-9a-f]{12}$/, '-');
  for (const entry of readdirSync(os.tmpdir())) {
    if (entry.startsWith(`ccpor-registry-pglite-${family}`) && entry !== path.basename(dir)) {
      rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
    }
  }
  const building = mkdtempSync(path.join(os.tmpdir(), 'ccpor-registry-template-build-'));
  await build(building);
  try {
    renameSync(building, dir); // atomic: a concurrent builder's copy wins, ours is dropped
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

function copyOf(template: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-registry-pglite-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** A fresh, migrated PGlite data dir in a temp folder. */
export async function freshPgliteDir(): Promise<string> {
  const template = await pgliteTemplate(`migrated-${schemaTag}`, async (dir) => {
    const db = await openDatabase({ dataDir: dir });
    await db.close();
  });
  return copyOf(template);
}

/** A fresh PGlite data dir with no schema at all (for the migration tests). */
export async function emptyPgliteDir(): Promise<string> {
  const template = await pgliteTemplate('empty-v1', async (dir) => {
    const db = await openPglite(dir);
    await db.close();
  });
  return copyOf(template);
}

let cluster: PgCluster | undefined;

/** The suite's PostgreSQL cluster (started on first use; stop it with `stopCluster`). */
export async function pgCluster(): Promise<PgCluster> {
  cluster ??= await startPostgres();
  return cluster;
}

/** Stops the suite's PostgreSQL cluster if one was started. */
export async function stopCluster(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}

/** A fresh database on `backend`: PGlite dir or PostgreSQL URL (not opened). */
export async function freshDatabase(
  backend: Backend,
): Promise<{ dataDir?: string; databaseUrl?: string; cleanup(): void }> {
  if (backend === 'pglite') {
    const dataDir = await freshPgliteDir();
    return { dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const pg = await pgCluster();
  const databaseUrl = await pg.createDatabase(`reg_${randomUUID().replace(/-/g, '').slice(0, 16)}`);
  return { databaseUrl, cleanup: () => undefined };
}

/** Opens a fresh database on `backend` and serves the registry on a free loopback port. */
export async function startEnv(backend: Backend, options: EnvOptions = {}): Promise<TestEnv> {
  const fresh = await freshDatabase(backend);
  const db = await openDatabase({
    dataDir: fresh.dataDir,
    databaseUrl: fresh.databaseUrl,
    poolSize: 30,
  });
  const app = buildRegistry({
    db,
    config: { adminCode: ADMIN_CODE, ...DEFAULT_LIMITS, logRequests: false },
    auth: { kdf: TEST_KDF },
    ...(options.pushHooks ? { pushHooks: options.pushHooks } : {}),
    ...(options.relay ? { relay: options.relay } : {}),
    log: () => undefined,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}/`;
  return {
    backend,
    db,
    app,
    baseUrl,
    databaseUrl: fresh.databaseUrl,
    dataDir: fresh.dataDir,
    async enrol(courtOri: string, label = 'test workstation'): Promise<EnrolledDevice> {
      const enrolment = await new RegistryClient({ baseUrl }).enrol(ADMIN_CODE, courtOri, label);
      const supervisor = await createRegistryUser(db, courtOri, 'supervisor');
      const session = await openRegistrySession(baseUrl, enrolment.credential, supervisor.username);
      return {
        ...enrolment,
        session,
        client: new RegistryClient({
          baseUrl,
          credential: enrolment.credential,
          timeoutMs: 20_000,
          fetch: withSession(session),
        }),
      };
    },
    async stop(): Promise<void> {
      await app.close();
      await db.close();
      fresh.cleanup();
    },
  };
}
