/**
 * The encoders of the page pipeline, all on sharp (libvips) in the main process.
 *
 * - bilevel → CCITT G4 TIFF, one strip, `PhotometricInterpretation` BlackIsZero (libvips),
 *   which the service-copy PDF embeds untouched (`BlackIs1 true`);
 * - gray → one-channel JPEG (`toColourspace('b-w')`: without it sharp writes three channels);
 * - colour → JPEG 4:2:0;
 * - thumbnails and previews → small JPEGs the renderer can show (browsers cannot show TIFF);
 *   the pipeline makes both from one ≈150 dpi copy of the page.
 */
import sharp from 'sharp';
import type { Sharp } from 'sharp';

import type { RawImage } from './rawImage';

/** Quality of stored gray/colour JPEGs: ≈ 650 KB per 300 dpi letter page (docs/scanning.md). */
export const pageJpegQuality = 75;
/** Thumbnails fit this box (page strips). */
export const thumbnailBox = { width: 200, height: 260 } as const;
/** Previews of TIFF pages are made at this resolution: readable for keying from the image. */
export const previewDpi = 150;

// Pixels below this (0–255) become black when a gray image is made bilevel.
const bilevelThreshold = 128;

/** A sharp pipeline over raw pixels (no decoding). */
export function fromRaw(raw: RawImage): Sharp {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
}

/** Copies into a Uint8Array whose buffer is exactly these bytes, so IPC never ships a pool. */
export function exactBytes(buf: Uint8Array): Uint8Array<ArrayBuffer> {
  if (
    buf.buffer instanceof ArrayBuffer &&
    buf.byteOffset === 0 &&
    buf.byteLength === buf.buffer.byteLength
  ) {
    return new Uint8Array(buf.buffer, 0, buf.byteLength);
  }
  return Uint8Array.prototype.slice.call(buf) as Uint8Array<ArrayBuffer>;
}

/** Encodes to a single-strip CCITT G4 TIFF at `dpi` (gray input is thresholded at 50 %). */
export async function encodeG4(
  image: Sharp,
  height: number,
  dpi: number,
): Promise<Uint8Array<ArrayBuffer>> {
  // One strip: libvips uses tileHeight as RowsPerStrip; it must be a multiple of 16.
  const rowsPerStrip = Math.max(16, Math.ceil(height / 16) * 16);
  const out = await image
    .threshold(bilevelThreshold)
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, tileHeight: rowsPerStrip })
    .withDensity(dpi)
    .toBuffer();
  return exactBytes(out);
}

/** Encodes to JPEG: one channel when `gray`, else colour. */
export async function encodeJpeg(
  image: Sharp,
  gray: boolean,
  dpi: number,
  quality = pageJpegQuality,
): Promise<Uint8Array<ArrayBuffer>> {
  const pipeline = gray ? image.toColourspace('b-w') : image.toColourspace('srgb');
  const out = await pipeline.jpeg({ quality }).withDensity(dpi).toBuffer();
  return exactBytes(out);
}

/** A small JPEG that fits `thumbnailBox` (gray pages stay one channel). */
export async function makeThumbnail(image: Sharp, gray: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const sized = image.resize({ ...thumbnailBox, fit: 'inside', withoutEnlargement: true });
  return encodeJpeg(sized, gray, 72, 70);
}
