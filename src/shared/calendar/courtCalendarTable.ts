/**
 * The court calendar as the registry holds it: both editable tables (closures.ts and
 * courtSettings.ts) in one document, the shape of `PUT /v1/admin/court-calendar`, of the file
 * `npm run registry -- court-calendar import|export` reads and writes, and of what a workstation
 * receives for its own court (`GET /v1/court-calendar`).
 *
 * The row schemas are the shared ones; this module adds what only a whole table can check (one
 * row per court and date, court ids that are ORIs) and turns problems into messages that name
 * the row, so an administrator editing a JSON file by hand can find the line to fix.
 */
import { z } from 'zod';

import { ALL_COURTS, courtClosureSchema } from './closures';
import { courtSettingSchema } from './courtSettings';

/** A court ORI as the registry enrols it: 5–12 capital letters or digits, e.g. CA034999J. */
export const COURT_ORI = /^[A-Z0-9]{5,12}$/;

/** Most rows a table may hold: far above any real calendar, low enough to refuse a runaway file. */
export const MAX_CLOSURE_ROWS = 20_000;
/** Most settings rows (one per court). */
export const MAX_SETTING_ROWS = 2_000;

const closureRow = courtClosureSchema.extend({
  court: z
    .string()
    .refine(
      (c) => c === ALL_COURTS || COURT_ORI.test(c),
      'Court must be its ORI (5–12 capital letters or digits, e.g. CA034999J) or * for all courts',
    ),
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the court is closed')
    .max(200, 'Keep the reason under 200 characters'),
});

const settingRow = courtSettingSchema.extend({
  court: z
    .string()
    .regex(
      COURT_ORI,
      'Court must be its ORI (5–12 capital letters or digits, e.g. CA034999J); a court with no row closes at 17:00',
    ),
});

/** Both tables: every row valid, at most one closure per court and date, one setting per court. */
export const courtCalendarTableSchema = z
  .object({
    closures: z
      .array(closureRow, {
        error: 'List the closures as "closures": [ … ] (an empty list is fine)',
      })
      .max(MAX_CLOSURE_ROWS, `At most ${MAX_CLOSURE_ROWS} closures`),
    settings: z
      .array(settingRow, {
        error: 'List the settings as "settings": [ … ] (an empty list is fine)',
      })
      .max(MAX_SETTING_ROWS, `At most ${MAX_SETTING_ROWS} settings`),
  })
  .superRefine((table, ctx) => {
    const closures = new Map<string, number>();
    table.closures.forEach((row, i) => {
      const key = `${row.court} ${row.date}`;
      const first = closures.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['closures', i, 'date'],
          message: `${row.court} is already closed on ${row.date} (closures row ${first + 1}): keep one row`,
        });
      } else closures.set(key, i);
    });
    const settings = new Map<string, number>();
    table.settings.forEach((row, i) => {
      const first = settings.get(row.court);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['settings', i, 'court'],
          message: `Court ${row.court} already has a settings row (settings row ${first + 1}): keep one`,
        });
      } else settings.set(row.court, i);
    });
  });

/** Both editable tables of the court calendar. */
export type CourtCalendarTable = z.infer<typeof courtCalendarTableSchema>;

/**
 * What `GET /v1/admin/court-calendar` answers and `court-calendar export` writes: the tables,
 * when they were last replaced and by whom (null: never; the registry starts empty). A file of
 * this shape imports as it is: the table schema ignores `updatedAt` and `updatedBy`.
 */
export type CourtCalendarAdminView = CourtCalendarTable & {
  readonly updatedAt: string | null;
  /** A registry username, or `command line`. */
  readonly updatedBy: string | null;
};

/** What one workstation gets: its court's closures and `*` rows, and its court's settings. */
export const courtCalendarForCourtSchema = z.object({
  court: z.string().regex(COURT_ORI),
  closures: z.array(courtClosureSchema),
  settings: z.array(courtSettingSchema),
  updatedAt: z.string().nullable(),
});

/** The answer of `GET /v1/court-calendar`. */
export type CourtCalendarForCourt = z.infer<typeof courtCalendarForCourtSchema>;

/** The rows of `table` one court sees: its own and the `*` closures, its own settings. */
export function courtCalendarFor(
  table: CourtCalendarTable,
  court: string,
  updatedAt: string | null,
): CourtCalendarForCourt {
  return {
    court,
    closures: table.closures.filter((c) => c.court === court || c.court === ALL_COURTS),
    settings: table.settings.filter((s) => s.court === court),
    updatedAt,
  };
}

function describeRow(input: unknown, table: string, index: number): string {
  const rows = (input as Record<string, unknown> | null)?.[table];
  const row = Array.isArray(rows) ? (rows[index] as Record<string, unknown> | undefined) : null;
  const parts = [row?.court, table === 'closures' ? row?.date : row?.closeOfBusiness]
    .filter((v) => typeof v === 'string' && v !== '')
    .map(String);
  return `${table} row ${index + 1}${parts.length > 0 ? ` (${parts.join(' ')})` : ''}`;
}

/**
 * One message per problem, naming the row as a person counts it (1-based) with what identifies
 * it, e.g. `closures row 3 (CA034999J 2026-02-30): Closure date must be a real date …`.
 */
export function courtCalendarProblems(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const [table, index, field] = issue.path;
    if ((table === 'closures' || table === 'settings') && typeof index === 'number') {
      const where = describeRow(input, table, index);
      return `${where}${field !== undefined ? `, ${String(field)}` : ''}: ${issue.message}`;
    }
    const at = issue.path.map(String).join('.');
    return at ? `${at}: ${issue.message}` : issue.message;
  });
}
