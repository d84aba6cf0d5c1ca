/**
 * Acceptance (issue 9, A-17) through IPC: every cell of the role matrix, for every role, through
 * the real dispatcher and access gate. Each action is tried on every channel that performs it
 * (stub handlers: the gate is under test, so no printer, scanner or network is touched) and
 * through `auth:check-access` with and without the facts its condition needs. Expected values
 * come from the hand transcription of §5.2 in test/unit/shared/auth/expectedMatrix.ts.
 * Result: 0 cells allowed that the matrix denies, and every denial in the audit journal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAuth, type Auth } from '../../../src/main/auth/authHandlers';
import { hashPassword } from '../../../src/node/scrypt';
import { createDispatcher, type Dispatcher, type Handlers } from '../../../src/main/ipc/dispatcher';
import { actions, type Action } from '../../../src/shared/auth/actions';
import { channelActions, channelRule } from '../../../src/shared/auth/channelActions';
import { roles, type Role } from '../../../src/shared/auth/roles';
import { allInvokeChannels, type InvokeChannel } from '../../../src/shared/ipc/channels';
import { ServiceError } from '../../../src/shared/ipc/envelope';
import { TEST_KDF } from '../../helpers/auth';
import { expectedMark, satisfyingScope } from '../../unit/shared/auth/expectedMatrix';

const COURT = 'CA034999J';
const ctx = { shell: 'host', origin: 'http://127.0.0.1:1' } as const;

let dir = '';
let auth: Auth;
let dispatcher: Dispatcher;
const ran: string[] = [];
const tally = { tried: 0, denied: 0, wronglyAllowed: 0, unaudited: 0 };

function stubs(real: Auth['handlers']): Handlers {
  const all: Record<string, unknown> = {};
  for (const c of allInvokeChannels) {
    all[c] = () => {
      ran.push(c);
      throw new ServiceError('failed', 'probe: the gate let this through');
    };
  }
  // Only the decision channel is real; every other handler would change state (lock, print…).
  return { ...(all as Handlers), 'auth:check-access': real['auth:check-access'] };
}

async function signIn(role: Role) {
  await auth.sessions.signOut();
  await auth.sessions.signIn(role, `${role}-password-1`);
}

/** Calls and checks: allowed ⇔ expected; a refusal must add a 'denied' event for this channel. */
async function probe(
  channel: InvokeChannel,
  input: unknown,
  expectAllowed: boolean,
  label: string,
) {
  const before = (await auth.journal.list(1))[0]?.seq ?? 0;
  ran.length = 0;
  const result = await dispatcher.dispatch(channel, input, ctx);
  const forbidden = !result.ok && result.error.code === 'forbidden';
  tally.tried += 1;
  if (!expectAllowed && !forbidden) tally.wronglyAllowed += 1;
  expect(forbidden, `${label}: ${JSON.stringify(result)}`).toBe(!expectAllowed);
  if (forbidden) {
    tally.denied += 1;
    expect(ran, label).toEqual([]);
    const newest = (await auth.journal.list(5)).filter((e) => e.seq > before);
    const denial = newest.find((e) => e.outcome === 'denied');
    if (!denial) tally.unaudited += 1;
    expect(denial, `${label}: denial audited`).toBeDefined();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccpor-matrix-ipc-'));
  auth = createAuth({
    dataDir: dir,
    publish: () => undefined,
    kdf: TEST_KDF,
    schedule: () => () => undefined,
  });
  dispatcher = createDispatcher(stubs(auth.handlers), { access: auth.gate });
  const at = new Date().toISOString();
  for (const role of roles) {
    await auth.store.put({
      userId: `id-${role}`,
      username: role,
      displayName: role,
      role,
      courtOri: COURT,
      courtroom: role === 'courtroom' ? 'Dept 12' : '',
      passwordHash: await hashPassword(`${role}-password-1`, TEST_KDF),
      failedCount: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
  }
});

afterAll(async () => {
  await auth.close();
  rmSync(dir, { recursive: true, force: true });
  // The acceptance figures, printed for the report.
  console.log(`[matrix/ipc] ${JSON.stringify(tally)}`);
  expect(tally.wronglyAllowed).toBe(0);
  expect(tally.unaudited).toBe(0);
});

const channelsOf = (action: Action) =>
  allInvokeChannels.filter((c) => {
    const r = channelRule(c);
    return r?.access === 'signed-in' && r.action === action;
  });

describe.each(roles)('as %s', (role) => {
  beforeAll(() => signIn(role));

  it.each(actions)('%s: every channel that performs it', async (action) => {
    const mark = expectedMark(action, role);
    for (const channel of channelsOf(action)) {
      const rule = channelActions[channel];
      // The dispatcher cannot see the resource: conditional cells pass only on 'role' gates
      // (the handler then decides with the full scope).
      const allowed =
        mark === 'Y' || (mark === 'C' && rule?.access === 'signed-in' && rule.gate === 'role');
      await probe(channel, {}, allowed, `${role} ${channel}`);
    }
  });

  it.each(actions)('%s: auth:check-access with and without the facts it needs', async (action) => {
    const mark = expectedMark(action, role);
    const scope = satisfyingScope(action, role, `id-${role}`, COURT);
    const withFacts = await dispatcher.dispatch('auth:check-access', { action, scope }, ctx);
    expect(withFacts).toMatchObject({ ok: true, value: { allowed: mark !== 'N' } });
    const bare = await dispatcher.dispatch('auth:check-access', { action, scope: {} }, ctx);
    const bareAllowed = mark === 'Y';
    expect(bare).toMatchObject({ ok: true, value: { allowed: bareAllowed } });
    tally.tried += 2;
    for (const [allowed, r] of [
      [mark !== 'N', withFacts],
      [bareAllowed, bare],
    ] as const) {
      if (!allowed) {
        tally.denied += 1;
        const [newest] = await auth.journal.list(1);
        if (newest?.outcome !== 'denied') tally.unaudited += 1;
      }
      if (r.ok && (r.value as { allowed: boolean }).allowed && !allowed) tally.wronglyAllowed += 1;
    }
    // Another court is refused for every cell (admin account management aside).
    const other = await dispatcher.dispatch(
      'auth:check-access',
      { action, scope: { ...scope, targetCourt: 'CA019015J' } },
      ctx,
    );
    const anyCourt = role === 'admin' && action === 'users.manage';
    expect(other).toMatchObject({ ok: true, value: { allowed: anyCourt } });
  });
});

describe('without an unlocked session', () => {
  it('refuses every non-public channel when signed out, and audits each refusal', async () => {
    await auth.sessions.signOut();
    for (const channel of allInvokeChannels) {
      if (channelRule(channel)?.access === 'public') continue;
      await probe(channel, {}, false, `signed out ${channel}`);
    }
  });

  it('refuses all but the background channels while locked', async () => {
    await signIn('supervisor');
    await auth.sessions.lock('manual');
    for (const channel of allInvokeChannels) {
      const rule = channelRule(channel);
      if (rule?.access === 'public') continue;
      await probe(
        channel,
        {},
        rule?.access === 'signed-in' && rule.whileLocked === true,
        `locked ${channel}`,
      );
    }
  });
});
