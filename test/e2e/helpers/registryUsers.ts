/**
 * Registry accounts for the e2e users. The host (CLERK_E2E=1) seeds the same user names and
 * passwords locally (src/main/auth/e2eUsers.ts); main signs each sign-in in at the registry too
 * (src/main/sync/registryUserLink.ts), so a spec that starts a registry and needs per-user
 * registry calls (search, review) seeds the accounts into its data folder BEFORE starting the
 * registry process (PGlite allows one process per data folder).
 */
import { e2eUsers, E2E_COURT } from '../../../src/main/auth/e2eUsers';
import { hashPassword } from '../../../src/node/scrypt';
import { insertUser } from '../../../src/registry/auth/users';
import { openDatabase } from '../../../src/registry/db/open';

/** Cheap scrypt parameters: the stored hash carries them, so the registry verifies as usual. */
const e2eKdf = { log2N: 10, r: 8, p: 1 };

/** Creates clerk, courtroom, supervisor and admin in a (new or migrated) registry data folder. */
export async function seedRegistryUsers(dataDir: string, courtOri = E2E_COURT): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    for (const u of e2eUsers) {
      await insertUser(db, {
        courtOri,
        username: u.username,
        displayName: u.displayName,
        role: u.username,
        courtroom: u.courtroom,
        passwordHash: await hashPassword(u.password, e2eKdf),
      });
    }
  } finally {
    await db.close();
  }
}
