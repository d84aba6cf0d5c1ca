/**
 * The workstation's audit events reach the registry with the same guarantees as orders:
 * main's journal → the renderer's Dexie outbox (`audit.append` rows, the same durable outbox
 * orders use) → the registry's per-court hash chain. A hand-over interrupted between writing
 * and confirming never duplicates; the chain verifies at the end.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAuth, type Auth } from '../../../src/main/auth/authHandlers';
import { verifyAuditChains } from '../../../src/registry/audit/verify';
import { ClerkDb } from '../../../src/renderer/db/clerkDb';
import { auditOutboxKey, handOverAudit } from '../../../src/renderer/features/auth/auditHandover';
import { TEST_KDF } from '../../helpers/auth';
import { startEnv, stopCluster, type EnrolledDevice, type TestEnv } from '../registry/env';
import { COURT_A, mutation } from '../registry/fixtures';

let dir = '';
let auth: Auth;
let db: ClerkDb;
let env: TestEnv;
let dev: EnrolledDevice;

const source = () => ({
  listPending: (limit: number) => auth.journal.pending(limit),
  confirmQueued: (upTo: number) => auth.journal.confirmQueued(upTo),
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccpor-handover-'));
  auth = createAuth({
    dataDir: dir,
    publish: () => undefined,
    kdf: TEST_KDF,
    schedule: () => () => undefined,
  });
  db = new ClerkDb(`handover-${Date.now()}`);
  env = await startEnv('pglite');
  dev = await env.enrol(COURT_A);
});
afterAll(async () => {
  await auth.close();
  db.close();
  await env.stop();
  await stopCluster();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit hand-over', () => {
  it('writes each journal event once as an audit.append outbox row, even after an interrupted hand-over', async () => {
    for (let i = 0; i < 7; i += 1) {
      await auth.journal.record({
        actor: { userId: 'u1', username: 'casey', role: 'clerk' },
        action: 'order.print',
        outcome: 'success',
        subject: { kind: 'order', id: `o-${i}` },
      });
    }
    // First attempt: rows written, then the confirmation is lost (a crash before it).
    const lost = { ...source(), confirmQueued: () => Promise.reject(new Error('crash')) };
    await expect(handOverAudit(db, lost, 5)).rejects.toThrow('crash');
    expect(await db.outbox.count()).toBe(5);
    // Next attempt: the same five are offered again and skipped, the rest are added.
    expect(await handOverAudit(db, source(), 5)).toBe(2);
    expect(await auth.journal.pending(100)).toEqual([]);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.kind)).toEqual(Array(7).fill('audit.append'));
    expect(rows.map((r) => (r.payload as { event: { seq: number } }).event.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(7);
    expect(rows[0]?.idempotencyKey).toBe(
      auditOutboxKey((rows[0]?.payload as { event: never }).event),
    );
  });

  it('lands in the registry’s chain in order, and the chain verifies', async () => {
    const rows = await db.outbox.orderBy('seq').toArray();
    const batch = [];
    for (const [i, r] of rows.entries()) {
      batch.push(await mutation(dev.deviceId, i + 1, r.kind, r.payload, r.idempotencyKey));
    }
    const first = await dev.client.push(batch);
    expect(first.results.map((r) => r.outcome)).toEqual(Array(7).fill('applied'));
    // Sent again (a lost acknowledgement): duplicates, nothing new.
    const again = await dev.client.push(batch);
    expect(again.results.map((r) => r.outcome)).toEqual(Array(7).fill('duplicate'));
    const stored = await env.db.query<{ payload: { seq: number } }>(
      `SELECT payload FROM audit_events WHERE device_id = $1 ORDER BY court_seq`,
      [dev.deviceId],
    );
    expect(stored.map((s) => s.payload.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const report = await verifyAuditChains(env.db);
    expect(report.problems).toEqual([]);
  });
});
