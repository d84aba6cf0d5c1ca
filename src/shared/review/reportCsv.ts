/**
 * The daily review report as CSV (issue 9 §2): a header row and one row per submission, in the
 * order the summary lists them. Pure TS so main builds it and tests check it without a shell.
 *
 * - RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end CRLF.
 * - Times are written in America/Los_Angeles with their offset (2026-12-02T09:30:00-08:00).
 * - Formula injection: a text cell starting with = + - @ (or tab / CR) gets a leading
 *   apostrophe, so a spreadsheet shows it as text instead of running it. Numbers we write
 *   ourselves (court hours left, which may be negative) are left as numbers.
 * - Only the columns below are written, never the whole record: no CLETS-001 confidential data
 *   (it is not in a day summary, and an extra property on a row is never copied).
 */
import type { DaySubmission, DaySummary } from './daySummary';
import { COURT_ZONE, parseInstant, toZonedIso } from '../time';

type Cell = string | number | null;

/** One report column: its header and how to read it from a submission. */
type Column = { readonly header: string; readonly value: (s: DaySubmission) => Cell };

const person = (p: DaySubmission['keyedBy']): string =>
  p ? (p.displayName ? `${p.displayName} (${p.username})` : p.username) : '';

/** An instant in court time with its offset; text that is not an instant is kept as it was. */
export function courtIso(iso: string | null): string {
  if (!iso) return '';
  try {
    return toZonedIso(parseInstant(iso), COURT_ZONE);
  } catch {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? iso : toZonedIso(ms, COURT_ZONE);
  }
}

/** The report's columns, in order. */
export const reportColumns: readonly Column[] = [
  { header: 'Case number', value: (s) => s.caseNumber },
  { header: 'Order type', value: (s) => s.orderType },
  { header: 'Restrained person', value: (s) => s.restrainedName },
  { header: 'Keyed by', value: (s) => person(s.keyedBy) },
  { header: 'Received', value: (s) => courtIso(s.receivedAt) },
  { header: 'Status', value: (s) => s.status },
  { header: 'Status at', value: (s) => courtIso(s.statusAt) },
  { header: 'FCN', value: (s) => s.fcn },
  { header: 'Reject code', value: (s) => s.rejectCode },
  { header: 'Reject reason', value: (s) => s.rejectReason },
  { header: 'Rejected field', value: (s) => s.rejectedField },
  { header: 'Due by', value: (s) => courtIso(s.dueBy) },
  { header: 'Court hours left', value: (s) => s.courtHoursLeft },
  { header: 'Deadline', value: (s) => s.deadline },
  { header: 'Acknowledged', value: (s) => courtIso(s.acknowledgedAt) },
  { header: 'Review state', value: (s) => s.review.state },
  { header: 'Approval kind', value: (s) => s.review.approvalKind },
  { header: 'Reviewed by', value: (s) => person(s.review.by) },
  { header: 'Reviewed at', value: (s) => courtIso(s.review.at) },
  { header: 'Review comment', value: (s) => s.review.comment },
  { header: 'Order id', value: (s) => s.orderId },
];

/** Text a spreadsheet would read as a formula (OWASP CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/** One field, neutralised and quoted as RFC 4180 needs. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  let text: string;
  if (typeof cell === 'number') {
    text = Number.isFinite(cell) ? String(Math.round(cell * 100) / 100) : '';
  } else {
    text = formulaStart.test(cell) ? `'${cell}` : cell;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text (CRLF line ends, header first). The caller adds a BOM if it wants one. */
export function buildDailyCsv(summary: DaySummary): string {
  const lines = [reportColumns.map((c) => csvField(c.header)).join(',')];
  for (const s of summary.submissions) {
    lines.push(reportColumns.map((c) => csvField(c.value(s))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** "review-CA034999J-2026-12-02.csv": court and day, only safe file-name characters. */
export function reportFileName(summary: DaySummary, ext: 'csv' | 'pdf'): string {
  const safe = (t: string) => t.replace(/[^A-Za-z0-9-]/g, '') || 'court';
  return `review-${safe(summary.courtOri)}-${safe(summary.date)}.${ext}`;
}
