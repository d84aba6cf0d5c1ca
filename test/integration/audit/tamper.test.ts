/**
 * Acceptance (issue 9, A-16): the registry's audit trail is append-only and tamper-evident, on
 * PGlite and PostgreSQL 15.
 * - UPDATE, DELETE and TRUNCATE are refused by triggers (as the application connects);
 * - with the triggers bypassed (what a database superuser can do), every changed, deleted or
 *   inserted row is reported by the verifier: 1,000 random single-character edits, deletions
 *   and insertions, each made and checked inside a transaction that is then rolled back;
 * - a full rewrite of the chain's tail with recomputed hashes passes the chain check but not
 *   the anchors saved by an earlier run (R-AUD-3);
 * - an event missing from a workstation's own chain shows as a gap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AuditJournal } from '../../../src/main/audit/auditJournal';
import { contentOf, fromRaw, rowColumns, rowHash } from '../../../src/registry/audit/auditLog';
import {
  anchorsOf,
  verifyAuditChains,
  type VerifyReport,
} from '../../../src/registry/audit/verify';
import { request } from '../../../src/registry/client/http';
import type { Tx } from '../../../src/registry/db/types';
import type { WorkstationAuditEvent } from '../../../src/shared/auth/auditEvent';
import {
  BACKENDS,
  startEnv,
  stopCluster,
  type EnrolledDevice,
  type TestEnv,
} from '../registry/env';
import { COURT_A, COURT_B, mutation } from '../registry/fixtures';

afterAll(stopCluster);

const TRIALS = 1000;

/** Runs `tamper` with triggers bypassed, verifies, and rolls everything back. */
async function tampered(env: TestEnv, tamper: (tx: Tx) => Promise<void>): Promise<VerifyReport> {
  let report: VerifyReport | undefined;
  await env.db
    .transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tamper(tx);
      report = await verifyAuditChains(tx);
      throw new Error('roll back');
    })
    .catch((error: unknown) => {
      if ((error as Error).message !== 'roll back') throw error;
    });
  if (!report) throw new Error('no report');
  return report;
}

/** Positions of letters inside JSON strings (keys or values): a change there stays valid JSON. */
function letterSpots(json: string): number[] {
  const spots: number[] = [];
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json[i] ?? '';
    if (inString && c === '\\') i += 1;
    else if (c === '"') inString = !inString;
    else if (inString && /[a-z]/.test(c)) spots.push(i);
  }
  return spots;
}

async function journalEvents(n: number): Promise<WorkstationAuditEvent[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ccpor-tamper-journal-'));
  const journal = new AuditJournal({
    dataDir: dir,
    workstationId: 'ws-tamper',
    deviceId: () => null,
  });
  const events: WorkstationAuditEvent[] = [];
  for (let i = 0; i < n; i += 1) {
    events.push(
      await journal.record({
        actor: { userId: 'u-1', username: 'casey', role: 'clerk' },
        action: i % 3 ? 'order.print' : 'confidential.view',
        outcome: i % 4 ? 'success' : 'denied',
        subject: { kind: 'order', id: `order-${i}` },
      }),
    );
  }
  rmSync(dir, { recursive: true, force: true });
  return events;
}

describe.each(BACKENDS)('the audit trail on %s', (backend) => {
  let env: TestEnv;
  let dev: EnrolledDevice;
  let ids: number[] = [];

  beforeAll(async () => {
    env = await startEnv(backend);
    dev = await env.enrol(COURT_A);
    await env.enrol(COURT_B);
    // Workstation events through the outbox path (audit.append), in order.
    const events = await journalEvents(12);
    const batch = [];
    for (const [i, event] of events.entries()) {
      batch.push(await mutation(dev.deviceId, i + 1, 'audit.append', { event }));
    }
    const pushed = await dev.client.push(batch);
    expect(pushed.results.every((r) => r.outcome === 'applied')).toBe(true);
    // Registry events: a refused request and failed sign-ins.
    await expect(
      request(
        { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 10_000 },
        { method: 'GET', path: '/v1/audit' },
      ),
    ).rejects.toMatchObject({ status: 401 });
    for (let i = 0; i < 3; i += 1) {
      await request(
        { baseUrl: env.baseUrl, credential: dev.credential, timeoutMs: 10_000 },
        {
          method: 'POST',
          path: '/v1/sessions',
          json: { username: 'nobody', password: 'x' },
          accept: [401],
        },
      );
    }
    ids = (await env.db.query<{ id: number }>('SELECT id FROM audit_events ORDER BY id')).map((r) =>
      Number(r.id),
    );
  });
  afterAll(() => env.stop());

  it('verifies the untouched chains, one per court', async () => {
    const report = await verifyAuditChains(env.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.chains.map((c) => c.court).sort()).toEqual([COURT_A, COURT_B].sort());
    expect(report.chains.reduce((n, c) => n + c.rows, 0)).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(15);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, and a chain head that goes back', async () => {
    const id = ids[3];
    for (const sql of [
      `UPDATE audit_events SET payload = '{}'::jsonb WHERE id = ${id}`,
      `DELETE FROM audit_events WHERE id = ${id}`,
      'TRUNCATE audit_events',
      `UPDATE audit_heads SET last_seq = 1 WHERE court_ori = '${COURT_A}'`,
      `DELETE FROM audit_heads WHERE court_ori = '${COURT_A}'`,
    ]) {
      await expect(env.db.query(sql), sql).rejects.toMatchObject({ code: '42501' });
    }
    expect((await verifyAuditChains(env.db)).ok).toBe(true);
  });

  it(`reports every one of ${TRIALS} random single-character edits, deletions and insertions`, async () => {
    let detected = 0;
    let trials = 0;
    const columns = [
      'payload',
      'row_hash',
      'prev_hash',
      'received_at',
      'court_seq',
      'device_id',
      'source',
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: ids.length - 1 }),
        fc.constantFrom('edit', 'edit', 'edit', 'delete', 'insert'),
        fc.constantFrom(...columns),
        fc.nat(),
        async (index, how, column, salt) => {
          const id = ids[index] ?? 0;
          const report = await tampered(env, async (tx) => {
            const [raw] = await tx.query<Record<string, unknown>>(
              `SELECT * FROM audit_events WHERE id = $1`,
              [id],
            );
            if (!raw) throw new Error('row not found');
            if (how === 'delete') {
              await tx.query('DELETE FROM audit_events WHERE id = $1', [id]);
            } else if (how === 'insert') {
              // A copy of a real row (valid hashes of its own) slipped in with a new id.
              await tx.query('DROP INDEX audit_events_chain');
              await tx.query(
                `INSERT INTO audit_events (court_ori, court_seq, source, device_id, seq, payload, received_at, prev_hash, row_hash)
                 SELECT court_ori, court_seq, source, device_id, seq, payload, received_at, prev_hash, row_hash FROM audit_events WHERE id = $1`,
                [id],
              );
            } else if (column === 'payload') {
              const text = JSON.stringify(raw.payload);
              // One character of a string value changes (still valid JSON).
              const spots = letterSpots(text);
              const at = spots[salt % spots.length] ?? 0;
              const ch = text[at] === 'x' ? 'y' : 'x';
              await tx.query('UPDATE audit_events SET payload = $2::jsonb WHERE id = $1', [
                id,
                text.slice(0, at) + ch + text.slice(at + 1),
              ]);
            } else if (column === 'row_hash' || column === 'prev_hash') {
              const h = String(raw[column]);
              const at = salt % h.length;
              const ch = h[at] === '0' ? '1' : '0';
              await tx.query(`UPDATE audit_events SET ${column} = $2 WHERE id = $1`, [
                id,
                h.slice(0, at) + ch + h.slice(at + 1),
              ]);
            } else if (column === 'received_at') {
              await tx.query(
                `UPDATE audit_events SET received_at = received_at + interval '1 millisecond' WHERE id = $1`,
                [id],
              );
            } else if (column === 'court_seq') {
              await tx.query('DROP INDEX audit_events_chain');
              await tx.query('UPDATE audit_events SET court_seq = court_seq + 1 WHERE id = $1', [
                id,
              ]);
            } else if (column === 'device_id') {
              await tx.query(
                `UPDATE audit_events SET device_id = CASE WHEN device_id IS NULL THEN $2::uuid ELSE NULL END WHERE id = $1`,
                [id, dev.deviceId],
              );
            } else {
              await tx.query(
                `UPDATE audit_events SET source = CASE WHEN source = 'registry' THEN 'workstation' ELSE 'registry' END WHERE id = $1`,
                [id],
              );
            }
          });
          trials += 1;
          if (!report.ok) detected += 1;
          return !report.ok;
        },
      ),
      { numRuns: TRIALS, seed: 9 },
    );
    console.log(`[tamper ${backend}] ${detected}/${trials} detected`);
    expect(detected).toBe(TRIALS);
  });

  it('names the row and the kind of change', async () => {
    const mid = ids[5] ?? 0;
    const [row] = (
      await env.db.query<Parameters<typeof fromRaw>[0]>(
        `SELECT ${rowColumns} FROM audit_events WHERE id = $1`,
        [mid],
      )
    ).map(fromRaw);
    if (!row) throw new Error('row not found');
    const changed = await tampered(env, (tx) =>
      tx
        .query(
          `UPDATE audit_events SET payload = jsonb_set(payload, '{reason}', '"edited"') WHERE id = $1`,
          [mid],
        )
        .then(() => undefined),
    );
    expect(changed.problems).toContainEqual(
      expect.objectContaining({ court: row.courtOri, courtSeq: row.courtSeq, kind: 'changed' }),
    );
    const deleted = await tampered(env, (tx) =>
      tx.query('DELETE FROM audit_events WHERE id = $1', [mid]).then(() => undefined),
    );
    expect(deleted.problems.map((p) => p.kind)).toContain('missing');
    const last = ids[ids.length - 1] ?? 0;
    const tail = await tampered(env, (tx) =>
      tx.query('DELETE FROM audit_events WHERE id = $1', [last]).then(() => undefined),
    );
    expect(tail.problems.map((p) => p.detail).join(' ')).toMatch(/missing at the end/);
  });

  it('catches a rewrite with recomputed hashes only through anchors kept outside the database', async () => {
    const anchors = anchorsOf(await verifyAuditChains(env.db));
    let plain: VerifyReport | undefined;
    let anchored: VerifyReport | undefined;
    await env.db
      .transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        // A clean deletion: one registry row of court A removed, every later row renumbered and
        // re-hashed, the head moved back. The chain itself is consistent again.
        const rows = (
          await tx.query<Parameters<typeof fromRaw>[0]>(
            `SELECT ${rowColumns} FROM audit_events WHERE court_ori = $1 ORDER BY court_seq`,
            [COURT_A],
          )
        ).map(fromRaw);
        const victim = rows.find((r) => r.courtSeq > 1 && r.source === 'registry');
        if (!victim) throw new Error('no registry row to remove');
        await tx.query('DROP INDEX audit_events_chain');
        await tx.query('DELETE FROM audit_events WHERE id = $1', [victim.id]);
        let prev = rows.find((r) => r.courtSeq === victim.courtSeq - 1)?.rowHash ?? '';
        let seq = victim.courtSeq - 1;
        for (const r of rows.filter((x) => x.courtSeq > victim.courtSeq)) {
          seq += 1;
          const hash = rowHash(prev, { ...contentOf(r), courtSeq: seq });
          await tx.query(
            'UPDATE audit_events SET court_seq = $2, prev_hash = $3, row_hash = $4 WHERE id = $1',
            [r.id, seq, prev, hash],
          );
          prev = hash;
        }
        await tx.query(
          'UPDATE audit_heads SET last_seq = $2, last_hash = $3 WHERE court_ori = $1',
          [COURT_A, seq, prev],
        );
        plain = await verifyAuditChains(tx);
        anchored = await verifyAuditChains(tx, { anchors });
        throw new Error('roll back');
      })
      .catch((e: unknown) => {
        if ((e as Error).message !== 'roll back') throw e;
      });
    expect(plain?.ok).toBe(true);
    expect(anchored?.ok).toBe(false);
    expect(anchored?.problems.map((p) => p.kind)).toContain('anchor-mismatch');
  });

  it('shows an event deleted on the workstation before it was sent as a gap', async () => {
    const other = await env.enrol(COURT_B, 'gap test');
    const events = await journalEvents(4);
    const sent = [events[0], events[1], events[3]];
    const batch = [];
    for (const [i, event] of sent.entries()) {
      batch.push(await mutation(other.deviceId, i + 1, 'audit.append', { event }));
    }
    await other.client.push(batch);
    const report = await verifyAuditChains(env.db, { court: COURT_B });
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'workstation-gap',
        detail: expect.stringMatching(/event 4 does not follow event 2/),
      }),
    ]);
  });
});
