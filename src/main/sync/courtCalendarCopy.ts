/**
 * The last court calendar the registry sent this workstation, kept in the data folder
 * (`sync/court-calendar.json`) so expiry and due-by count the court's closures while offline and
 * after a restart. Written atomically (temp file, fsync, rename): a crash leaves the old copy or
 * the new one. A missing or damaged file means "no copy yet", never an error at start.
 *
 * The copy names its court: after the workstation is enrolled for another court, the old copy is
 * not used (the defaults apply until the new court's calendar arrives).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import {
  courtCalendarForCourtSchema,
  type CourtCalendarForCourt,
} from '../../shared/calendar/courtCalendarTable';
import { courtRulesFor, DEFAULT_CLOSE_OF_BUSINESS } from '../../shared/calendar/courtSettings';
import type { RegistryClient } from '../../registry/client/registryClient';
import type { CourtRules } from '../../shared/ipc/contracts/calendar';
import { writePrivateFileSync } from '../services/privateFile';

const fileSchema = z.object({
  version: z.literal(1),
  /** When main received it (ISO). */
  receivedAt: z.string(),
  calendar: courtCalendarForCourtSchema,
});

/** A court calendar fetched this recently is not fetched again (probes run every 30 s). */
export const CALENDAR_REFRESH_MS = 60_000;

/** The calendar copy on disk and in memory. */
export class CourtCalendarCopy {
  private readonly file: string;
  private kept: z.infer<typeof fileSchema> | undefined;
  /** When (Date.now) the registry last answered, and the fetch in flight. */
  private fetchedAt = 0;
  private fetching: Promise<void> | undefined;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'sync', 'court-calendar.json');
    this.kept = this.read();
  }

  private read(): z.infer<typeof fileSchema> | undefined {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** The calendar kept for `court`, with when it was received; undefined if none. */
  get(court: string | null): { calendar: CourtCalendarForCourt; receivedAt: string } | undefined {
    return this.kept && court && this.kept.calendar.court === court ? this.kept : undefined;
  }

  /** Keeps `calendar` as the last copy, on disk first. */
  save(calendar: CourtCalendarForCourt, receivedAt: string): void {
    const next = { version: 1 as const, receivedAt, calendar };
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writePrivateFileSync(this.file, `${JSON.stringify(next)}\n`);
    this.kept = next;
  }

  /**
   * Fetches `court`'s calendar through `client` unless it was fetched within a minute (one
   * fetch at a time). Never throws: on failure the last copy stays in use and the next call tries
   * again; connectivity is reported by the sync service's other requests.
   */
  refresh(client: Pick<RegistryClient, 'courtCalendar'>, court: string, now: Date): Promise<void> {
    if (this.fetching) return this.fetching;
    if (Date.now() - this.fetchedAt < CALENDAR_REFRESH_MS) return Promise.resolve();
    this.fetching = (async () => {
      try {
        const calendar = await client.courtCalendar();
        // The registry answers for the credential's court; anything else is not ours to keep.
        if (calendar.court !== court) return;
        this.save(calendar, now.toISOString());
        this.fetchedAt = Date.now();
      } catch {
        // Best effort: keep the last copy.
      } finally {
        this.fetching = undefined;
      }
    })();
    return this.fetching;
  }

  /** Forgets when the calendar was fetched (a new credential): the next refresh fetches. */
  forget(): void {
    this.fetchedAt = 0;
  }

  /** `{ closures, closeOfBusiness }` of `court`: from the copy, or the defaults without one. */
  rulesFor(court: string | null): CourtRules {
    const kept = this.get(court);
    if (!kept || !court) return { closures: [], closeOfBusiness: DEFAULT_CLOSE_OF_BUSINESS };
    return courtRulesFor(kept.calendar.settings, kept.calendar.closures, court);
  }
}
