/**
 * The supervisor's daily report as a PDF (issue 9 §2), built with pdf-lib from a day summary:
 * a title with the court and day, the counts by status and review state, time to CLETS
 * acknowledgement, the at-risk and overdue list, the rejections, and every submission in a
 * table that runs across as many landscape pages as it needs, "Page x of y" on each.
 *
 * Helvetica (a PDF standard font) covers Windows-1252 only, so every text goes through
 * `fitToFont`/`truncate` (accents dropped, other characters '?'). Only the summary's named
 * fields are drawn: a day summary carries no CLETS-001 confidential data and nothing else of a
 * row is copied.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';

import type { DaySubmission, DaySummary } from '../../shared/review/daySummary';
import { COURT_ZONE } from '../../shared/time';
import { fitToFont, truncate, wrap } from '../print/packet/text';

const PAGE: [number, number] = [792, 612]; // US Letter, landscape
const MARGIN = 40;
const FOOTER = 28;
const BODY = 9;
const SMALL = 8;
const LINE = 12;
const INK = rgb(0, 0, 0);
const RULE = rgb(0.6, 0.6, 0.6);

const shortTime = new Intl.DateTimeFormat('en-US', {
  timeZone: COURT_ZONE,
  month: '2-digit',
  day: '2-digit',
  hour: 'numeric',
  minute: '2-digit',
});
const longTime = new Intl.DateTimeFormat('en-US', {
  timeZone: COURT_ZONE,
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "12/02, 9:05 AM" in court time; '' for none, the text itself if unreadable. */
function when(iso: string | null, fmt: Intl.DateTimeFormat = shortTime): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
}

const minutes = (ms: number | null) => (ms === null ? 'none' : `${Math.round(ms / 6000) / 10} min`);
const who = (p: DaySubmission['keyedBy']) => (p ? (p.displayName ?? p.username) : 'unknown');
const deadlineWords = {
  'on-time': 'On time',
  'at-risk': 'AT RISK',
  overdue: 'OVERDUE',
  met: 'Met',
};

type Col = {
  readonly title: string;
  readonly width: number;
  readonly cell: (s: DaySubmission) => string;
};

/** The submissions table; widths add up to the text width (712 pt). */
const columns: readonly Col[] = [
  { title: 'Case number', width: 78, cell: (s) => s.caseNumber },
  { title: 'Type', width: 50, cell: (s) => s.orderType },
  { title: 'Restrained person', width: 120, cell: (s) => s.restrainedName },
  { title: 'Keyed by', width: 86, cell: (s) => who(s.keyedBy) },
  { title: 'Received', width: 78, cell: (s) => when(s.receivedAt) },
  { title: 'Status', width: 78, cell: (s) => s.status },
  { title: 'Due by', width: 78, cell: (s) => when(s.dueBy) },
  { title: 'Deadline', width: 58, cell: (s) => deadlineWords[s.deadline] },
  { title: 'Review', width: 86, cell: (s) => s.review.state },
];

/** Writes lines top to bottom, starting a new page when the current one is full. */
class Writer {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  /** Called after each page break (the table repeats its header row). */
  onBreak: (() => void) | null = null;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.pages.push(this.page);
    this.y = PAGE[1] - MARGIN;
  }

  /** Makes room for `height` points, breaking the page if needed. */
  room(height: number): void {
    if (this.y - height >= MARGIN + FOOTER) return;
    this.newPage();
    this.onBreak?.();
  }

  text(t: string, opts: { size?: number; bold?: boolean; x?: number; width?: number } = {}): void {
    const size = opts.size ?? BODY;
    const font = opts.bold ? this.bold : this.regular;
    const x = MARGIN + (opts.x ?? 0);
    for (const line of wrap(font, t, size, opts.width ?? PAGE[0] - 2 * MARGIN - (opts.x ?? 0))) {
      this.room(size + 3);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: INK });
      this.y -= size + 3;
    }
  }

  gap(points = 6): void {
    this.y -= points;
  }

  /** One table row: every cell truncated to its column, then a hairline under it. */
  row(cells: readonly string[], bold = false): void {
    this.room(LINE + 2);
    const font = bold ? this.bold : this.regular;
    let x = MARGIN;
    cells.forEach((c, i) => {
      const width = columns[i]?.width ?? 60;
      const t = truncate(font, c, SMALL, width - 4);
      this.page.drawText(t, { x, y: this.y - SMALL - 1, size: SMALL, font, color: INK });
      x += width;
    });
    this.y -= LINE;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y + 1 },
      end: { x: PAGE[0] - MARGIN, y: this.y + 1 },
      thickness: 0.3,
      color: RULE,
    });
  }
}

function countsLine(counts: Readonly<Record<string, number>>): string {
  const parts = Object.entries(counts).map(([k, v]) => `${k}: ${v}`);
  return parts.length > 0 ? parts.join('   ') : 'none';
}

/** The report as PDF bytes. */
export async function buildDailyPdf(summary: DaySummary): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const title = `Daily review report - ${summary.courtOri} - ${summary.date}`;
  doc.setTitle(title);
  doc.setSubject('CCPOR supervisor review: submissions, CLETS deadlines, rejections');
  doc.setCreator('CCPOR Clerk Workstation');
  doc.setProducer('CCPOR Clerk Workstation (pdf-lib)');
  const generated = new Date(summary.generatedAt);
  if (!Number.isNaN(generated.getTime())) doc.setCreationDate(generated);
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );

  w.text(title, { size: 16, bold: true });
  w.text(
    `Court day ${summary.date} (${summary.zone}). Figures as of ${when(summary.generatedAt, longTime)} Pacific.`,
  );
  w.gap();

  const subs = summary.submissions;
  w.text(`Submissions: ${subs.length}`, { size: 11, bold: true });
  w.text(`By status: ${countsLine(summary.counts)}`);
  w.text(`By review state: ${countsLine(summary.reviewCounts)}`);
  const t = summary.timeToAck;
  w.text(
    `Time to CLETS acknowledgement (${t.samplesMs.length} acknowledged): median ${minutes(t.p50Ms)}, 90th percentile ${minutes(t.p90Ms)}, longest ${minutes(t.maxMs)}.`,
  );
  w.gap();

  const late = subs.filter((s) => s.deadline === 'overdue' || s.deadline === 'at-risk');
  w.text(`CLETS deadlines at risk or overdue: ${late.length}`, { size: 11, bold: true });
  if (late.length === 0) w.text('None.');
  for (const s of late) {
    const hours =
      s.courtHoursLeft === null
        ? ''
        : `, ${Math.round(s.courtHoursLeft * 10) / 10} court hours left`;
    w.text(
      `${deadlineWords[s.deadline]}: case ${s.caseNumber} (${s.orderType}), due by ${when(s.dueBy, longTime)}${hours}; status ${s.status}.`,
      { x: 8 },
    );
  }
  w.gap();

  const rejected = subs.filter((s) => s.status === 'rejected' || s.rejectReason !== null);
  w.text(`Rejections: ${rejected.length}`, { size: 11, bold: true });
  if (rejected.length === 0) w.text('None.');
  for (const s of rejected) {
    const code = s.rejectCode ? ` [${s.rejectCode}]` : '';
    const field = s.rejectedField ? ` Field: ${s.rejectedField}.` : '';
    w.text(`Case ${s.caseNumber}${code}: ${s.rejectReason ?? 'no reason given'}.${field}`, {
      x: 8,
    });
  }
  w.gap();

  w.text('Submissions', { size: 11, bold: true });
  const header = () =>
    w.row(
      columns.map((c) => c.title),
      true,
    );
  header();
  w.onBreak = header;
  for (const s of subs) w.row(columns.map((c) => c.cell(s)));
  w.onBreak = null;

  // Footers last, once the page count is known.
  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    const footer = fitToFont(
      w.regular,
      `${summary.courtOri} ${summary.date} - Page ${i + 1} of ${total}`,
    );
    const width = w.regular.widthOfTextAtSize(footer, SMALL);
    page.drawText(footer, {
      x: PAGE[0] - MARGIN - width,
      y: MARGIN - 10,
      size: SMALL,
      font: w.regular,
    });
  });
  return doc.save();
}
