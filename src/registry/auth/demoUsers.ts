/**
 * The demo accounts (src/shared/auth/demoUsers.ts) in a registry started with `--demo-users`
 * (`npm start`'s embedded registry, and e2e specs). Workstations sign their users in at the
 * registry with the same name and password, so searches and reviews work in the demo.
 * Existing accounts are left as they are.
 */
import { hashPassword } from '../../node/scrypt';
import { DEMO_COURT, demoUsers } from '../../shared/auth/demoUsers';
import type { KdfParams } from '../../shared/auth/kdf';
import type { Queryable } from '../db/types';

import { insertUser, userByName } from './users';

/** Creates the missing demo accounts in `courtOri`; returns the user names it created. */
export async function seedDemoUsers(
  db: Queryable,
  options: { readonly courtOri?: string; readonly kdf?: KdfParams } = {},
): Promise<string[]> {
  const created: string[] = [];
  for (const u of demoUsers) {
    if (await userByName(db, u.username)) continue;
    await insertUser(db, {
      courtOri: options.courtOri ?? DEMO_COURT,
      username: u.username,
      displayName: u.displayName,
      role: u.username,
      courtroom: u.courtroom,
      passwordHash: await hashPassword(u.password, options.kdf),
    });
    created.push(u.username);
  }
  return created;
}
