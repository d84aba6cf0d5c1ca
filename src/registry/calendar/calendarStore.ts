/**
 * The court calendar tables in the registry database (migration 9): read them whole, or replace
 * them whole in ONE transaction, so a workstation or the relay never sees half of an edit.
 *
 * Input is validated with the shared schema before anything is written: a bad row is a
 * `CalendarTableError` listing every problem by row, and the stored tables stay as they were.
 */
import {
  courtCalendarProblems,
  courtCalendarTableSchema,
  type CourtCalendarAdminView,
  type CourtCalendarTable,
} from '../../shared/calendar/courtCalendarTable';
import type { Db, Queryable } from '../db/types';

/** The table given to `replaceCourtCalendar` is not valid; `problems` name the rows to fix. */
export class CalendarTableError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The court calendar was not changed. Fix these rows: ${problems.join('; ')}`);
    this.name = 'CalendarTableError';
  }
}

/** The stored tables and their change counter (bumped by every replacement). */
export type StoredCourtCalendar = CourtCalendarAdminView & { readonly version: number };

/** Validates `input` as a court calendar table; throws CalendarTableError naming bad rows. */
export function parseCourtCalendar(input: unknown): CourtCalendarTable {
  const parsed = courtCalendarTableSchema.safeParse(input);
  if (!parsed.success) throw new CalendarTableError(courtCalendarProblems(parsed.error, input));
  return parsed.data;
}

/** The change counter alone (cheap: one row), to tell whether a cached copy is stale. */
export async function courtCalendarVersion(db: Queryable): Promise<number> {
  const rows = await db.query<{ version: number | string }>(
    'SELECT version FROM court_calendar_meta WHERE id = 1',
  );
  return Number(rows[0]?.version ?? 0);
}

/**
 * Both tables, sorted by court (byte order: `*` first) and date, with when and by whom they were
 * last replaced.
 */
export async function readCourtCalendar(db: Queryable): Promise<StoredCourtCalendar> {
  const meta = await db.query<{
    version: number | string;
    updated_at: Date | null;
    updated_by: string | null;
  }>('SELECT version, updated_at, updated_by FROM court_calendar_meta WHERE id = 1');
  const closures = await db.query<{ court_ori: string; date: string; reason: string }>(
    `SELECT court_ori, date::text AS date, reason FROM court_closures
     ORDER BY court_ori COLLATE "C", date`,
  );
  const settings = await db.query<{ court_ori: string; close_of_business: string }>(
    'SELECT court_ori, close_of_business FROM court_settings ORDER BY court_ori COLLATE "C"',
  );
  const m = meta[0];
  return {
    version: Number(m?.version ?? 0),
    updatedAt: m?.updated_at ? m.updated_at.toISOString() : null,
    updatedBy: m?.updated_by ?? null,
    closures: closures.map((r) => ({ court: r.court_ori, date: r.date, reason: r.reason })),
    settings: settings.map((r) => ({ court: r.court_ori, closeOfBusiness: r.close_of_business })),
  };
}

/**
 * Replaces both tables with `input` (validated first) in one transaction, recording who did it;
 * returns the stored result. Two replacements at once serialise on the meta row.
 */
export async function replaceCourtCalendar(
  db: Db,
  input: unknown,
  updatedBy: string,
): Promise<StoredCourtCalendar> {
  const table = parseCourtCalendar(input);
  return db.transaction(async (tx) => {
    await tx.query('SELECT version FROM court_calendar_meta WHERE id = 1 FOR UPDATE');
    await tx.query('DELETE FROM court_closures');
    await tx.query('DELETE FROM court_settings');
    if (table.closures.length > 0) {
      await tx.query(
        `INSERT INTO court_closures (court_ori, date, reason)
         SELECT x.court, x.date::date, x.reason
         FROM jsonb_to_recordset($1::jsonb) AS x(court text, date text, reason text)`,
        [JSON.stringify(table.closures)],
      );
    }
    if (table.settings.length > 0) {
      await tx.query(
        `INSERT INTO court_settings (court_ori, close_of_business)
         SELECT x.court, x."closeOfBusiness"
         FROM jsonb_to_recordset($1::jsonb) AS x(court text, "closeOfBusiness" text)`,
        [JSON.stringify(table.settings)],
      );
    }
    await tx.query(
      `UPDATE court_calendar_meta SET version = version + 1, updated_at = now(), updated_by = $1
       WHERE id = 1`,
      [updatedBy],
    );
    return readCourtCalendar(tx);
  });
}
