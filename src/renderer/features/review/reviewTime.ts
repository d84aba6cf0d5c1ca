/**
 * Court-time helpers for the Review page: today's court day, times as clerks read them, and
 * the due-by countdown. Always America/Los_Angeles, whatever the workstation's own zone.
 */
import type { DaySubmission } from '../../../shared/review/daySummary';
import { COURT_ZONE, toZonedIso } from '../../../shared/time';

/** Today's court day (YYYY-MM-DD in Los Angeles). */
export function courtToday(nowMs: number = Date.now()): string {
  return toZonedIso(nowMs, COURT_ZONE).slice(0, 10);
}

const clock = new Intl.DateTimeFormat('en-US', {
  timeZone: COURT_ZONE,
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Dec 2, 9:05 AM" in court time; '' for none. */
export function courtWhen(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : clock.format(d);
}

/** "1 h 20 min" from milliseconds (whole minutes, rounded down). */
export function spanText(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Where a submission's CLETS deadline stands at `nowMs`, in words for the table. */
export type Countdown = {
  readonly state: DaySubmission['deadline'];
  readonly text: string;
};

/**
 * The countdown for one submission. The registry's deadline state (which counts court hours)
 * is kept, except that a due-by already past is overdue whatever the summary said when built.
 */
export function countdown(s: DaySubmission, nowMs: number): Countdown {
  if (s.deadline === 'met' || !s.dueBy) return { state: 'met', text: 'Acknowledged' };
  const due = Date.parse(s.dueBy);
  if (Number.isNaN(due)) return { state: s.deadline, text: `Due by ${s.dueBy}` };
  const left = due - nowMs;
  if (left <= 0) return { state: 'overdue', text: `${spanText(left)} past due` };
  return { state: s.deadline, text: `${spanText(left)} left` };
}
