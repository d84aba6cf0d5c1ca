/**
 * The CLETS deadline lists as the panel shows them, and the words for each figure. Pure: the
 * panel passes the lists main returned and the current time in.
 *
 * The registry classifies with its own clock and the court's closures; between two fetches (and
 * while the registry cannot be reached) the countdown runs on here: the court time that has
 * passed since the registry's `asOf` (by the shared calendar) is taken off each item's court
 * hours left, and an item whose due-by has passed moves to "Overdue". "Now" is the registry's
 * `asOf` plus the time elapsed on this workstation, so a wrong workstation clock cannot move an
 * order between the lists.
 */
import { courtHoursUntil, nextCourtDay } from '../../../shared/calendar';
import type { DeadlineListsView, OpenTransactionView } from '../../../shared/ipc/contracts/clets';
import { COURT_ZONE, toZonedIso, zonedDateOf } from '../../../shared/time';

/** An overdue row: court days and court hours since the due-by. */
export type OverdueRow = OpenTransactionView & {
  readonly courtDaysOverdue: number;
  readonly courtHoursOverdue: number;
};

/** An at-risk row: court hours left before the due-by. */
export type AtRiskRow = OpenTransactionView & { readonly courtHoursLeft: number };

/** Both lists at one instant. */
export type DeadlineRows = {
  /** The instant the figures are for (ISO with the court's offset). */
  readonly at: string;
  readonly overdue: readonly OverdueRow[];
  readonly atRisk: readonly AtRiskRow[];
};

/**
 * The instant the figures should be for: the registry's `asOf`, plus how long main had kept
 * the lists when it handed them over (`ageMs`), plus the time since the renderer got them.
 */
export function effectiveNow(lists: DeadlineListsView, receivedAtMs: number, nowMs: number) {
  return Date.parse(lists.asOf) + lists.ageMs + Math.max(0, nowMs - receivedAtMs);
}

/**
 * Court days after `dueDate` up to and including `today` (the registry's count); `closures`
 * are the court's closure dates (calendar:get-court-rules), none when not given.
 */
export function courtDaysAfter(
  dueDate: string,
  today: string,
  closures?: readonly string[],
): number {
  let n = 0;
  for (let d = nextCourtDay(dueDate, closures); d <= today; d = nextCourtDay(d, closures)) n += 1;
  return n;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The lists at `atMs`, counted on from the registry's figures at `lists.asOf`. Court days the
 * registry counted (closures included) are kept; only the days since `asOf` are added here,
 * skipping the court's `closures` as the registry does.
 */
export function deadlineRowsAt(
  lists: DeadlineListsView,
  atMs: number,
  closures?: readonly string[],
): DeadlineRows {
  const asOfMs = Date.parse(lists.asOf);
  const at = toZonedIso(Math.max(atMs, asOfMs));
  const elapsedHours = atMs > asOfMs ? courtHoursUntil(lists.asOf, at, closures) : 0;
  const daysSinceAsOf =
    atMs > asOfMs ? courtDaysAfter(zonedDateOf(lists.asOf), zonedDateOf(at), closures) : 0;
  const overdue: OverdueRow[] = lists.overdue.map((o) => ({
    ...o,
    courtDaysOverdue: o.courtDaysOverdue + daysSinceAsOf,
    courtHoursOverdue: round2(o.courtHoursOverdue + elapsedHours),
  }));
  const atRisk: AtRiskRow[] = [];
  for (const r of lists.atRisk) {
    if (Date.parse(r.dueBy) <= atMs) {
      const { courtHoursLeft: _left, ...rest } = r;
      overdue.push({
        ...rest,
        courtDaysOverdue: courtDaysAfter(zonedDateOf(r.dueBy), zonedDateOf(at), closures),
        courtHoursOverdue: round2(courtHoursUntil(r.dueBy, at, closures)),
      });
    } else {
      atRisk.push({ ...r, courtHoursLeft: round2(Math.max(0, r.courtHoursLeft - elapsedHours)) });
    }
  }
  overdue.sort(
    (a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy) || a.transactionId - b.transactionId,
  );
  atRisk.sort((a, b) => a.courtHoursLeft - b.courtHoursLeft || a.transactionId - b.transactionId);
  return { at, overdue, atRisk };
}

/** "2 h 15 min", "45 min", "3 h", "less than 1 min" for a number of court hours. */
export function formatCourtHours(hours: number): string {
  const minutes = Math.round(Math.max(0, hours) * 60);
  if (minutes === 0) return 'less than 1 min';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The countdown of an at-risk row: "2 h 15 min of court time left". */
export function atRiskText(row: Pick<AtRiskRow, 'courtHoursLeft'>): string {
  if (Math.round(row.courtHoursLeft * 60) <= 0) {
    return 'No court time left: due by the end of today';
  }
  return `${formatCourtHours(row.courtHoursLeft)} of court time left`;
}

/** How late an overdue row is: "1 court day overdue (3 h 20 min of court time)". */
export function overdueText(row: Pick<OverdueRow, 'courtDaysOverdue' | 'courtHoursOverdue'>) {
  const days = row.courtDaysOverdue;
  if (days <= 0) return 'Overdue; no court day has passed since its due-by yet';
  const dayWords = `${days} court ${days === 1 ? 'day' : 'days'} overdue`;
  return row.courtHoursOverdue > 0
    ? `${dayWords} (${formatCourtHours(row.courtHoursOverdue)} of court time)`
    : dayWords;
}

const eventWords: Readonly<Record<string, string>> = {
  issued: 'Issued',
  modified: 'Modified',
  renewed: 'Renewed',
  terminated: 'Terminated',
  served: 'Proof of service',
  'entered-in-error': 'Entered in error',
};

/** The lifecycle event in clerk words (an unknown event is shown as the registry wrote it). */
export function eventLabel(event: string): string {
  return eventWords[event] ?? event;
}

/** Where the transaction is: waiting for the relay, or sent and waiting for CLETS. */
export function stateLabel(state: OpenTransactionView['state']): string {
  return state === 'pending' ? 'Waiting to be sent' : 'Sent, CLETS has not answered';
}

/** An instant in court time, e.g. "Thu, Dec 3, 11:59 PM PST". */
export function courtTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', {
    timeZone: COURT_ZONE,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}
