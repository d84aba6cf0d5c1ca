/**
 * node-postgres backend for a real PostgreSQL (15 or later) named by DATABASE_URL.
 *
 * Type parsers are set per pool (not globally) so rows look exactly like PGlite's: int8 → number
 * (ids and counts stay far below 2^53), date → text, bytea → Uint8Array (Buffer is one).
 */
import pg from 'pg';

import type { Db, Tx } from './types';

const INT8 = 20;
const DATE = 1082;

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function wrap(client: pg.Pool | pg.PoolClient): Tx {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as R[];
    },
    async exec(sql: string): Promise<void> {
      // No parameters → simple query protocol, which accepts several statements.
      await client.query(sql);
    },
  };
}

/** Connects a pool to `url` (e.g. postgres://user@127.0.0.1:5432/ccpor) and checks it answers. */
export async function openPostgres(url: string, poolSize = 20): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers });
  // An idle client losing its server (restart) must not crash the registry; the next query
  // reconnects and a failing request answers 503.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const base = wrap(pool);
  let closed = false;
  return {
    backend: 'postgres',
    query: base.query,
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(wrap(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: base.exec,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
