/**
 * PGlite backend: PostgreSQL compiled to WASM, running in the registry process with its data in a
 * folder, so `npm start` needs no database server. pg_trgm is loaded as a contrib extension.
 *
 * PGlite has one connection: transactions are serialised by PGlite's own mutex, and a plain
 * query issued while a transaction runs waits for it. That is correct, just not concurrent.
 */
import { mkdirSync } from 'node:fs';

import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

import type { Db, Tx } from './types';

type PgliteLike = {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(sql: string): Promise<unknown>;
};

function wrap(q: PgliteLike): Tx {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await q.query<R>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  };
}

/** Opens (creating if needed) a PGlite database in `dataDir`, or in memory when undefined. */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm },
    // Same JS types as the pg backend: dates stay 'YYYY-MM-DD' text (no time-zone shift).
    parsers: { [types.DATE]: (value: string) => value },
  });
  const base = wrap(pg);
  return {
    backend: 'pglite',
    query: base.query,
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    exec: base.exec,
    async close(): Promise<void> {
      if (!pg.closed) await pg.close();
    },
  };
}
