/**
 * The court calendar endpoints (rules in src/registry/auth/routeActions.ts):
 * - GET /v1/court-calendar (enrolled workstation): its court's closures and the `*` closures,
 *   and its court's settings, so it computes expiry and due-by offline;
 * - GET /v1/admin/court-calendar (admin, `calendar.manage`): both tables whole;
 * - PUT /v1/admin/court-calendar (admin): replaces both tables in one transaction. A bad row is
 *   a 400 naming every row to fix, and nothing changes.
 */
import type { FastifyInstance } from 'fastify';

import { courtCalendarFor } from '../../shared/calendar/courtCalendarTable';
import { requireUser } from '../auth/guard';
import type { Db } from '../db/types';
import { RegistryError } from '../errors';
import { requireDevice } from '../routes/auth';

import type { CourtCalendarCache } from './calendarCache';
import {
  CalendarTableError,
  replaceCourtCalendar,
  type StoredCourtCalendar,
} from './calendarStore';

/** The admin view: the stored tables without the internal change counter. */
function adminView(stored: StoredCourtCalendar) {
  const { version: _version, ...view } = stored;
  return view;
}

/** Registers the court calendar routes over `cache` (kept current after each replacement). */
export function registerCalendarRoutes(
  app: FastifyInstance,
  deps: { readonly db: Db; readonly calendar: CourtCalendarCache },
): void {
  app.get('/v1/court-calendar', async (request) => {
    const device = request.principal?.device ?? (await requireDevice(deps.db, request));
    // A change made by another registry process shows here at once, not at the next check.
    await deps.calendar.refreshIfChanged();
    const table = deps.calendar.table;
    return courtCalendarFor(table, device.courtOri, table.updatedAt);
  });

  app.get('/v1/admin/court-calendar', async () => {
    await deps.calendar.refreshIfChanged();
    return adminView(deps.calendar.table);
  });

  app.put('/v1/admin/court-calendar', async (request) => {
    const who = requireUser(request);
    try {
      const stored = await replaceCourtCalendar(deps.db, request.body ?? {}, who.username);
      deps.calendar.use(stored);
      return adminView(stored);
    } catch (error) {
      if (error instanceof CalendarTableError) {
        throw new RegistryError(400, 'invalid-request', error.message, {
          issues: error.problems,
        });
      }
      throw error;
    }
  });
}
