/**
 * Signs a test workstation in as a user of a given role, so tests can call channels that the
 * access gate (src/main/auth/accessGate.ts) refuses without a session.
 */
import { hashPassword } from '../../src/node/scrypt';
import type { Workstation } from '../../src/main/workstation';
import type { KdfParams } from '../../src/shared/auth/kdf';
import type { Role } from '../../src/shared/auth/roles';

/** Cheap scrypt parameters for tests (production uses DEFAULT_KDF). */
export const TEST_KDF: KdfParams = { log2N: 10, r: 8, p: 1 };

export const TEST_COURT = 'CA034999J';
export const TEST_PASSWORD = 'test-password-1';

/** Creates (or replaces) the account `role` (user name = role) and signs it in. */
export async function signInAs(
  ws: Pick<Workstation, 'auth'>,
  role: Role = 'clerk',
  options: { courtOri?: string; courtroom?: string; username?: string } = {},
): Promise<void> {
  const username = options.username ?? role;
  const existing = await ws.auth.store.byUsername(username);
  const at = new Date().toISOString();
  await ws.auth.store.put({
    userId: existing?.userId ?? `test-${username}`,
    username,
    displayName: `Test ${role}`,
    role,
    courtOri: options.courtOri ?? TEST_COURT,
    courtroom: options.courtroom ?? '',
    passwordHash: await hashPassword(TEST_PASSWORD, TEST_KDF),
    failedCount: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: at,
    updatedAt: at,
  });
  await ws.auth.sessions.signIn(username, TEST_PASSWORD);
}
