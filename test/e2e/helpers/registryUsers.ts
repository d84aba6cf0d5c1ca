/**
 * Registry accounts for the e2e users. The host (CLERK_E2E=1) seeds the same user names and
 * passwords locally (src/shared/auth/demoUsers.ts); main signs each sign-in in at the registry
 * too (src/main/sync/registryUserLink.ts), so a spec that starts a registry and needs per-user
 * registry calls (search, review) seeds the accounts into its data folder BEFORE starting the
 * registry process (PGlite allows one process per data folder), or starts it with --demo-users.
 */
import { seedDemoUsers } from '../../../src/registry/auth/demoUsers';
import { openDatabase } from '../../../src/registry/db/open';

/** Cheap scrypt parameters: the stored hash carries them, so the registry verifies as usual. */
const e2eKdf = { log2N: 10, r: 8, p: 1 };

/** Creates clerk, courtroom, supervisor and admin in a (new or migrated) registry data folder. */
export async function seedRegistryUsers(dataDir: string, courtOri?: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    await seedDemoUsers(db, { kdf: e2eKdf, ...(courtOri ? { courtOri } : {}) });
  } finally {
    await db.close();
  }
}
