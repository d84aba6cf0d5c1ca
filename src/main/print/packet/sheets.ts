/**
 * The two pages the builder writes itself: the cover sheet for one recipient, and the summary
 * page printed when an order was keyed without images (clearly marked NOT THE SIGNED ORDER).
 *
 * Both show only `PacketOrder` fields, which hold no CLETS-001 data by construction.
 */
import type { PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';

import type { PacketOrder } from '../../../shared/printing/packetOrder';
import { recipientKindLabels } from '../../../shared/printing/recipients';
import type { Recipient } from '../../../shared/printing/recipients';

import type { Fonts } from './decorations';
import { footerBand } from './decorations';
import { fitToFont, formatCourtDateTime, formatExpiry, wrap } from './text';

const margin = 60;

type Cursor = { y: number };

function line(
  page: PDFPage,
  fonts: Fonts,
  cur: Cursor,
  text: string,
  size: number,
  bold = false,
): void {
  const font = bold ? fonts.bold : fonts.regular;
  for (const l of wrap(font, text, size, page.getWidth() - 2 * margin)) {
    page.drawText(l, { x: margin, y: cur.y, size, font, color: rgb(0, 0, 0) });
    cur.y -= size * 1.35;
  }
}

function fields(
  page: PDFPage,
  fonts: Fonts,
  cur: Cursor,
  rows: ReadonlyArray<readonly [string, string]>,
): void {
  const size = 11;
  const labelWidth = 150;
  const valueWidth = page.getWidth() - 2 * margin - labelWidth;
  for (const [label, value] of rows) {
    page.drawText(fitToFont(fonts.bold, label), { x: margin, y: cur.y, size, font: fonts.bold });
    const lines = wrap(fonts.regular, value, size, valueWidth);
    for (const l of lines) {
      page.drawText(l, { x: margin + labelWidth, y: cur.y, size, font: fonts.regular });
      cur.y -= size * 1.45;
    }
    if (lines.length === 0) cur.y -= size * 1.45;
    cur.y -= 3;
    if (cur.y < footerBand + 40) break;
  }
}

/** The order's facts as label/value rows (shared by cover sheet and summary page). */
export function orderRows(order: PacketOrder): Array<readonly [string, string]> {
  return [
    ['Court', order.courtName],
    ['Case number', order.caseNumber],
    ['Order', `${order.orderType.code} ${order.orderType.name}`],
    ['Issued', formatCourtDateTime(order.issuedAt)],
    ['Expires', formatExpiry(order.expiresAt)],
    ['Judicial officer', order.judicialOfficer],
    ['Restrained person', order.restrainedName],
    ['Protected person(s)', order.protectedNames.join('; ') || 'None named'],
  ];
}

/** Whom the packet is for, in words: the party's name from the order where it has one. */
export function recipientName(order: PacketOrder, recipient: Recipient): string {
  if (recipient.name) return recipient.name;
  if (recipient.kind === 'restrained-person') return order.restrainedName;
  if (recipient.kind === 'protected-person') return order.protectedNames.join('; ') || '—';
  return 'Law enforcement agency';
}

/** Draws a recipient's cover sheet on `page`. */
export function drawCoverSheet(
  page: PDFPage,
  fonts: Fonts,
  order: PacketOrder,
  recipient: Recipient,
  orderPages: number,
  printedAt: string,
): void {
  const cur: Cursor = { y: page.getHeight() - 90 };
  line(page, fonts, cur, 'SERVICE COPY', 30, true);
  cur.y -= 4;
  line(page, fonts, cur, 'Cover sheet — this page is not part of the court order.', 11);
  cur.y -= 18;
  line(page, fonts, cur, `For: ${recipientKindLabels[recipient.kind]}`, 16, true);
  line(page, fonts, cur, recipientName(order, recipient), 16);
  cur.y -= 18;
  fields(page, fonts, cur, [
    ...orderRows(order),
    [
      'Enclosed',
      orderPages > 0
        ? `Copy of the signed order, ${orderPages} page${orderPages === 1 ? '' : 's'}`
        : 'Summary of the order (the signed order was not scanned)',
    ],
    ['Printed', formatCourtDateTime(printedAt)],
  ]);
  cur.y -= 14;
  line(
    page,
    fonts,
    cur,
    'Read the order itself for what it requires. Questions about this order go to the court clerk.',
    10,
  );
}

/** The page printed instead of images when the order was keyed without them. */
export function drawSummaryPage(page: PDFPage, fonts: Fonts, order: PacketOrder): void {
  const w = page.getWidth();
  const top = page.getHeight() - 60;
  page.drawRectangle({
    x: margin - 10,
    y: top - 72,
    width: w - 2 * margin + 20,
    height: 82,
    borderColor: rgb(0.75, 0, 0),
    borderWidth: 3,
  });
  const cur: Cursor = { y: top - 22 };
  line(page, fonts, cur, 'NOT THE SIGNED ORDER', 26, true);
  line(
    page,
    fonts,
    cur,
    'Summary of the order as keyed by the court clerk; no image of the signed order is on file.',
    10,
  );
  cur.y -= 30;
  fields(page, fonts, cur, orderRows(order));
  cur.y -= 14;
  line(
    page,
    fonts,
    cur,
    'This summary is not the court order and cannot be served as the order. Ask the clerk for a copy of the signed order.',
    10,
    true,
  );
}
