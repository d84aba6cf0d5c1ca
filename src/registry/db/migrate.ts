/**
 * Runs pending schema migrations at startup, each in its own transaction, recorded in
 * `schema_migrations` with a checksum of its SQL.
 *
 * Two registries starting against one PostgreSQL serialise on an advisory lock, so a migration
 * never runs twice. Refuses to start (clear message) when the database is newer than this code
 * or an applied migration was edited.
 */
import { createHash } from 'node:crypto';

import { migrations as defaultMigrations, type Migration } from './migrations';
import type { Db } from './types';

/** Arbitrary constant key for pg_advisory_xact_lock: "CCPORMIG". */
const LOCK_KEY = 4_340_923_471;

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Versions applied by this run and the resulting schema version. */
export type MigrationReport = { readonly applied: number[]; readonly version: number };

/** Brings the schema up to date; returns the versions applied now and the resulting version. */
export async function migrate(
  db: Db,
  list: readonly Migration[] = defaultMigrations,
): Promise<MigrationReport> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     int PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const rows = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [m.version],
      );
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== checksum(m.sql)) {
          throw new Error(
            `Migration ${m.version} (${m.name}) was changed after it was applied. ` +
              'Restore the original file and add a new migration instead.',
          );
        }
        return false;
      }
      await tx.exec(m.sql);
      await m.backfill?.(tx);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [m.version, m.name, checksum(m.sql)],
      );
      return true;
    });
    if (done) applied.push(m.version);
  }
  const version = await schemaVersion(db);
  const newest = Math.max(0, ...list.map((m) => m.version));
  if (version > newest) {
    throw new Error(
      `The database schema is version ${version} but this registry knows only up to ${newest}. ` +
        'Run the newer registry release against this database.',
    );
  }
  return { applied, version };
}

/** The highest applied migration version (0 for an empty database). */
export async function schemaVersion(db: Db): Promise<number> {
  const rows = await db.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM schema_migrations',
  );
  return rows[0]?.v ?? 0;
}
