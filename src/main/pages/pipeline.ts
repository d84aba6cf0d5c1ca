/**
 * The page pipeline: turns what a scanner delivers into the stored page the renderer keeps.
 *
 * - Raw pixels (SANE) are encoded once: bilevel → G4 TIFF, gray/colour → JPEG.
 * - Encoded pages (eSCL, NAPS2) are kept as delivered when already compact (JPEG, G4 TIFF);
 *   PNG and other TIFFs are encoded once, and gray asked for bilevel is thresholded to G4.
 * Every page gets a thumbnail, a SHA-256 and its metadata; TIFF pages get a JPEG preview, and
 * blank detection runs when asked (duplex batches). All three come from one ≈150 dpi copy of
 * the page. Nothing here runs on the renderer thread.
 */
import { createHash, randomUUID } from 'node:crypto';

import sharp from 'sharp';
import type { Metadata } from 'sharp';

import type { BlankCheck, ColourMode, PageImage } from '../../shared/ipc/contracts/pages';

import { blankFromRatio, inkRatio } from './blank';
import { encodeG4, encodeJpeg, exactBytes, fromRaw, makeThumbnail, previewDpi } from './encode';
import type { RawImage } from './rawImage';
import { boxShrink, toGray } from './shrink';
import { isTiff, readTiffSummary } from './tiffTags';

/** What the caller knows about a page besides its pixels. */
export type PageOptions = {
  /** The mode that was asked for; the stored page may be gray when the scanner only did gray. */
  readonly colourMode: ColourMode;
  /** Resolution used when the image does not carry one. */
  readonly dpi: number;
  readonly detectBlank?: boolean;
  readonly blankThreshold?: number;
  /** Keep this id (rotate keeps the renderer's row id). */
  readonly id?: string;
};

/** A page the pipeline cannot use (unknown format, damaged file). */
export class PageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageFormatError';
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const shrinkFactor = (dpi: number) => Math.max(1, Math.round(dpi / previewDpi));

type Encoded = {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly mime: 'image/tiff' | 'image/jpeg';
  readonly mode: ColourMode;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
};

/** Adds thumbnail, preview, blank check and metadata; `small` is the page at ≈150 dpi. */
async function finish(
  encoded: Encoded,
  small: RawImage,
  smallDpi: number,
  options: PageOptions,
): Promise<PageImage> {
  const gray = encoded.mode !== 'color';
  const [thumbnail, preview] = await Promise.all([
    makeThumbnail(fromRaw(small), gray),
    encoded.mime === 'image/tiff'
      ? encodeJpeg(fromRaw(small), true, smallDpi, 60)
      : Promise.resolve(undefined),
  ]);
  let blank: BlankCheck | undefined;
  if (options.detectBlank) {
    const g = toGray(small);
    blank = blankFromRatio(inkRatio(g.data, g.width, g.height, smallDpi), options.blankThreshold);
  }
  return {
    meta: {
      id: options.id ?? randomUUID(),
      mime: encoded.mime,
      compression: encoded.mime === 'image/tiff' ? 'ccitt-g4' : 'jpeg',
      colourMode: encoded.mode,
      width: encoded.width,
      height: encoded.height,
      dpi: encoded.dpi,
      bytes: encoded.bytes.byteLength,
      sha256: sha256(encoded.bytes),
    },
    bytes: encoded.bytes,
    thumbnail,
    ...(preview ? { preview } : {}),
    ...(blank ? { blank } : {}),
  };
}

/** Encodes raw scanner pixels into a stored page. */
export async function pageFromRaw(raw: RawImage, options: PageOptions): Promise<PageImage> {
  const { width, height } = raw;
  const dpi = options.dpi;
  // Colour asked but one channel delivered: store gray and say so.
  const mode: ColourMode =
    options.colourMode === 'color' && raw.channels === 1 ? 'gray' : options.colourMode;
  const bytes =
    mode === 'bilevel'
      ? await encodeG4(fromRaw(raw), height, dpi)
      : await encodeJpeg(fromRaw(raw), mode === 'gray', dpi);
  const mime = mode === 'bilevel' ? 'image/tiff' : 'image/jpeg';
  const f = shrinkFactor(dpi);
  const small = boxShrink(mode === 'color' ? raw : toGray(raw), f);
  return finish({ bytes, mime, mode, width, height, dpi }, small, dpi / f, options);
}

/** Decodes an encoded page at about 150 dpi (JPEG decodes at reduced size, which is cheap). */
async function smallCopy(bytes: Uint8Array, width: number, dpi: number, gray: boolean) {
  const f = shrinkFactor(dpi);
  let image = sharp(bytes);
  if (f > 1) image = image.resize({ width: Math.max(1, Math.floor(width / f)) });
  image = gray ? image.toColourspace('b-w') : image.toColourspace('srgb');
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  const channels = info.channels === 1 ? 1 : 3;
  const small: RawImage = {
    width: info.width,
    height: info.height,
    channels,
    bilevel: false,
    data,
  };
  return { small: info.channels > 3 ? toGray(small) : small, smallDpi: (dpi * info.width) / width };
}

/** Accepts an encoded page (JPEG, PNG, TIFF), keeping compact encodings as delivered. */
export async function pageFromEncoded(bytes: Uint8Array, options: PageOptions): Promise<PageImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new PageFormatError(
      'The page image is not a JPEG, PNG or TIFF the workstation can read.',
    );
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width < 1 || height < 1) throw new PageFormatError('The page image has no pixels.');
  // Scanners without a density write none or JFIF's 72 "unknown"; trust the request then.
  const dpi = meta.density && meta.density !== 72 ? meta.density : options.dpi;
  const deliveredGray = (meta.channels ?? 3) <= 2 || meta.space === 'b-w';

  let encoded: Encoded | undefined;
  if (isTiff(bytes)) {
    const tiff = readTiffSummary(bytes);
    if (tiff.compression === 4 && tiff.stripCount === 1 && !tiff.multiPage) {
      encoded = {
        bytes: exactBytes(bytes),
        mime: 'image/tiff',
        mode: 'bilevel',
        width,
        height,
        dpi,
      };
    }
  }
  if (!encoded && (options.colourMode === 'bilevel' || meta.bitsPerSample === 1)) {
    // A 1-bit image (e.g. an eSCL BlackAndWhite1 PNG) is bilevel whatever was asked.
    const g4 = await encodeG4(sharp(bytes), height, dpi);
    encoded = { bytes: g4, mime: 'image/tiff', mode: 'bilevel', width, height, dpi };
  }
  if (!encoded) {
    const mode: ColourMode = deliveredGray || options.colourMode === 'gray' ? 'gray' : 'color';
    // A JPEG that already has the right channels is kept byte for byte.
    const keep = isJpeg(bytes) && (mode === 'color' || deliveredGray);
    const jpeg = keep ? exactBytes(bytes) : await encodeJpeg(sharp(bytes), mode === 'gray', dpi);
    encoded = { bytes: jpeg, mime: 'image/jpeg', mode, width, height, dpi };
  }
  const { small, smallDpi } = await smallCopy(encoded.bytes, width, dpi, encoded.mode !== 'color');
  return finish(encoded, small, smallDpi, options);
}

/** Runs the blank-page heuristic on a stored page (decoded at about 150 dpi). */
export async function checkBlank(
  bytes: Uint8Array,
  fallbackDpi: number,
  threshold?: number,
): Promise<BlankCheck> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new PageFormatError('The page image is damaged and cannot be checked.');
  }
  const dpi = meta.density && meta.density !== 72 ? meta.density : fallbackDpi;
  const { small, smallDpi } = await smallCopy(bytes, meta.width ?? 1, dpi, true);
  return blankFromRatio(inkRatio(small.data, small.width, small.height, smallDpi), threshold);
}

/** Refuses bytes whose format is not the one their mime type claims. */
export function assertMime(bytes: Uint8Array, mime: 'image/tiff' | 'image/jpeg'): void {
  const ok = mime === 'image/tiff' ? isTiff(bytes) : isJpeg(bytes);
  if (!ok) {
    throw new PageFormatError(
      `The page image is not a ${mime === 'image/tiff' ? 'TIFF' : 'JPEG'} as its type says.`,
    );
  }
}
