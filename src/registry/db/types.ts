/**
 * The registry's one small database interface, implemented by PGlite (embedded default) and by
 * node-postgres (a real PostgreSQL through DATABASE_URL).
 *
 * Everything above this layer speaks plain parameterised SQL within PostgreSQL 15 and gets rows
 * back with the same JS types from both backends: int8 as number, date as 'YYYY-MM-DD' text,
 * timestamptz as Date, jsonb parsed, bytea as Uint8Array.
 */

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterised statement (`$1`, `$2`, …) and returns its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** An open transaction: queries plus multi-statement `exec` (used by migrations). */
export interface Tx extends Queryable {
  exec(sql: string): Promise<void>;
}

/** Which implementation serves a Db. */
export type Backend = 'pglite' | 'postgres';

/** The database: queries, transactions, close. */
export interface Db extends Queryable {
  readonly backend: Backend;
  /**
   * Runs `fn` in one READ COMMITTED transaction: COMMIT when it resolves, ROLLBACK when it throws
   * (the error is re-thrown). Callers take row locks (`FOR UPDATE`) where they need serialising.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs several statements in one string (migrations only; no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL error's SQLSTATE (`23505` unique violation, …), or undefined for other errors. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
