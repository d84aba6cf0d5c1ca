/**
 * Schema migrations from an empty database on both backends: all apply in order, a second run
 * is a no-op, an edited migration and a database newer than the code are refused, and a data
 * backfill runs in the migration's transaction.
 */
import { rmSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { migrate, schemaVersion } from '../../../src/registry/db/migrate';
import { migrations } from '../../../src/registry/db/migrations';
import { openPglite } from '../../../src/registry/db/pglite';
import { openPostgres } from '../../../src/registry/db/postgres';
import type { Db } from '../../../src/registry/db/types';

import { BACKENDS, emptyPgliteDir, pgCluster, stopCluster, type Backend } from './env';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await stopCluster();
});

/** An empty, unmigrated database. */
async function emptyDb(backend: Backend): Promise<Db> {
  if (backend === 'pglite') {
    const dir = await emptyPgliteDir();
    dirs.push(dir);
    return openPglite(dir);
  }
  const cluster = await pgCluster();
  return openPostgres(
    await cluster.createDatabase(`mig_${Date.now()}_${Math.floor(Math.random() * 1e6)}`),
  );
}

describe.each(BACKENDS)('migrations on %s', (backend) => {
  it('applies every migration from empty, once, in order', async () => {
    const db = await emptyDb(backend);
    try {
      expect(await migrate(db)).toEqual({
        applied: migrations.map((m) => m.version),
        version: migrations.length,
      });
      expect(await migrate(db)).toEqual({ applied: [], version: migrations.length });
      const rows = await db.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining([
          'changes',
          'devices',
          'mutation_kinds',
          'mutations',
          'order_names',
          'orders',
          'pages',
        ]),
      );
      const kinds = await db.query<{ kind: string }>(
        'SELECT kind FROM mutation_kinds ORDER BY kind',
      );
      expect(kinds.map((k) => k.kind)).toEqual([
        'audit.append',
        'order.modify',
        'order.submit',
        'service.record',
      ]);
    } finally {
      await db.close();
    }
  });

  it('backfills one-edit keys for names stored before migration 2', async () => {
    const db = await emptyDb(backend);
    try {
      await migrate(db, migrations.slice(0, 1));
      await db.query("INSERT INTO courts (ori) VALUES ('CA034999J')");
      await db.query(`INSERT INTO orders (order_id, court_ori, version, payload, payload_hash, order_type, case_number, case_key, restrained_last, device_id, seq)
        VALUES ('o1', 'CA034999J', 1, '{}', 'h', 'DV-110', 'C1', 'C1', 'Lee', '00000000-0000-4000-8000-000000000001', 1)`);
      await db.query(
        "INSERT INTO order_names (order_id, court_ori, role, person_index, last_fold, first_fold, dm1, dm2) VALUES ('o1', 'CA034999J', 'restrained', 0, 'LEE', '', 'L', 'L')",
      );
      expect(await migrate(db, migrations.slice(0, 2))).toEqual({ applied: [2], version: 2 });
      const keys = await db.query<{ edit_keys: string[] }>('SELECT edit_keys FROM order_names');
      expect([...(keys[0]?.edit_keys ?? [])].sort()).toEqual(['EE', 'LE', 'LEE']);
    } finally {
      await db.close();
    }
  });

  it('refuses an edited migration and a database newer than the code', async () => {
    const db = await emptyDb(backend);
    try {
      await migrate(db);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
      await expect(migrate(db, edited)).rejects.toThrow(
        /Migration 1 \(initial\) was changed after it was applied/,
      );
      await db.query(
        "INSERT INTO schema_migrations (version, name, checksum) VALUES (99, 'future', 'x')",
      );
      await expect(migrate(db)).rejects.toThrow(
        /schema is version 99 but this registry knows only up to/,
      );
      expect(await schemaVersion(db)).toBe(99);
    } finally {
      await db.close();
    }
  });
});
