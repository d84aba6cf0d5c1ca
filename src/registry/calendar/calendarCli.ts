/**
 * `npm run registry -- court-calendar import FILE [--database-url URL | --data-dir DIR]` and
 * `npm run registry -- court-calendar export [FILE] [--database-url URL | --data-dir DIR]`:
 * the court calendar as a JSON file an administrator edits by hand, the same shape as
 * `GET|PUT /v1/admin/court-calendar` (`{ "closures": [...], "settings": [...] }`).
 *
 * An import replaces both tables in one transaction, or changes nothing and lists every bad row.
 * With the embedded PGlite, stop the registry first (one process holds its data folder); a
 * registry on PostgreSQL picks the change up within a minute (src/registry/calendar/calendarCache.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { appendRegistryEvent } from '../audit/auditLog';
import { parseConfig } from '../config';
import { openDatabase } from '../db/open';
import type { Db } from '../db/types';

import {
  CalendarTableError,
  parseCourtCalendar,
  readCourtCalendar,
  replaceCourtCalendar,
} from './calendarStore';

const USAGE =
  'Use: registry court-calendar import FILE | registry court-calendar export [FILE] ' +
  '(with --data-dir DIR or --database-url URL)';

/** The first argument that is not a flag or a flag's value. */
function fileArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      if (a !== '--log-requests' && a !== '--demo-users') i += 1;
      continue;
    }
    return a;
  }
  return undefined;
}

/** Reads and checks the file before any database is opened: a typo costs nothing. */
function readTable(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    parseCourtCalendar(json);
  } catch (error) {
    if (!(error instanceof CalendarTableError)) throw error;
    throw new Error(
      `${file} was not imported; the court calendar is unchanged. Fix these rows:\n${error.problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return json;
}

async function withDb<T>(argv: readonly string[], fn: (db: Db) => Promise<T>): Promise<T> {
  const config = parseConfig(argv, process.env);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Runs `court-calendar import|export`; resolves with the line to print (export to stdout: the
 * JSON itself). Throws an Error saying what to fix; on a bad file nothing is changed.
 */
export async function courtCalendarCommand(argv: readonly string[]): Promise<string> {
  const [verb, ...rest] = argv;
  const file = fileArgument(rest);
  if (verb === 'import') {
    if (!file) throw new Error(`court-calendar import needs the FILE to read. ${USAGE}`);
    const json = readTable(file);
    return withDb(rest, async (db) => {
      const stored = await replaceCourtCalendar(db, json, 'command line');
      await appendRegistryEvent(db, undefined, {
        actor: null,
        action: 'calendar.manage',
        outcome: 'success',
        reason: `court calendar replaced from the command line (${stored.closures.length} closures, ${stored.settings.length} settings)`,
        subject: { kind: 'court-calendar', id: String(stored.version) },
        where: { route: 'cli court-calendar import' },
      });
      return `Court calendar replaced: ${stored.closures.length} closures, ${stored.settings.length} court settings.`;
    });
  }
  if (verb === 'export') {
    return withDb(rest, async (db) => {
      const { version: _version, ...view } = await readCourtCalendar(db);
      const text = `${JSON.stringify(view, null, 2)}\n`;
      if (!file) return text.trimEnd();
      writeFileSync(file, text);
      return `Court calendar written to ${file}: ${view.closures.length} closures, ${view.settings.length} court settings.`;
    });
  }
  throw new Error(`Unknown court-calendar command "${verb ?? ''}". ${USAGE}`);
}
