/**
 * Peers for the review suites: the registry served in-process on a fresh database (PGlite copy
 * or a PostgreSQL 15 database) with a movable deadline clock, one enrolled workstation, registry
 * accounts (clerk, two supervisors, a third supervisor), each signed in with its own session,
 * the CLETS simulator (in-process, real TCP) and the relay worker on the database — the
 * `--clets` form of the registry.
 */
import type { FastifyInstance } from 'fastify';

import { startSimulator, type RunningSimulator } from '../../../src/registry/clets-sim/server';
import { payloadHash } from '../../../src/registry/client/canonicalJson';
import { RegistryClient } from '../../../src/registry/client/registryClient';
import { DEFAULT_LIMITS } from '../../../src/registry/config';
import { openDatabase } from '../../../src/registry/db/open';
import type { Db } from '../../../src/registry/db/types';
import type { OrderState } from '../../../src/registry/pull/changes';
import type { MutationInput, PushResponse } from '../../../src/registry/push/types';
import { DbRelayStore } from '../../../src/registry/relay/dbStore';
import { RelayWorker } from '../../../src/registry/relay/worker';
import { buildRegistry } from '../../../src/registry/server';
import type { Role } from '../../../src/shared/auth/roles';
import type { MutationActor } from '../../../src/shared/review/actor';
import { TEST_KDF } from '../../helpers/auth';
import { createRegistryUser, openRegistrySession, withSession } from '../../helpers/registryAuth';
import { freshDatabase, type Backend } from '../registry/env';
import { scratch, waitFor } from '../relay/harness';

const ADMIN = 'review-test-admin-code';
export const COURT = 'CA034999J';

/** A registry account signed in on the test workstation. */
export type SignedIn = {
  readonly actor: MutationActor;
  /** Device credential + this user's X-Clerk-Session. */
  readonly client: RegistryClient;
};

export type ReviewEnv = {
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  readonly sim: RunningSimulator;
  readonly clock: { now: Date };
  readonly users: Readonly<Record<'clerk' | 'sup1' | 'sup2' | 'sup3' | 'courtroom', SignedIn>>;
  /** Pushes one mutation as the workstation; returns the registry's answer for it. */
  push(kind: string, payload: unknown): Promise<PushResponse['results'][number]>;
  /** The court's orders as the workstation's pull feed shows them now. */
  pullAll(): Promise<Map<string, OrderState>>;
  /** Waits until the feed shows the order at `version` with nothing open at CLETS. */
  settled(orderId: string, version: number): Promise<OrderState>;
  stop(): Promise<void>;
};

/** Starts everything on `backend`. */
export async function startReviewEnv(backend: Backend): Promise<ReviewEnv> {
  const fresh = await freshDatabase(backend);
  const db = await openDatabase({ dataDir: fresh.dataDir, databaseUrl: fresh.databaseUrl });
  const clock = { now: new Date() };
  const app = buildRegistry({
    db,
    config: { adminCode: ADMIN, ...DEFAULT_LIMITS, logRequests: false },
    relay: { clock: () => clock.now },
    auth: { kdf: TEST_KDF },
    log: () => undefined,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const enrolment = await new RegistryClient({ baseUrl }).enrol(ADMIN, COURT, 'review tests');
  const device = new RegistryClient({
    baseUrl,
    credential: enrolment.credential,
    timeoutMs: 30_000,
  });

  async function account(role: Role, username: string): Promise<SignedIn> {
    const user = await createRegistryUser(db, COURT, role, { username });
    const token = await openRegistrySession(baseUrl, enrolment.credential, username);
    return {
      // A workstation's own account id differs from the registry's: only the user name matches.
      actor: { userId: `ws-${username}`, username, displayName: user.displayName, role },
      client: new RegistryClient({
        baseUrl,
        credential: enrolment.credential,
        timeoutMs: 30_000,
        fetch: withSession(token),
      }),
    };
  }
  const users = {
    clerk: await account('clerk', 'clerk.review'),
    sup1: await account('supervisor', 'sup.one'),
    sup2: await account('supervisor', 'sup.two'),
    sup3: await account('supervisor', 'sup.three'),
    courtroom: await account('courtroom', 'court.room'),
  };

  const tmp = scratch('ccpor-review-');
  const sim = await startSimulator({
    port: 0,
    controlPort: 0,
    stateFile: `${tmp.dir}/state.jsonl`,
  });
  const worker = new RelayWorker({
    store: new DbRelayStore(db),
    clets: { host: '127.0.0.1', port: sim.port },
    maxIdleMs: 50,
  }).start();

  let seq = 0;
  let cursor = '';
  const cache = new Map<string, OrderState>();
  const pullAll = async () => {
    for (;;) {
      const page = await device.pull(cursor, 1000);
      for (const c of page.changes) if (c.entity === 'order') cache.set(c.id, c.order);
      cursor = page.cursor;
      if (!page.hasMore) return cache;
    }
  };

  return {
    db,
    app,
    baseUrl,
    sim,
    clock,
    users,
    async push(kind, payload) {
      seq += 1;
      const mutation: MutationInput = {
        deviceId: enrolment.deviceId,
        seq,
        idempotencyKey: `review-test-${enrolment.deviceId}-${seq}`,
        payloadHash: await payloadHash(payload),
        kind,
        payload,
      };
      const response = await device.push([mutation]);
      const result = response.results[0];
      if (!result) throw new Error('no result');
      return result;
    },
    pullAll,
    settled(orderId, version) {
      return waitFor(`order ${orderId} v${version} to settle`, async () => {
        const order = (await pullAll()).get(orderId);
        const done = order && order.version === version && order.clets && order.clets.open === 0;
        return done && (order.status === 'acknowledged' || order.status === 'rejected')
          ? order
          : undefined;
      });
    },
    async stop() {
      await worker.stop();
      await sim.close();
      await app.close();
      await db.close();
      fresh.cleanup();
      tmp.cleanup();
    },
  };
}
