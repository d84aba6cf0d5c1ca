/**
 * Reads just enough of a TIFF to pass its CCITT Group 4 strips into a PDF untouched.
 *
 * pdf-lib cannot embed TIFF, and decoding and re-encoding a bilevel scan would cost seconds and
 * make the PDF ten times bigger (docs/printing.md). A G4 TIFF strip is already the exact byte
 * stream a PDF `/CCITTFaxDecode` filter expects, so we only need the first IFD: size, strips,
 * photometric interpretation and fill order. Anything we cannot pass through is refused with a
 * clear message rather than guessed at.
 */

/** The facts of one G4 page that the PDF image needs. */
export type G4Page = {
  readonly width: number;
  readonly height: number;
  /** Rows in every strip but possibly the last. */
  readonly rowsPerStrip: number;
  /** Each strip's coded bytes (views into the TIFF, not copies). */
  readonly strips: readonly Uint8Array[];
  /** TIFF PhotometricInterpretation 1 (MinIsBlack): the PDF needs `BlackIs1 true`. */
  readonly blackIs1: boolean;
  /** Pixels per inch from XResolution, when the TIFF says. */
  readonly dpi: number | null;
};

/** A TIFF we cannot pass through; the message says what is wrong in clerk terms. */
export class TiffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TiffError';
  }
}

const TAG = {
  width: 256,
  height: 257,
  bitsPerSample: 258,
  compression: 259,
  photometric: 262,
  fillOrder: 266,
  stripOffsets: 273,
  samplesPerPixel: 277,
  rowsPerStrip: 278,
  stripByteCounts: 279,
  xResolution: 282,
  resolutionUnit: 296,
  tileWidth: 322,
} as const;

const typeSize: Readonly<Record<number, number>> = { 1: 1, 3: 2, 4: 4, 5: 8 };

type Entry = { readonly type: number; readonly count: number; readonly at: number };

/** Parses the first IFD of `tiff` and returns its G4 strips, or throws a TiffError. */
export function readG4Tiff(tiff: Uint8Array): G4Page {
  if (tiff.byteLength < 8) throw new TiffError('The page image is too short to be a TIFF.');
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0);
  if (order !== 'II' && order !== 'MM') throw new TiffError('The page image is not a TIFF.');
  const le = order === 'II';
  const u16 = (at: number) => check(at, 2) && view.getUint16(at, le);
  const u32 = (at: number) => check(at, 4) && view.getUint32(at, le);
  function check(at: number, size: number): true {
    if (at < 0 || at + size > tiff.byteLength) {
      throw new TiffError('The page image is a damaged TIFF (it points past its own end).');
    }
    return true;
  }
  const magic = u16(2);
  if (magic === 43) throw new TiffError('BigTIFF page images are not supported; save as TIFF.');
  if (magic !== 42) throw new TiffError('The page image is not a TIFF.');

  const ifd = u32(4);
  const count = u16(ifd);
  const entries = new Map<number, Entry>();
  for (let i = 0; i < count; i += 1) {
    const at = ifd + 2 + i * 12;
    const tag = u16(at);
    const type = u16(at + 2);
    const n = u32(at + 4);
    const size = (typeSize[type] ?? 0) * n;
    // Values of up to 4 bytes sit in the entry itself; longer ones are at an offset.
    entries.set(tag, { type, count: n, at: size <= 4 ? at + 8 : u32(at + 8) });
  }
  if (u32(ifd + 2 + count * 12) !== 0) {
    throw new TiffError('The page image holds several pages; store one page per image.');
  }

  function values(tag: number): number[] {
    const e = entries.get(tag);
    if (!e) return [];
    const out: number[] = [];
    for (let i = 0; i < e.count; i += 1) {
      if (e.type === 3) out.push(u16(e.at + i * 2));
      else if (e.type === 4) out.push(u32(e.at + i * 4));
      else if (e.type === 1) out.push(check(e.at + i, 1) && view.getUint8(e.at + i));
      else if (e.type === 5) out.push(u32(e.at + i * 8) / (u32(e.at + i * 8 + 4) || 1));
      else throw new TiffError(`The TIFF uses an unexpected value type for tag ${tag}.`);
    }
    return out;
  }
  const one = (tag: number, fallback?: number): number => {
    const v = values(tag)[0] ?? fallback;
    if (v === undefined) throw new TiffError(`The TIFF lacks required tag ${tag}.`);
    return v;
  };

  if (entries.has(TAG.tileWidth)) throw new TiffError('Tiled TIFF page images are not supported.');
  if (one(TAG.compression, 1) !== 4) {
    throw new TiffError('The TIFF page is not CCITT Group 4; bilevel pages must be stored as G4.');
  }
  if (one(TAG.bitsPerSample, 1) !== 1 || one(TAG.samplesPerPixel, 1) !== 1) {
    throw new TiffError('The TIFF page is not black-and-white (1 bit per pixel).');
  }
  const photometric = one(TAG.photometric, 0);
  if (photometric !== 0 && photometric !== 1) {
    throw new TiffError('The TIFF page has an unsupported photometric interpretation.');
  }
  const width = one(TAG.width);
  const height = one(TAG.height);
  if (width < 1 || height < 1) throw new TiffError('The TIFF page has no pixels.');
  const rowsPerStrip = Math.min(one(TAG.rowsPerStrip, height), height);
  const offsets = values(TAG.stripOffsets);
  const counts = values(TAG.stripByteCounts);
  const expected = Math.ceil(height / rowsPerStrip);
  if (offsets.length !== expected || counts.length !== expected) {
    throw new TiffError('The TIFF page has a damaged strip table.');
  }
  const lsbFirst = one(TAG.fillOrder, 1) === 2;
  const strips = offsets.map((offset, i) => {
    const length = counts[i] ?? 0;
    check(offset, length);
    const strip = tiff.subarray(offset, offset + length);
    // PDF's CCITT filter reads the most significant bit first; FillOrder 2 is rare, and
    // reversing the bits of each byte is lossless (the coding is unchanged).
    return lsbFirst ? reverseBits(strip) : strip;
  });

  const unit = one(TAG.resolutionUnit, 2);
  const xres = values(TAG.xResolution)[0];
  const dpi = xres && xres > 0 ? (unit === 3 ? xres * 2.54 : unit === 2 ? xres : null) : null;

  return { width, height, rowsPerStrip, strips, blackIs1: photometric === 1, dpi };
}

const reversed = new Uint8Array(256).map((_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i += 1) r |= ((b >> i) & 1) << (7 - i);
  return r;
});

function reverseBits(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.byteLength);
  for (let i = 0; i < bytes.byteLength; i += 1) out[i] = reversed[bytes[i] ?? 0] ?? 0;
  return out;
}
