/**
 * Builds a service-copy packet: an optional cover sheet for the recipient, then the signed
 * order's scanned pages (passed through, never re-encoded), each stamped "SERVICE COPY" and
 * footed with the case number, order type and page x of y. An order keyed without images gets
 * a summary page marked NOT THE SIGNED ORDER instead.
 *
 * Runs in the main process (never the renderer): 5 JPEG pages take a few milliseconds because
 * pdf-lib copies the JPEG bytes (bench/cases/print.bench.ts).
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import type { z } from 'zod';

import { ServiceError } from '../../../shared/ipc/envelope';
import { packetOrderSchema } from '../../../shared/printing/packetOrder';
import type { PacketOrder, PacketOrderInput } from '../../../shared/printing/packetOrder';
import type { Recipient } from '../../../shared/printing/recipients';

import { drawFooter, drawStamp, footerBand, letter } from './decorations';
import type { Fonts } from './decorations';
import { PageImageError, drawG4Page, drawJpegPage } from './embedImages';
import { drawCoverSheet, drawSummaryPage } from './sheets';

export type PacketOptions = {
  /** Adds a cover sheet naming this recipient. */
  readonly recipient?: Recipient;
  /** Defaults to true when a recipient is given. */
  readonly coverSheet?: boolean;
  /** Print time shown on the cover sheet and stored in the PDF; defaults to now. */
  readonly now?: Date;
};

export type Packet = {
  readonly pdf: Uint8Array;
  /** Pages in the PDF, cover sheet included. */
  readonly pageCount: number;
  /** Scanned order pages (0 when a summary page was printed instead). */
  readonly orderPageCount: number;
  readonly order: PacketOrder;
};

/** Refuses anything that is not exactly a PacketOrder, naming extra (possibly confidential) fields. */
export function parsePacketOrder(input: PacketOrderInput | unknown): PacketOrder {
  const parsed = packetOrderSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ServiceError(
    'invalid-input',
    describeOrderIssues(parsed.error),
    parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    })),
  );
}

function describeOrderIssues(error: z.ZodError): string {
  const extra = error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []));
  if (extra.length > 0) {
    return (
      `The service copy was refused: the order carries fields that may not be printed ` +
      `(${extra.join(', ')}). Only the order's printable facts and page images may be passed; ` +
      'CLETS-001 data never goes on a service copy.'
    );
  }
  const first = error.issues[0];
  const where = first ? ` (${first.path.map(String).join('.') || 'order'}: ${first.message})` : '';
  return `The service copy was refused: the order is incomplete or malformed${where}.`;
}

/** Builds the packet PDF for `input`. Throws ServiceError for bad input; nothing is kept. */
export async function buildPacket(
  input: PacketOrderInput,
  options: PacketOptions = {},
): Promise<Packet> {
  const order = parsePacketOrder(input);
  const now = options.now ?? new Date();
  const withCover = options.recipient !== undefined && options.coverSheet !== false;

  const doc = await PDFDocument.create();
  doc.setTitle(`Service copy — case ${order.caseNumber}`);
  doc.setCreator('CCPOR Clerk Workstation');
  doc.setProducer('CCPOR Clerk Workstation (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const newPage = (): PDFPage => doc.addPage([letter.width, letter.height]);
  const area = { x: 0, y: footerBand, width: letter.width, height: letter.height - footerBand };

  if (withCover && options.recipient) {
    drawCoverSheet(
      newPage(),
      fonts,
      order,
      options.recipient,
      order.pages.length,
      now.toISOString(),
    );
  }
  try {
    for (const [index, page] of order.pages.entries()) {
      const pdfPage = newPage();
      if (page.mime === 'image/jpeg') await drawJpegPage(doc, pdfPage, page, index, area);
      else drawG4Page(doc, pdfPage, page, index, area);
    }
  } catch (error) {
    if (error instanceof PageImageError) throw new ServiceError('invalid-input', error.message);
    throw error;
  }
  if (order.pages.length === 0) drawSummaryPage(newPage(), fonts, order);

  const pages = doc.getPages();
  const facts = {
    caseNumber: order.caseNumber,
    orderTypeCode: order.orderType.code,
    orderTypeName: order.orderType.name,
  };
  pages.forEach((page, i) => {
    drawStamp(page, fonts);
    drawFooter(page, fonts, facts, i + 1, pages.length);
  });

  const pdf = await doc.save();
  return { pdf, pageCount: pages.length, orderPageCount: order.pages.length, order };
}
