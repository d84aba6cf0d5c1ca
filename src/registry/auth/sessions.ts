/**
 * User sessions at the registry: a user signs in from an enrolled workstation of their court
 * (device credential + user name + password) and gets a random token, sent back as
 * `X-Clerk-Session`. Only its SHA-256 is stored; it works only with the device that opened it,
 * ends after 30 minutes without use (CJIS 5.5.5) or 12 hours in all.
 *
 * The same lockout as the workstation (5 failures → 10 minutes, src/shared/auth/policy.ts),
 * kept in the users table; every attempt is audited.
 */
import { randomBytes } from 'node:crypto';

import { DEFAULT_KDF, parseHash, weakerThan, type KdfParams } from '../../shared/auth/kdf';
import {
  afterFailure,
  attemptsLeft,
  cleared,
  IDLE_LOCK_MAX_MINUTES,
  isLockedOut,
  LOCKOUT_MS,
} from '../../shared/auth/policy';
import { appendRegistryEvent } from '../audit/auditLog';
import type { Db } from '../db/types';
import { RegistryError } from '../errors';

import { hashSecret } from './credentials';
import type { Device } from './devices';
import { hashPassword, verifyPassword } from '../../node/scrypt';
import { updateUser, userById, userByName, type RegistryUser } from './users';

export const SESSION_HEADER = 'x-clerk-session';
export const SESSION_IDLE_MS = IDLE_LOCK_MAX_MINUTES * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;

/** Clock and KDF seams (tests); production: Date.now and DEFAULT_KDF. */
export type RegistryAuthOptions = {
  readonly now?: () => number;
  readonly kdf?: KdfParams;
};

let decoy: Promise<string> | null = null;

const actorOf = (u: RegistryUser) => ({ userId: u.userId, username: u.username, role: u.role });

export type SignedIn = {
  readonly token: string;
  readonly user: RegistryUser;
  readonly expiresAt: string;
};

/** Signs a user in on `device`; throws 401/403 RegistryErrors with clerk-readable messages. */
export async function signInUser(
  db: Db,
  device: Device,
  username: string,
  password: string,
  where: { ip?: string },
  options: RegistryAuthOptions = {},
): Promise<SignedIn> {
  const now = options.now?.() ?? Date.now();
  const kdf = options.kdf ?? DEFAULT_KDF;
  const place = { deviceId: device.deviceId, route: 'POST /v1/sessions', ...where };
  const fail = async (
    user: RegistryUser | undefined,
    reason: string,
    status: number,
    code: string,
    message: string,
  ) => {
    await appendRegistryEvent(db, device.courtOri, {
      actor: user ? actorOf(user) : null,
      ...(user ? {} : { attemptedUser: username.trim().toLowerCase().slice(0, 64) }),
      action: 'session.sign-in',
      outcome: 'failure',
      reason,
      where: place,
    });
    return new RegistryError(status, code, message);
  };
  const user = await userByName(db, username);
  if (!user) {
    decoy ??= hashPassword(randomBytes(12).toString('hex'), kdf);
    await verifyPassword(password, await decoy);
    throw await fail(
      undefined,
      'unknown user name',
      401,
      'sign-in-failed',
      'Wrong user name or password.',
    );
  }
  if (user.courtOri !== device.courtOri) {
    throw await fail(
      user,
      `account of court ${user.courtOri}`,
      403,
      'wrong-court',
      `This account belongs to court ${user.courtOri}; this workstation is enrolled for ${device.courtOri}.`,
    );
  }
  if (isLockedOut(user, now)) {
    throw await fail(
      user,
      'account locked out',
      403,
      'account-locked',
      'This account is locked after 5 failed sign-ins; try again 10 minutes after the last one, or ask an administrator.',
    );
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const next = afterFailure(user, now);
    await updateUser(db, user.userId, next);
    const locked = next.lockedUntil !== null;
    throw await fail(
      user,
      locked
        ? `wrong password; account locked for ${LOCKOUT_MS / 60_000} minutes`
        : 'wrong password',
      locked ? 403 : 401,
      locked ? 'account-locked' : 'sign-in-failed',
      locked
        ? `Wrong password. The account is now locked for ${LOCKOUT_MS / 60_000} minutes.`
        : `Wrong user name or password. ${attemptsLeft(next)} attempt(s) left before the account locks.`,
    );
  }
  if (user.disabled) {
    throw await fail(
      user,
      'account disabled',
      403,
      'account-disabled',
      'This account is disabled. Ask an administrator.',
    );
  }
  const stored = parseHash(user.passwordHash);
  await updateUser(db, user.userId, {
    ...cleared,
    ...(!stored || weakerThan(stored, kdf)
      ? { passwordHash: await hashPassword(password, kdf) }
      : {}),
  });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SESSION_MAX_MS);
  await db.query(
    `INSERT INTO user_sessions (token_hash, user_id, device_id, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5)`,
    [hashSecret(token), user.userId, device.deviceId, new Date(now), expiresAt],
  );
  await appendRegistryEvent(db, device.courtOri, {
    actor: actorOf(user),
    action: 'session.sign-in',
    outcome: 'success',
    where: place,
  });
  return { token, user, expiresAt: expiresAt.toISOString() };
}

/** Why a session header was refused, or the signed-in user. */
export type SessionCheck =
  | { readonly ok: true; readonly user: RegistryUser; readonly tokenHash: string }
  | { readonly ok: false; readonly reason: string };

/** Resolves a session token for `device` at `now`. */
export async function resolveSession(
  db: Db,
  device: Device,
  token: string | undefined,
  options: RegistryAuthOptions = {},
): Promise<SessionCheck> {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    return { ok: false, reason: 'no user session: sign in first' };
  }
  const now = options.now?.() ?? Date.now();
  const tokenHash = hashSecret(token);
  const rows = await db.query<{
    user_id: string;
    device_id: string;
    last_seen_at: Date;
    expires_at: Date;
    revoked_at: Date | null;
  }>(
    'SELECT user_id, device_id, last_seen_at, expires_at, revoked_at FROM user_sessions WHERE token_hash = $1',
    [tokenHash],
  );
  const s = rows[0];
  if (!s || s.revoked_at)
    return { ok: false, reason: 'the session is unknown or ended: sign in again' };
  if (s.device_id !== device.deviceId)
    return { ok: false, reason: 'the session belongs to another workstation' };
  if (
    now >= new Date(s.expires_at).getTime() ||
    now - new Date(s.last_seen_at).getTime() >= SESSION_IDLE_MS
  ) {
    return { ok: false, reason: 'the session expired: sign in again' };
  }
  const user = await userById(db, s.user_id);
  if (!user || user.disabled || isLockedOut(user, now) || user.courtOri !== device.courtOri) {
    return { ok: false, reason: 'the account is disabled, locked or moved: sign in again' };
  }
  // One write a minute at most per session keeps the idle clock without a write per request.
  if (now - new Date(s.last_seen_at).getTime() > 60_000) {
    await db.query('UPDATE user_sessions SET last_seen_at = $2 WHERE token_hash = $1', [
      tokenHash,
      new Date(now),
    ]);
  }
  return { ok: true, user, tokenHash };
}

/** Ends a session. */
export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await db.query(
    'UPDATE user_sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL',
    [tokenHash],
  );
}
