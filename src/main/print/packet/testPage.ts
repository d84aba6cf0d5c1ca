/**
 * The printer test page: proves the workstation reaches the printer and shows whether the
 * printer crops the edges (a frame half an inch in) and which printer and settings were used.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

import type { PrinterConfig } from '../../../shared/printing/printers';
import { mediaLabels, sidesLabels } from '../../../shared/printing/printers';

import { letter } from './decorations';
import { fitToFont, formatCourtDateTime } from './text';

export async function buildTestPage(
  printer: PrinterConfig,
  printedBy: string,
  now = new Date(),
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Test page — ${printer.name}`);
  doc.setCreator('CCPOR Clerk Workstation');
  doc.setProducer('CCPOR Clerk Workstation (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([letter.width, letter.height]);
  page.drawRectangle({
    x: 36,
    y: 36,
    width: letter.width - 72,
    height: letter.height - 72,
    borderColor: rgb(0, 0, 0),
    borderWidth: 1,
  });
  let y = letter.height - 110;
  const put = (text: string, size: number, b = false) => {
    page.drawText(fitToFont(b ? bold : regular, text), {
      x: 72,
      y,
      size,
      font: b ? bold : regular,
    });
    y -= size * 1.6;
  };
  put('CCPOR Clerk Workstation — printer test page', 20, true);
  y -= 8;
  put(`Printer: ${printer.name}`, 12);
  put(`Courtroom: ${printer.courtroom}`, 12);
  put(printer.kind === 'ipp' ? `Address: ${printer.uri}` : `CUPS queue: ${printer.queue}`, 12);
  put(
    `Paper: ${mediaLabels[printer.defaultMedia]}   Sides: ${sidesLabels[printer.defaultSides]}`,
    12,
  );
  put(`Printed: ${formatCourtDateTime(now.toISOString())} by ${printedBy}`, 12);
  y -= 12;
  put('If the frame around this page is complete, nothing is cut off at the edges.', 11);
  put('Service copies print on this printer as set up above.', 11);
  return doc.save();
}
