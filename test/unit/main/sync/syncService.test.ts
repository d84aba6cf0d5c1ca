/**
 * SyncService state changes over a scripted registry (a fetch stand-in): what the clerk is told
 * when there is no address, when the registry forgets this workstation (401), and that health
 * checks alone never clear "refused". The real registry is exercised in test/integration/sync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { SyncService } from '../../../../src/main/sync/syncService';
import type { SyncStatus } from '../../../../src/shared/ipc/contracts/sync';

const dirs: string[] = [];
const services: SyncService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Route = (init: RequestInit | undefined) => { status: number; body: unknown };

function fakeFetch(routes: Record<string, Route>): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const f = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    calls.push(key);
    const route = routes[key];
    if (!route) throw new TypeError('fetch failed');
    const { status, body } = route(init);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch & { calls: string[] };
  f.calls = calls;
  return f;
}

function make(env: Record<string, string>, fetchImpl: typeof fetch) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-sync-unit-'));
  dirs.push(dataDir);
  const seen: SyncStatus[] = [];
  const s = new SyncService({
    dataDir,
    env,
    fetch: fetchImpl,
    probeCapMs: 20,
    onlineCheckMs: 20,
    onChange: (st) => seen.push(st),
  });
  services.push(s);
  return { s, seen, dataDir };
}

async function until(s: SyncService, ok: (st: SyncStatus) => boolean) {
  const deadline = Date.now() + 5000;
  while (!ok(s.status())) {
    if (Date.now() > deadline) throw new Error(JSON.stringify(s.status()));
    await new Promise((r) => setTimeout(r, 5));
  }
}

const row = {
  localSeq: 1,
  idempotencyKey: 'order.submit:abc-123',
  kind: 'order.submit',
  payload: {},
};
const health = () => ({ status: 200, body: { status: 'ok' } });
let enrolments = 0;
const enrol = () => {
  enrolments += 1;
  return {
    status: 201,
    body: {
      deviceId: `0b6e2a1c-4d3f-4a7b-8c9d-00000000000${enrolments}`,
      courtOri: 'CA034999J',
      credential: `0b6e2a1c-4d3f-4a7b-8c9d-00000000000${enrolments}.${'s'.repeat(30)}`,
    },
  };
};

describe('SyncService', () => {
  it('without an address says so and keeps every row for later', async () => {
    const { s } = make({}, fakeFetch({}));
    s.start();
    expect(s.status()).toMatchObject({ connectivity: 'not-configured', urlSource: 'none' });
    const result = await s.pushBatch([row]);
    expect(result).toMatchObject({ reached: false, results: [{ outcome: 'retry' }] });
    expect(result.message).toMatch(/Settings/);
  });

  it('refuses to change an address the environment sets, and rejects a bad one', async () => {
    const { s } = make({ CLERK_REGISTRY_URL: 'http://127.0.0.1:9/' }, fakeFetch({}));
    s.start();
    expect(() => s.setRegistryUrl('https://elsewhere.example.gov/')).toThrow(/administrator/);
    const { s: own } = make({}, fakeFetch({}));
    own.start();
    expect(() => own.setRegistryUrl('http://10.1.2.3/')).toThrow(/https/);
    expect(own.setRegistryUrl('https://registry.example.gov')).toMatchObject({
      registryUrl: 'https://registry.example.gov/',
      urlSource: 'settings',
      connectivity: 'connecting',
    });
  });

  it('passes the registry’s Retry-After on to the outbox when it is busy', async () => {
    const f = fakeFetch({ 'GET /v1/health': health, 'POST /v1/enrol': enrol });
    const busy = (async (input: URL | RequestInfo, init?: RequestInit) =>
      new URL(String(input)).pathname === '/v1/mutations'
        ? new Response('{"error":{"code":"unavailable","message":"busy"}}', {
            status: 503,
            headers: { 'content-type': 'application/json', 'retry-after': '7' },
          })
        : f(input, init)) as typeof fetch;
    const { s } = make(
      {
        CLERK_REGISTRY_URL: 'http://127.0.0.1:4556/',
        CLERK_ENROL_CODE: 'demo',
        CLERK_COURT_ORI: 'CA034999J',
      },
      busy,
    );
    s.start();
    await until(s, (st) => st.connectivity === 'online');
    const answer = await s.pushBatch([row]);
    expect(answer).toMatchObject({ reached: false, retryAfterMs: 7000 });
    expect(s.status().connectivity).toBe('offline');
  });

  it('goes "refused" on a 401, a health check does not clear it, and demo mode enrols again', async () => {
    let refuse = true;
    const f = fakeFetch({
      'GET /v1/health': health,
      'POST /v1/enrol': enrol,
      'POST /v1/mutations': () =>
        refuse
          ? { status: 401, body: { error: { code: 'unauthenticated', message: 'enrol again' } } }
          : {
              status: 200,
              body: {
                deviceId: 'x',
                lastSeq: 1,
                results: [
                  {
                    seq: 1,
                    idempotencyKey: row.idempotencyKey,
                    outcome: 'applied',
                    httpStatus: 200,
                    result: { outcome: 'applied', kind: 'order.submit', status: 'at_registry' },
                  },
                ],
              },
            },
    });
    const env = { CLERK_REGISTRY_URL: 'http://127.0.0.1:4556/', CLERK_COURT_ORI: 'CA034999J' };
    const { s } = make(env, f);
    s.start();
    await until(s, (st) => st.connectivity === 'not-enrolled');
    await s.enrol({ code: 'one-time-code' });
    expect(s.status()).toMatchObject({ connectivity: 'online', enrolled: true });
    const first = await s.pushBatch([row]);
    expect(first.reached).toBe(false);
    expect(s.status().connectivity).toBe('refused');
    await new Promise((r) => setTimeout(r, 100)); // several health checks pass meanwhile
    expect(s.status().connectivity).toBe('refused');

    const demo = make({ ...env, CLERK_ENROL_CODE: 'demo-admin' }, f);
    demo.s.start();
    await until(demo.s, (st) => st.connectivity === 'online');
    const before = demo.s.status().deviceId;
    await demo.s.pushBatch([row]);
    refuse = false;
    await until(demo.s, (st) => st.connectivity === 'online' && st.deviceId !== before);
    expect((await demo.s.pushBatch([row])).results[0]?.outcome).toBe('at-registry');
  });
});
