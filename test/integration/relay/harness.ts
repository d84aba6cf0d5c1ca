/**
 * Peers for the relay suites: the registry served in-process on a fresh PGlite copy (with the
 * relay token and an injectable deadline clock), an enrolled workstation pushing real mutations,
 * the CLETS simulator as its own process, and the relay as its own process (SIGKILL-able).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';

import { payloadHash } from '../../../src/registry/client/canonicalJson';
import { RegistryClient } from '../../../src/registry/client/registryClient';
import { DEFAULT_LIMITS } from '../../../src/registry/config';
import { openDatabase } from '../../../src/registry/db/open';
import type { Db } from '../../../src/registry/db/types';
import type { OrderState } from '../../../src/registry/pull/changes';
import type { MutationInput } from '../../../src/registry/push/types';
import type { DeadlineLists } from '../../../src/registry/relay/deadlines';
import { buildRegistry } from '../../../src/registry/server';
import { freePort } from '../../helpers/ports';
import { freshDatabase, type Backend } from '../registry/env';

const ADMIN = 'relay-test-admin-code';
export const RELAY_TOKEN = 'relay-test-token-0123456789';
export const COURT = 'CA034999J';
const ROOT = path.resolve(__dirname, '../../..');

/** A registry with one enrolled workstation. */
export type RelayEnv = {
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  /** Set `clock.now` to move the deadline lists' clock. */
  readonly clock: { now: Date };
  submit(orders: readonly unknown[]): Promise<void>;
  modify(order: unknown, baseVersion: number): Promise<void>;
  serve(orderId: string, record: Record<string, unknown>): Promise<void>;
  /** The court's orders as a workstation's pull feed shows them. */
  pullAll(): Promise<Map<string, OrderState>>;
  deadlines(): Promise<DeadlineLists>;
  stop(): Promise<void>;
};

/** Starts the registry on a fresh database (a PGlite copy, or a new PostgreSQL 15 database). */
export async function startRelayEnv(
  start = new Date(),
  backend: Backend = 'pglite',
): Promise<RelayEnv> {
  const fresh = await freshDatabase(backend);
  const db = await openDatabase({ dataDir: fresh.dataDir, databaseUrl: fresh.databaseUrl });
  const clock = { now: start };
  const app = buildRegistry({
    db,
    config: { adminCode: ADMIN, ...DEFAULT_LIMITS, logRequests: false },
    relay: { token: RELAY_TOKEN, clock: () => clock.now },
    log: () => undefined,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const enrolment = await new RegistryClient({ baseUrl }).enrol(ADMIN, COURT, 'relay tests');
  const client = new RegistryClient({
    baseUrl,
    credential: enrolment.credential,
    timeoutMs: 60_000,
  });
  let seq = 0;
  let cursor = '';
  const cache = new Map<string, OrderState>();

  async function push(kind: string, payloads: readonly unknown[]): Promise<void> {
    for (let i = 0; i < payloads.length; i += 200) {
      const mutations: MutationInput[] = [];
      for (const payload of payloads.slice(i, i + 200)) {
        seq += 1;
        mutations.push({
          deviceId: enrolment.deviceId,
          seq,
          idempotencyKey: `relay-test-${enrolment.deviceId}-${seq}`,
          payloadHash: await payloadHash(payload),
          kind,
          payload,
        });
      }
      const response = await client.push(mutations);
      const bad = response.results.filter((r) => r.outcome !== 'applied');
      if (bad.length > 0) throw new Error(`push refused: ${JSON.stringify(bad[0])}`);
    }
  }

  return {
    db,
    app,
    baseUrl,
    clock,
    submit: (orders) =>
      push(
        'order.submit',
        orders.map((order) => ({ order })),
      ),
    modify: (order, baseVersion) => push('order.modify', [{ order, baseVersion }]),
    serve: (orderId, record) => push('service.record', [{ orderId, record }]),
    async pullAll() {
      for (;;) {
        const page = await client.pull(cursor, 1000);
        for (const c of page.changes) if (c.entity === 'order') cache.set(c.id, c.order);
        cursor = page.cursor;
        if (!page.hasMore) return cache;
      }
    },
    async deadlines() {
      const response = await fetch(new URL('v1/clets/deadlines', baseUrl), {
        headers: { authorization: `Bearer ${enrolment.credential}` },
      });
      if (!response.ok) throw new Error(`deadlines: ${response.status} ${await response.text()}`);
      return (await response.json()) as DeadlineLists;
    },
    async stop() {
      await app.close();
      await db.close();
      fresh.cleanup();
    },
  };
}

/** A child process started with tsx, with its output kept for failure messages. */
export type Child = {
  readonly process: ChildProcess;
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

function startChild(script: string, args: readonly string[], ready: RegExp): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-20_000);
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({
          process: child,
          output: () => out,
          exited,
          async kill(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready.test(out))
        reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** The CLETS simulator in its own process, on free ports, with its state in `stateFile`. */
export type SimProcess = Child & { readonly port: number; readonly controlPort: number };

/** Starts the simulator CLI (pass the same ports and state file to restart it). */
export async function startSimProcess(
  stateFile: string,
  ports?: { port: number; controlPort: number },
): Promise<SimProcess> {
  const port = ports?.port ?? (await freePort());
  const controlPort = ports?.controlPort ?? (await freePort());
  const child = await startChild(
    'src/registry/clets-sim/cli.ts',
    ['--port', String(port), '--control-port', String(controlPort), '--state', stateFile],
    /CLETS simulator control on 127\.0\.0\.1:\d+/,
  );
  return { ...child, port, controlPort };
}

/** Starts the relay CLI against the registry and the simulator. */
export function startRelayProcess(baseUrl: string, cletsPort: number): Promise<Child> {
  return startChild(
    'src/registry/relay/cli.ts',
    ['--registry', baseUrl, '--clets', `127.0.0.1:${cletsPort}`, '--relay-token', RELAY_TOKEN],
    /CLETS relay running/,
  );
}

/** A scratch directory for state files. */
export function scratch(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `check` until it returns a value (not undefined) or the time runs out. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
