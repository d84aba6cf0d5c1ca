/**
 * Opens the registry's database: a real PostgreSQL when a URL is given, otherwise the embedded
 * PGlite in a data folder (the `npm start` default). Migrations run before it is returned.
 */
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db } from './types';

/** Which store to open. */
export type DbOptions = {
  /** postgres://… → node-postgres; absent → PGlite. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder; absent (and no URL) → in-memory PGlite (tests only). */
  readonly dataDir?: string | undefined;
  /** PostgreSQL connections in the pool (default 20). */
  readonly poolSize?: number | undefined;
};

/** Opens and migrates the database chosen by `options`. */
export async function openDatabase(options: DbOptions): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 20)
    : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
