/**
 * PDF417 from a scanned licence image (e.g. a photocopy of the licence back in the order's
 * pages), decoded in main with zxing-wasm plus a rotation sweep.
 *
 * zxing-wasm fetches its .wasm from a CDN by default, which fails offline and must never
 * happen on a court workstation (devices.md §3.5). We read the bundled
 * `zxing-wasm/reader/zxing_reader.wasm` from node_modules ourselves and hand the bytes over as
 * `wasmBinary`; `locateFile` is pinned to the same local file as a second guard. Both decoders
 * measured fail past ~2° of skew, so on a miss the image is counter-rotated through ±3…±12°
 * with sharp, first hit wins.
 */
import { readFileSync } from 'node:fs';

import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';

import { aamvaTextFromBytes } from '../../../shared/aamva';

/** Counter-rotations tried in order (degrees); 0 first because most scans are straight. */
export const DEFAULT_SWEEP: readonly number[] = [0, 3, -3, 6, -6, 9, -9, 12, -12];

/** Largest side we decode at; a full 600-dpi page is downscaled (PDF417 modules stay > 2 px). */
const MAX_SIDE = 4000;

const readerOptions: ReaderOptions = {
  formats: ['PDF417'],
  // 'Plain' keeps LF/RS/CR as characters; the default HRI text would show "<LF>" instead.
  textMode: 'Plain',
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  maxNumberOfSymbols: 4,
};

/** A decoded barcode and how it was found. */
export type ImageDecodeResult = {
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly rotationDegrees: number;
  readonly attempts: number;
};

/** Path of the bundled reader wasm, resolved through zxing-wasm's exports map. */
export function bundledWasmPath(): string {
  return require.resolve('zxing-wasm/reader/zxing_reader.wasm');
}

let ready: Promise<unknown> | null = null;

/** Loads the wasm once per process, from node_modules only. */
export function loadZxing(): Promise<unknown> {
  ready ??= (async () => {
    const path = bundledWasmPath();
    const binary = readFileSync(path);
    const wasmBinary = binary.buffer.slice(
      binary.byteOffset,
      binary.byteOffset + binary.byteLength,
    ) as ArrayBuffer;
    return prepareZXingModule({
      overrides: { wasmBinary, locateFile: () => path },
      fireImmediately: true,
    });
  })().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

/** The sharp pipeline for one attempt: straighten by `degrees`, add a quiet zone, RGBA. */
async function pixels(image: Uint8Array, degrees: number) {
  let img = sharp(image, { failOn: 'none' }).rotate(); // honour EXIF orientation first
  const meta = await sharp(image, { failOn: 'none' }).metadata();
  if (Math.max(meta.width ?? 0, meta.height ?? 0) > MAX_SIDE) {
    img = img.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside' });
  }
  const straightened =
    degrees === 0
      ? await img.png().toBuffer()
      : await img.rotate(degrees, { background: '#ffffff' }).png().toBuffer();
  const { data, info } = await sharp(straightened)
    .flatten({ background: '#ffffff' })
    .extend({ top: 24, bottom: 24, left: 24, right: 24, background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

/**
 * Finds a PDF417 in the image, preferring one that looks like an AAMVA payload ('@' first).
 * Returns null when no attempt finds one; throws if the bytes are not an image.
 */
export async function decodeLicenceImage(
  image: Uint8Array,
  sweep: readonly number[] = DEFAULT_SWEEP,
): Promise<ImageDecodeResult | null> {
  await loadZxing();
  let attempts = 0;
  for (const degrees of sweep) {
    attempts++;
    const px = await pixels(image, degrees);
    const results = await readBarcodes(
      { data: px.data, width: px.width, height: px.height, colorSpace: 'srgb' } as ImageData,
      readerOptions,
    );
    const valid = results.filter((r) => r.isValid && r.bytes.length > 0);
    const best = valid.find((r) => r.bytes[0] === 0x40) ?? valid[0];
    if (best) {
      const bytes = new Uint8Array(best.bytes);
      return { text: aamvaTextFromBytes(bytes), bytes, rotationDegrees: degrees, attempts };
    }
  }
  return null;
}
