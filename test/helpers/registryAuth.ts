/**
 * Registry accounts and user sessions for tests: routes behind a user rule
 * (src/registry/auth/routeActions.ts) need `X-Clerk-Session` next to the device credential.
 */
import { randomUUID } from 'node:crypto';

import { hashPassword } from '../../src/node/scrypt';
import { SESSION_HEADER } from '../../src/registry/auth/sessions';
import { insertUser, type RegistryUser } from '../../src/registry/auth/users';
import { request } from '../../src/registry/client/http';
import type { Queryable } from '../../src/registry/db/types';
import type { Role } from '../../src/shared/auth/roles';

import { TEST_KDF, TEST_PASSWORD } from './auth';

/** Creates an account directly in the database (cheap KDF). */
export async function createRegistryUser(
  db: Queryable,
  courtOri: string,
  role: Role,
  options: { username?: string; courtroom?: string; password?: string } = {},
): Promise<RegistryUser> {
  return insertUser(db, {
    courtOri,
    username: options.username ?? `${role}-${randomUUID().slice(0, 8)}`,
    displayName: `Test ${role}`,
    role,
    courtroom: options.courtroom ?? '',
    passwordHash: await hashPassword(options.password ?? TEST_PASSWORD, TEST_KDF),
  });
}

/** Signs `username` in through POST /v1/sessions; returns the session token. */
export async function openRegistrySession(
  baseUrl: string,
  credential: string,
  username: string,
  password: string = TEST_PASSWORD,
): Promise<string> {
  const res = await request(
    { baseUrl, credential, timeoutMs: 20_000 },
    { method: 'POST', path: '/v1/sessions', json: { username, password } },
  );
  return (res.body as { token: string }).token;
}

/** A fetch that adds the session header to every request (for RegistryClient's `fetch`). */
export function withSession(token: string, base: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set(SESSION_HEADER, token);
    return base(input, { ...init, headers });
  };
}
