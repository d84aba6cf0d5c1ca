/**
 * `clets:list-deadlines` end to end: a real registry (in-process, fresh PGlite, its deadline
 * clock set to Friday 4 Dec 2026 15:00 Pacific) holding one transaction past its due-by and one
 * due within 4 court hours, and a real workstation (createWorkstation) that enrols itself and
 * asks through the real dispatcher and access gate. Signed-out and admin callers are refused;
 * clerk, courtroom staff and supervisors see the lists; a successful look is not audited; when
 * the registry goes away the answer says so and keeps the last lists.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CallContext } from '../../../src/main/ipc/dispatcher';
import type { Workstation } from '../../../src/main/workstation';
import type { Role } from '../../../src/shared/auth/roles';
import type { ListDeadlinesResult } from '../../../src/shared/ipc/contracts/clets';
import { enrolledWorkstation } from '../../helpers/enrolledWorkstation';
import { signInAs } from '../../helpers/auth';
import { COURT, startRelayEnv, type RelayEnv } from '../relay/harness';
import { relayOrder } from '../relay/orders';

// The administrator code test/integration/relay/harness.ts starts its registry with.
const ADMIN_CODE = 'relay-test-admin-code';
const ctx: CallContext = { shell: 'host', origin: 'test' };

// Friday 4 Dec 2026, 15:00 Pacific: 2 court hours before 17:00.
const NOW = '2026-12-04T15:00:00-08:00';
// Issued Tuesday → due by the end of Wednesday 2 Dec: overdue Thursday and Friday.
const late = relayOrder(1, {
  tag: 81,
  type: 'DV-130',
  issuedAt: '2026-12-01T10:00:00-08:00',
  served: false,
});
// Issued Thursday → due by the end of today: at risk.
const soon = relayOrder(2, {
  tag: 81,
  type: 'DV-130',
  issuedAt: '2026-12-03T10:00:00-08:00',
  served: false,
});
// Issued this morning → due by the end of Monday: on time, on neither list.
const fresh = relayOrder(3, {
  tag: 81,
  type: 'DV-130',
  issuedAt: '2026-12-04T09:00:00-08:00',
  served: false,
});

let env: RelayEnv | undefined;
let dataDir: string;
let ws: Workstation;

async function list(): Promise<ListDeadlinesResult> {
  const result = await ws.dispatcher.dispatch('clets:list-deadlines', {}, ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ListDeadlinesResult;
}

async function refusal(): Promise<string> {
  const result = await ws.dispatcher.dispatch('clets:list-deadlines', {}, ctx);
  return result.ok ? 'allowed' : result.error.code;
}

beforeAll(async () => {
  env = await startRelayEnv(new Date(NOW));
  await env.submit([late, soon, fresh]);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-clets-deadlines-'));
  ws = await enrolledWorkstation({
    dataDir,
    registryUrl: env.baseUrl,
    enrolCode: ADMIN_CODE,
    courtOri: COURT,
  });
});

afterAll(async () => {
  await ws?.close();
  await env?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('clets:list-deadlines through the dispatcher', () => {
  it('refuses a caller who is not signed in', async () => {
    await ws.auth.sessions.signOut();
    expect(await refusal()).toBe('forbidden');
  });

  it('refuses the administrator, who touches no order data', async () => {
    await signInAs(ws, 'admin');
    expect(await refusal()).toBe('forbidden');
    const denied = (await ws.auth.journal.list(5)).find((e) => e.outcome === 'denied');
    expect(denied).toMatchObject({ where: { channel: 'clets:list-deadlines' } });
  });

  it('gives a clerk the overdue and at-risk transactions in court days and court hours', async () => {
    await signInAs(ws, 'clerk');
    const before = (await ws.auth.journal.list(1))[0]?.seq ?? 0;
    const result = await list();
    expect(result).toMatchObject({ reached: true, message: null });
    const lists = result.lists;
    expect(lists?.asOf).toBe(NOW);
    expect(lists?.ageMs).toBe(0);
    expect(lists?.overdue).toEqual([
      expect.objectContaining({
        orderId: late.id,
        caseNumber: late.caseNumber,
        event: 'issued',
        state: 'pending',
        dueBy: '2026-12-02T23:59:59.999-08:00',
        courtDaysOverdue: 2,
        courtHoursOverdue: 16,
      }),
    ]);
    expect(lists?.atRisk).toEqual([
      expect.objectContaining({
        orderId: soon.id,
        caseNumber: soon.caseNumber,
        event: 'issued',
        state: 'pending',
        dueBy: '2026-12-04T23:59:59.999-08:00',
        courtHoursLeft: 2,
      }),
    ]);
    // A panel asks every minute: looking is not an audited action (sync.run, not order.submit).
    const after = (await ws.auth.journal.list(1))[0]?.seq ?? 0;
    expect(after).toBe(before);
  });

  it.each<Role>(['courtroom', 'supervisor'])('lets %s staff see them too', async (role) => {
    await signInAs(ws, role, role === 'courtroom' ? { courtroom: 'Dept 12' } : {});
    const result = await list();
    expect(result.lists?.overdue.map((t) => t.orderId)).toEqual([late.id]);
    expect(result.lists?.atRisk.map((t) => t.orderId)).toEqual([soon.id]);
  });

  it('follows the registry’s clock: on Monday the at-risk order is overdue too', async () => {
    await signInAs(ws, 'clerk');
    if (env) env.clock.now = new Date('2026-12-07T09:00:00-08:00');
    const lists = (await list()).lists;
    expect(lists?.atRisk).toEqual([]);
    expect(lists?.overdue.map((t) => [t.orderId, t.courtDaysOverdue, t.courtHoursOverdue])).toEqual(
      [
        [late.id, 3, 19],
        [soon.id, 1, 1],
      ],
    );
  });

  it('when the registry goes away, says so and keeps the last lists', async () => {
    // Close the registry at once (open keep-alive connections would hold the close for ~20 s).
    const closing = env?.app.close();
    env?.app.server.closeAllConnections();
    await closing;
    await env?.stop();
    env = undefined;
    const result = await list();
    expect(result.reached).toBe(false);
    expect(result.message).toMatch(/registry cannot be reached/);
    expect(result.lists?.asOf).toBe('2026-12-07T09:00:00-08:00');
    expect(result.lists?.overdue).toHaveLength(2);
  });
});
