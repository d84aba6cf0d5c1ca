/**
 * The court calendar held in memory for the code that needs it synchronously: the relay's
 * due-by (DbRelayStore computes one per CLETS transaction) and the deadline and review lists.
 *
 * Loaded when the registry starts, replaced at once after this process changes the tables, and
 * re-read when the change counter in the database moved (another registry process on the same
 * PostgreSQL, or `court-calendar import`), checked every `checkMs`.
 *
 * `closuresFor(court)` returns the same array until the tables change: the shared calendar code
 * validates and caches by array identity, so a stable array keeps those caches warm.
 */
import { closuresFor } from '../../shared/calendar/closures';
import { courtRulesFor } from '../../shared/calendar/courtSettings';
import type { Queryable } from '../db/types';

import { courtCalendarVersion, readCourtCalendar, type StoredCourtCalendar } from './calendarStore';

const EMPTY: StoredCourtCalendar = {
  version: -1,
  updatedAt: null,
  updatedBy: null,
  closures: [],
  settings: [],
};

/** The registry's in-memory copy of the court calendar. */
export class CourtCalendarCache {
  private current: StoredCourtCalendar = EMPTY;
  private perCourt = new Map<string, readonly string[]>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private checking: Promise<void> | undefined;

  constructor(private readonly db: Queryable) {}

  /** The tables as last loaded (empty before the first load). */
  get table(): StoredCourtCalendar {
    return this.current;
  }

  /** Reads the tables from the database now. */
  async load(): Promise<void> {
    this.use(await readCourtCalendar(this.db));
  }

  /** Takes a copy just written by this process (no second read). */
  use(table: StoredCourtCalendar): void {
    if (table.version === this.current.version && this.current !== EMPTY) return;
    this.current = table;
    this.perCourt = new Map();
  }

  /** Re-reads the tables if their change counter moved since the last load. */
  async refreshIfChanged(): Promise<void> {
    this.checking ??= (async () => {
      try {
        if ((await courtCalendarVersion(this.db)) !== this.current.version) await this.load();
      } finally {
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  /** Checks for changes every `checkMs` until `stop()`; a failed check is retried next time. */
  start(checkMs: number, onError: (error: unknown) => void = () => undefined): void {
    this.stop();
    this.timer = setInterval(() => void this.refreshIfChanged().catch(onError), checkMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The closure dates of `court` (its rows and `*` rows), sorted; the same array until a change. */
  closuresFor = (court: string): readonly string[] => {
    let dates = this.perCourt.get(court);
    if (!dates) {
      dates = Object.freeze(closuresFor(this.current.closures, court));
      this.perCourt.set(court, dates);
    }
    return dates;
  };

  /** `{ closures, closeOfBusiness }` of `court`, as checkOrder and deriveExpiry take them. */
  rulesFor(court: string): { closures: readonly string[]; closeOfBusiness: string } {
    const { closeOfBusiness } = courtRulesFor(this.current.settings, [], court);
    return { closures: this.closuresFor(court), closeOfBusiness };
  }
}
