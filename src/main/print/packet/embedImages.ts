/**
 * Puts scanned pages on PDF pages without re-encoding them.
 *
 * JPEG goes through pdf-lib's `embedJpg`, which copies the DCT stream. A G4 TIFF's strips become
 * raw `/CCITTFaxDecode` image XObjects built with pdf-lib's low-level API (pdf-lib has no TIFF
 * or CCITT support, and `embedPng` would decode and re-deflate the page as 24-bit RGB).
 */
import type { PDFDocument, PDFPage, PDFName } from 'pdf-lib';
import {
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';

import type { PacketPage } from '../../../shared/printing/packetOrder';

import { PassThroughStream, passThrough } from './passThroughStream';
import { readG4Tiff } from './tiffG4';

/** Where on the PDF page the image goes, in points from the bottom-left corner. */
export type Box = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

/** A page image problem in clerk words; the builder turns it into a ServiceError. */
export class PageImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageImageError';
  }
}

/** Pixel size of the image actually stored, checked against what the order says. */
export type Placed = { readonly pixelWidth: number; readonly pixelHeight: number };

/**
 * The box a page of `pixelWidth`×`pixelHeight` at `dpi` takes inside `area`: its physical size,
 * shrunk to fit when larger, centred.
 */
export function fitBox(pixelWidth: number, pixelHeight: number, dpi: number, area: Box): Box {
  const w = (pixelWidth / dpi) * 72;
  const h = (pixelHeight / dpi) * 72;
  const scale = Math.min(1, area.width / w, area.height / h);
  const width = w * scale;
  const height = h * scale;
  return {
    x: area.x + (area.width - width) / 2,
    y: area.y + (area.height - height) / 2,
    width,
    height,
  };
}

function checkSize(index: number, page: PacketPage, width: number, height: number): void {
  if (width !== page.width || height !== page.height) {
    throw new PageImageError(
      `Page ${index + 1}'s image is ${width}×${height} pixels but the order says ` +
        `${page.width}×${page.height}; the stored page looks damaged. Rescan the page.`,
    );
  }
}

/** Draws a JPEG page into `area` with its DCT stream passed through. */
export async function drawJpegPage(
  doc: PDFDocument,
  pdfPage: PDFPage,
  page: PacketPage,
  index: number,
  area: Box,
): Promise<void> {
  const b = page.bytes;
  if (b[0] !== 0xff || b[1] !== 0xd8) {
    throw new PageImageError(
      `Page ${index + 1} is marked JPEG but is not a JPEG. Rescan the page.`,
    );
  }
  let image;
  try {
    image = await doc.embedJpg(b);
  } catch {
    throw new PageImageError(`Page ${index + 1}'s JPEG image is damaged. Rescan the page.`);
  }
  checkSize(index, page, image.width, image.height);
  pdfPage.drawImage(image, fitBox(image.width, image.height, page.dpi, area));
  // embedJpg wrote the DCT bytes as they are; have them copied out in one go at save().
  await image.embed();
  passThrough(doc.context, image.ref);
}

/**
 * Draws a G4 TIFF page into `area`: one CCITT image XObject per TIFF strip, stacked top to
 * bottom (each strip is coded on its own, so strips cannot be joined into one stream).
 */
export function drawG4Page(
  doc: PDFDocument,
  pdfPage: PDFPage,
  page: PacketPage,
  index: number,
  area: Box,
): void {
  let g4;
  try {
    g4 = readG4Tiff(page.bytes);
  } catch (error) {
    throw new PageImageError(`Page ${index + 1}: ${(error as Error).message}`);
  }
  checkSize(index, page, g4.width, g4.height);
  const box = fitBox(g4.width, g4.height, page.dpi, area);
  const rowHeight = box.height / g4.height;
  g4.strips.forEach((strip, i) => {
    const firstRow = i * g4.rowsPerStrip;
    const rows = Math.min(g4.rowsPerStrip, g4.height - firstRow);
    const dict = doc.context.obj({
      Type: 'XObject',
      Subtype: 'Image',
      Width: g4.width,
      Height: rows,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 1,
      Filter: 'CCITTFaxDecode',
      DecodeParms: { K: -1, Columns: g4.width, Rows: rows, BlackIs1: g4.blackIs1 },
    });
    const stream = new PassThroughStream(dict, strip);
    const ref = doc.context.register(stream);
    const name: PDFName = pdfPage.node.newXObject(`G4p${index + 1}s${i + 1}`, ref);
    const top = box.y + box.height - firstRow * rowHeight;
    const h = rows * rowHeight;
    pdfPage.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(box.width, 0, 0, h, box.x, top - h),
      drawObject(name),
      popGraphicsState(),
    );
  });
}
