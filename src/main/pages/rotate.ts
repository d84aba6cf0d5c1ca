/**
 * Rotating a stored page by a quarter turn, in main (never in the renderer).
 *
 * G4 pages are decoded, rotated and re-encoded: bilevel pixels survive exactly and G4 is
 * lossless, so the rotation is lossless. JPEG pages cannot be rotated losslessly with sharp
 * (that needs DCT-domain transforms, jpegtran), so they are re-encoded once at quality 85 to
 * keep the generation loss small; repeated rotations of a JPEG page each cost one re-encode.
 */
import sharp from 'sharp';
import type { Metadata } from 'sharp';

import type { PageImage, PageInput } from '../../shared/ipc/contracts/pages';

import { encodeG4, encodeJpeg } from './encode';
import { PageFormatError, pageFromEncoded } from './pipeline';

/** Quality of a re-encoded JPEG after rotation. */
export const rotateJpegQuality = 85;

/** Rotates `page` clockwise by `degrees` and returns the new stored page (same id if given). */
export async function rotatePage(page: PageInput, degrees: 90 | 180 | 270): Promise<PageImage> {
  let meta: Metadata;
  try {
    meta = await sharp(page.bytes).metadata();
  } catch {
    throw new PageFormatError('The page image is damaged and cannot be rotated.');
  }
  const dpi = meta.density && meta.density !== 72 ? meta.density : (page.dpi ?? 300);
  const rotated = sharp(page.bytes).rotate(degrees);
  const height = degrees === 180 ? (meta.height ?? 0) : (meta.width ?? 0);
  if (page.mime === 'image/tiff') {
    const bytes = await encodeG4(rotated, height, dpi);
    return pageFromEncoded(bytes, { colourMode: 'bilevel', dpi, id: page.id });
  }
  const gray = (meta.channels ?? 3) <= 2 || meta.space === 'b-w';
  const bytes = await encodeJpeg(rotated, gray, dpi, rotateJpegQuality);
  return pageFromEncoded(bytes, { colourMode: gray ? 'gray' : 'color', dpi, id: page.id });
}
