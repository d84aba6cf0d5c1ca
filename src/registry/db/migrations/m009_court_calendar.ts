/**
 * Migration 9: the court calendar as registry-held data (docs/registry-api.md "Court calendar").
 *
 * - court_closures: days a court is closed beyond the statewide holidays (emergencies, local
 *   closures); `court_ori = '*'` closes every court. One row per court and date.
 * - court_settings: per-court rules; today the close of judicial business (HH:MM Pacific) that
 *   ends an EPO on its 5th court day. A court without a row uses 17:00 (src/shared/calendar).
 * - court_calendar_meta: one row, bumped by every replacement of the tables, so a registry
 *   process can tell cheaply that another one (or the CLI) changed them.
 *
 * The checks repeat the shared zod rules (src/shared/calendar/courtCalendarTable.ts) so no
 * path into the database can store a row the workstations would refuse.
 */
export const m009CourtCalendar = {
  version: 9,
  name: 'court-calendar',
  sql: `
CREATE TABLE court_closures (
  court_ori  text NOT NULL CHECK (court_ori = '*' OR court_ori ~ '^[A-Z0-9]{5,12}$'),
  date       date NOT NULL,
  reason     text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  PRIMARY KEY (court_ori, date)
);
CREATE TABLE court_settings (
  court_ori          text PRIMARY KEY CHECK (court_ori ~ '^[A-Z0-9]{5,12}$'),
  close_of_business  text NOT NULL CHECK (close_of_business ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
CREATE TABLE court_calendar_meta (
  id          int PRIMARY KEY CHECK (id = 1),
  version     bigint NOT NULL,
  updated_at  timestamptz,
  updated_by  text
);
INSERT INTO court_calendar_meta (id, version) VALUES (1, 0);
`,
};
