/**
 * Main's SyncService against a real registry child process (embedded PGlite): automatic
 * enrolment, push, duplicate, rejection → needs-attention without a seq gap, offline → retry
 * and back online on its own, pull, page upload, and a restart that keeps the numbering.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SyncService } from '../../../src/main/sync/syncService';
import type { SyncStatus } from '../../../src/shared/ipc/contracts/sync';
import { freePort } from '../../helpers/ports';

import { COURT, submitRow, testOrder } from './orders';
import { registryProcess, type RegistryProcess } from './registryProcess';

let registry: RegistryProcess;
let dataDir: string;
const services: SyncService[] = [];

function service(): SyncService {
  const s = new SyncService({
    dataDir,
    env: {
      CLERK_REGISTRY_URL: registry.url,
      CLERK_ENROL_CODE: registry.adminCode,
      CLERK_COURT_ORI: COURT,
    },
    probeCapMs: 300,
    requestTimeoutMs: 5000,
  });
  services.push(s);
  s.start();
  return s;
}

async function until(s: SyncService, ok: (st: SyncStatus) => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  while (!ok(s.status())) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s.status())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  registry = registryProcess({ port: await freePort() });
  await registry.start();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-sync-ws-'));
});

afterAll(async () => {
  for (const s of services) s.close();
  await registry?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SyncService against a registry process', () => {
  let sync: SyncService;

  it('enrols on its own, keeps the credential in a 0600 file and never reports it', async () => {
    sync = service();
    await until(sync, (s) => s.connectivity === 'online' && s.enrolled, 'enrolment');
    const status = sync.status();
    expect(status.courtOri).toBe(COURT);
    const file = path.join(dataDir, 'sync', 'credential.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { credential } = JSON.parse(readFileSync(file, 'utf8')) as { credential: string };
    expect(credential.startsWith(status.deviceId ?? 'x')).toBe(true);
    expect(JSON.stringify(status)).not.toContain(credential.split('.')[1]);
  });

  it('pushes an order to the registry, and a resend is a duplicate of the same result', async () => {
    const row = submitRow(1, testOrder(1, 1));
    const first = await sync.pushBatch([row]);
    expect(first.reached).toBe(true);
    expect(first.results).toEqual([
      expect.objectContaining({ outcome: 'at-registry', registryStatus: 'at_registry' }),
    ]);
    const again = await sync.pushBatch([row]);
    expect(again.results[0]).toMatchObject({ outcome: 'at-registry', version: 1 });
  });

  it('sends a rejected row to needs-attention with the reason, and the next row is not held', async () => {
    const bad = testOrder(1, 2) as Record<string, unknown>;
    delete bad.restrained;
    const otherCourt = testOrder(1, 3) as Record<string, unknown>;
    otherCourt.court = { ori: 'CA019015J', name: 'Other court' };
    const result = await sync.pushBatch([
      submitRow(2, bad),
      submitRow(3, otherCourt),
      { localSeq: 4, idempotencyKey: 'made.up:kind-0001', kind: 'made.up', payload: {} },
      submitRow(5, testOrder(1, 5)),
    ]);
    expect(result.results.map((r) => [r.outcome, r.reason])).toEqual([
      ['needs-attention', expect.stringMatching(/^invalid-/)],
      ['needs-attention', 'wrong-court'],
      ['needs-attention', 'unknown-kind'],
      ['at-registry', undefined],
    ]);
    expect(result.results[0]?.message).toMatch(/restrained/);
  });

  it('sends other registered kinds like orders (a proof of service)', async () => {
    const order = testOrder(1, 1);
    const result = await sync.pushBatch([
      {
        localSeq: 6,
        idempotencyKey: 'service.record:proof-0001',
        kind: 'service.record',
        payload: { orderId: order.id, record: { id: 'proof-0001', servedBy: 'Deputy' } },
      },
    ]);
    expect(result.results[0]).toMatchObject({ outcome: 'at-registry' });
  });

  it('pulls the court’s orders with their registry status', async () => {
    const page = await sync.pullChanges('', 100);
    expect(page.reached).toBe(true);
    const ids = page.changes.flatMap((c) => (c.kind === 'order' ? [c.orderId] : []));
    expect(ids).toEqual(expect.arrayContaining([testOrder(1, 1).id, testOrder(1, 5).id]));
    expect(ids).not.toContain(testOrder(1, 2).id);
    const order = page.changes.find((c) => c.kind === 'order');
    expect(order).toMatchObject({ status: 'at_registry', courtOri: COURT });
    const next = await sync.pullChanges(page.cursor, 100);
    expect(next.changes).toEqual([]);
  });

  it('uploads a page image and refuses bytes that do not match their recorded hash', async () => {
    const bytes = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const done = await sync.uploadPage(bytes);
    expect(done).toMatchObject({ outcome: 'uploaded' });
    const wrong = await sync.uploadPage(bytes, 'f'.repeat(64));
    expect(wrong.outcome).toBe('refused');
  });

  it('goes offline when the registry stops, keeps rows for later, and comes back on its own', async () => {
    await registry.stop();
    const row = submitRow(7, testOrder(1, 7));
    const down = await sync.pushBatch([row]);
    expect(down.reached).toBe(false);
    expect(down.results).toEqual([expect.objectContaining({ outcome: 'retry' })]);
    expect(sync.status().connectivity).toBe('offline');
    await registry.start();
    await until(sync, (s) => s.connectivity === 'online', 'back online');
    const up = await sync.pushBatch([row]);
    expect(up.results[0]).toMatchObject({ outcome: 'at-registry' });
  });

  it('after a restart keeps numbering from the registry, with or without its remembered seq', async () => {
    sync.close();
    const restarted = service();
    await until(restarted, (s) => s.connectivity === 'online', 'online after restart');
    const a = await restarted.pushBatch([
      submitRow(8, testOrder(1, 8)),
      submitRow(9, testOrder(1, 9)),
    ]);
    expect(a.results.map((r) => r.outcome)).toEqual(['at-registry', 'at-registry']);
    restarted.close();
    unlinkSync(path.join(dataDir, 'sync', 'push-state.json'));
    const forgetful = service();
    await until(forgetful, (s) => s.connectivity === 'online', 'online without push state');
    const b = await forgetful.pushBatch([
      submitRow(9, testOrder(1, 9)),
      submitRow(10, testOrder(1, 10)),
      submitRow(11, testOrder(1, 11)),
    ]);
    expect(b.results.map((r) => r.outcome)).toEqual(['at-registry', 'at-registry', 'at-registry']);
    const page = await forgetful.pullChanges('', 1000);
    const ids = page.changes.flatMap((c) => (c.kind === 'order' ? [c.orderId] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([testOrder(1, 10).id, testOrder(1, 11).id]));
    sync = forgetful;
  });

  it('refuses a wrong enrolment code with the registry’s words and keeps the credential', async () => {
    await expect(sync.enrol({ code: 'not-a-real-code' })).rejects.toThrow(/not valid/);
    expect(sync.status().enrolled).toBe(true);
  });
});
