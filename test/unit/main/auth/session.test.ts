import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAuth, type Auth } from '../../../../src/main/auth/authHandlers';
import { hashPassword } from '../../../../src/node/scrypt';
import type { Role } from '../../../../src/shared/auth/roles';
import type { SessionView } from '../../../../src/shared/ipc/contracts/auth';
import { ServiceError } from '../../../../src/shared/ipc/envelope';
import { TEST_KDF } from '../../../helpers/auth';

let dir = '';
let t = 0;
let auth: Auth;
let published: SessionView[] = [];
const MIN = 60_000;

async function addUser(username: string, role: Role, password = 'right-password') {
  const at = new Date(t).toISOString();
  await auth.store.put({
    userId: `id-${username}`,
    username,
    displayName: username,
    role,
    courtOri: 'CA034999J',
    courtroom: '',
    passwordHash: await hashPassword(password, TEST_KDF),
    failedCount: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: at,
    updatedAt: at,
  });
}

async function refused(p: Promise<unknown>): Promise<ServiceError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
}

async function events() {
  return auth.journal.list(500);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccpor-auth-'));
  t = Date.parse('2026-03-02T17:00:00Z');
  published = [];
  auth = createAuth({
    dataDir: dir,
    publish: (v) => published.push(v),
    now: () => t,
    kdf: TEST_KDF,
    schedule: () => () => undefined,
  });
});
afterEach(async () => {
  await auth.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sign-in and lockout', () => {
  it('locks the account after 5 failures for 10 minutes, refusing even the right password', async () => {
    await addUser('casey', 'clerk');
    const messages: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      messages.push((await refused(auth.sessions.signIn('casey', 'wrong-password'))).message);
      t += 1000;
    }
    expect(messages[0]).toMatch(/4 attempt\(s\) left/);
    expect(messages[4]).toMatch(/locked for 10 minutes/);
    // 6th attempt, right password, inside the 10 minutes: refused without checking it.
    t += 9 * MIN;
    const sixth = await refused(auth.sessions.signIn('casey', 'right-password'));
    expect(sixth.code).toBe('forbidden');
    expect(sixth.message).toMatch(/locked after 5 failed sign-ins/);
    expect((await auth.sessions.view()).state).toBe('signed-out');
    // After 10 minutes from the 5th failure: in.
    t += 1 * MIN;
    expect((await auth.sessions.signIn('casey', 'right-password')).state).toBe('active');
    const attempts = (await events()).filter((e) => e.action === 'session.sign-in');
    expect(attempts.map((e) => e.outcome)).toEqual([
      'success',
      'failure',
      'failure',
      'failure',
      'failure',
      'failure',
      'failure',
    ]);
    expect((await auth.store.byUsername('casey'))?.failedCount).toBe(0);
  });

  it('survives a restart: the lockout is kept in the account file', async () => {
    await addUser('casey', 'clerk');
    for (let i = 0; i < 5; i += 1) await refused(auth.sessions.signIn('casey', 'nope-nope'));
    const again = createAuth({
      dataDir: dir,
      publish: () => undefined,
      now: () => t,
      kdf: TEST_KDF,
    });
    await refused(again.sessions.signIn('casey', 'right-password'));
    await again.close();
  });

  it('answers an unknown user name like a wrong password and audits the attempt', async () => {
    const e = await refused(auth.sessions.signIn('Nobody', 'whatever-1'));
    expect(e.message).toBe('Wrong user name or password.');
    const [last] = await events();
    expect(last).toMatchObject({
      action: 'session.sign-in',
      outcome: 'failure',
      actor: null,
      attemptedUser: 'nobody',
    });
  });

  it('refuses a disabled account even with the right password', async () => {
    await addUser('casey', 'clerk');
    const u = await auth.store.byUsername('casey');
    await auth.store.put({ ...u!, disabled: true });
    expect((await refused(auth.sessions.signIn('casey', 'right-password'))).message).toMatch(
      /disabled/,
    );
  });

  it('re-hashes a weak stored hash with the current parameters on sign-in', async () => {
    await addUser('casey', 'clerk');
    const u = await auth.store.byUsername('casey');
    await auth.store.put({
      ...u!,
      passwordHash: await hashPassword('right-password', { log2N: 10, r: 1, p: 1 }),
    });
    await auth.sessions.signIn('casey', 'right-password');
    expect((await auth.store.byUsername('casey'))?.passwordHash).toMatch(/^scrypt\$10\$8\$1\$/);
  });
});

describe('idle lock (default 5 minutes, at most 30)', () => {
  it('is unlocked at 5 min − 1 s and locked at 5 min + 1 s, then hides the user until unlock', async () => {
    await addUser('casey', 'clerk');
    const start = await auth.sessions.signIn('casey', 'right-password');
    expect(start).toMatchObject({ state: 'active', idleLockMinutes: 5 });
    t += 5 * MIN - 1000;
    expect((await auth.sessions.view()).state).toBe('active');
    t += 2000;
    const locked = await auth.sessions.view();
    expect(locked).toMatchObject({ state: 'locked', lockedReason: 'idle' });
    expect(published.at(-1)).toMatchObject({ state: 'locked' });
    await refused(auth.sessions.unlock('wrong-password'));
    expect((await auth.sessions.view()).state).toBe('locked');
    expect((await auth.sessions.unlock('right-password')).state).toBe('active');
  });

  it('restarts the idle clock on activity', async () => {
    await addUser('casey', 'clerk');
    await auth.sessions.signIn('casey', 'right-password');
    for (let i = 0; i < 10; i += 1) {
      t += 4 * MIN;
      await auth.sessions.touch();
    }
    expect((await auth.sessions.view()).state).toBe('active');
  });

  it('uses the configured time (up to 30 minutes)', async () => {
    await addUser('casey', 'clerk');
    await auth.sessions.signIn('casey', 'right-password');
    expect((await auth.sessions.setIdleLock(30)).idleLockMinutes).toBe(30);
    expect((await auth.sessions.setIdleLock(45)).idleLockMinutes).toBe(30);
    t += 30 * MIN - 1000;
    expect((await auth.sessions.view()).state).toBe('active');
    t += 2000;
    expect((await auth.sessions.view()).state).toBe('locked');
  });

  it('ends the session when 5 unlock attempts fail', async () => {
    await addUser('casey', 'clerk');
    await auth.sessions.signIn('casey', 'right-password');
    await auth.sessions.lock('manual');
    for (let i = 0; i < 5; i += 1) await refused(auth.sessions.unlock('bad-password'));
    expect((await auth.sessions.view()).state).toBe('signed-out');
  });
});

describe('session follows the account', () => {
  it('signs out at once when the account is disabled, and a new sign-in replaces the user', async () => {
    await addUser('casey', 'clerk');
    await addUser('sam', 'supervisor');
    await auth.sessions.signIn('casey', 'right-password');
    expect((await auth.sessions.signIn('sam', 'right-password')).user?.username).toBe('sam');
    const sam = await auth.store.byUsername('sam');
    await auth.store.put({ ...sam!, disabled: true });
    expect((await auth.sessions.view()).state).toBe('signed-out');
    const outs = (await events()).filter((e) => e.action === 'session.sign-out');
    expect(outs.map((e) => e.reason)).toEqual([
      'the account was disabled, locked or removed',
      'replaced by sam',
    ]);
  });

  it('changes the password only after re-authentication and with an acceptable new one', async () => {
    await addUser('casey', 'clerk');
    await auth.sessions.signIn('casey', 'right-password');
    await refused(auth.sessions.changePassword('wrong-password', 'new-password-1', undefined));
    const weak = await refused(auth.sessions.changePassword('right-password', 'x', 'too short'));
    expect(weak.code).toBe('invalid-input');
    await auth.sessions.changePassword('right-password', 'new-password-1', undefined);
    await auth.sessions.signOut();
    await refused(auth.sessions.signIn('casey', 'right-password'));
    expect((await auth.sessions.signIn('casey', 'new-password-1')).state).toBe('active');
  });
});

describe('the registry-session seam', () => {
  it('hands the checked password on after sign-in and unlock, and says when the session ends', async () => {
    const seen: string[] = [];
    const a = createAuth({
      dataDir: dir,
      publish: () => undefined,
      now: () => t,
      kdf: TEST_KDF,
      schedule: () => () => undefined,
      onAuthenticated: (u, p) => seen.push(`in:${u.username}:${p}`),
      onEnded: () => seen.push('ended'),
    });
    const at = new Date(t).toISOString();
    await a.store.put({
      userId: 'id-casey',
      username: 'casey',
      displayName: '',
      role: 'clerk',
      courtOri: 'CA034999J',
      courtroom: '',
      passwordHash: await hashPassword('right-password', TEST_KDF),
      failedCount: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    await refused(a.sessions.signIn('casey', 'wrong-password'));
    await a.sessions.signIn('casey', 'right-password');
    await a.sessions.lock('manual');
    await a.sessions.unlock('right-password');
    await a.sessions.signOut();
    expect(seen).toEqual(['in:casey:right-password', 'in:casey:right-password', 'ended']);
    await a.close();
  });
});
