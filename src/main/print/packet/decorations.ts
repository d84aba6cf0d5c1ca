/**
 * What every packet page carries: the "SERVICE COPY" stamp and the footer line with the case
 * number, order type and page x of y.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import { degrees, rgb } from 'pdf-lib';

import { fitToFont, truncate } from './text';

/** US Letter in points; court service copies are Letter (docs/printing.md). */
export const letter = { width: 612, height: 792 } as const;

/** Height of the band at the bottom kept free for the footer, so it never covers the order. */
export const footerBand = 26;

export const stampText = 'SERVICE COPY';

export type Fonts = { readonly regular: PDFFont; readonly bold: PDFFont };

/** A large, diagonal, semi-transparent stamp across the middle of the page. */
export function drawStamp(page: PDFPage, fonts: Fonts): void {
  const size = 72;
  const angle = 38;
  const width = fonts.bold.widthOfTextAtSize(stampText, size);
  const rad = (angle * Math.PI) / 180;
  const { width: pw, height: ph } = page.getSize();
  // Start point chosen so the rotated text's centre lands on the page centre.
  const x = pw / 2 - (Math.cos(rad) * width) / 2 + Math.sin(rad) * size * 0.35;
  const y = ph / 2 - (Math.sin(rad) * width) / 2 - Math.cos(rad) * size * 0.35;
  page.drawText(stampText, {
    x,
    y,
    size,
    font: fonts.bold,
    color: rgb(0.75, 0, 0),
    opacity: 0.3,
    rotate: degrees(angle),
  });
  // A small upright copy at the top, so the stamp reads even on a faint print.
  page.drawText(stampText, {
    x: pw - 18 - fonts.bold.widthOfTextAtSize(stampText, 9),
    y: ph - 14,
    size: 9,
    font: fonts.bold,
    color: rgb(0.75, 0, 0),
  });
}

export type FooterFacts = {
  readonly caseNumber: string;
  readonly orderTypeCode: string;
  readonly orderTypeName: string;
};

/** "Case 25DV01234 · DV-110 Temporary Restraining Order" on the left, "Page 2 of 5" on the right. */
export function drawFooter(
  page: PDFPage,
  fonts: Fonts,
  facts: FooterFacts,
  pageNumber: number,
  pageCount: number,
): void {
  const size = 8.5;
  const margin = 24;
  const { width: pw } = page.getSize();
  const right = `Page ${pageNumber} of ${pageCount}`;
  const rightWidth = fonts.bold.widthOfTextAtSize(right, size);
  page.drawLine({
    start: { x: margin, y: footerBand - 6 },
    end: { x: pw - margin, y: footerBand - 6 },
    thickness: 0.5,
    color: rgb(0.4, 0.4, 0.4),
  });
  const left = `Case ${facts.caseNumber} · ${facts.orderTypeCode} ${facts.orderTypeName} · Service copy`;
  page.drawText(truncate(fonts.regular, left, size, pw - 2 * margin - rightWidth - 12), {
    x: margin,
    y: 9,
    size,
    font: fonts.regular,
    color: rgb(0, 0, 0),
  });
  page.drawText(fitToFont(fonts.bold, right), {
    x: pw - margin - rightWidth,
    y: 9,
    size,
    font: fonts.bold,
    color: rgb(0, 0, 0),
  });
}
