/**
 * Reads the first IFD of a TIFF without decoding pixels: enough to check a page is the single
 * -strip CCITT G4 image the service-copy PDF passes through (docs/scanning.md), and to know
 * its size and resolution. sharp's metadata does not report the compression.
 */

/** The tags of the first image that matter for stored pages. */
export type TiffSummary = {
  readonly width: number;
  readonly height: number;
  readonly bitsPerSample: number;
  readonly samplesPerPixel: number;
  /** 1 none, 4 CCITT G4, 5 LZW, 7 JPEG, 8 Deflate, … */
  readonly compression: number;
  /** 0 WhiteIsZero, 1 BlackIsZero (libvips writes 1 for bilevel). */
  readonly photometric: number;
  readonly stripCount: number;
  readonly rowsPerStrip: number;
  /** Pixels per inch, when the TIFF says. */
  readonly dpi: number | null;
  /** More than one image (IFD) in the file. */
  readonly multiPage: boolean;
};

/** True when the bytes start like a TIFF (little- or big-endian). */
export function isTiff(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 42 && bytes[3] === 0) ||
      (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 42))
  );
}

/** Parses the first IFD; throws an Error with a plain message on a damaged file. */
export function readTiffSummary(bytes: Uint8Array): TiffSummary {
  if (!isTiff(bytes)) throw new Error('not a TIFF file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const inRange = (at: number, size: number) => {
    if (at < 0 || at + size > bytes.length) throw new Error('TIFF points past its own end');
    return at;
  };
  const u16 = (at: number) => view.getUint16(inRange(at, 2), le);
  const u32 = (at: number) => view.getUint32(inRange(at, 4), le);
  const ifd = u32(4);
  const count = u16(ifd);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i += 1) {
    const at = ifd + 2 + i * 12;
    const tag = u16(at);
    const type = u16(at + 2);
    const n = u32(at + 4);
    const size = type === 3 ? 2 : type === 4 ? 4 : type === 5 ? 8 : 0;
    if (size === 0) continue;
    const base = size * n <= 4 ? at + 8 : u32(at + 8);
    const values: number[] = [];
    for (let k = 0; k < Math.min(n, 100_000); k += 1) {
      if (type === 3) values.push(u16(base + k * 2));
      else if (type === 4) values.push(u32(base + k * 4));
      else values.push(u32(base + k * 8) / (u32(base + k * 8 + 4) || 1));
    }
    tags.set(tag, values);
  }
  const one = (tag: number, fallback: number) => tags.get(tag)?.[0] ?? fallback;
  const height = one(257, 0);
  const unit = one(296, 2);
  const xres = one(282, 0);
  return {
    width: one(256, 0),
    height,
    bitsPerSample: one(258, 1),
    samplesPerPixel: one(277, 1),
    compression: one(259, 1),
    photometric: one(262, 0),
    stripCount: tags.get(273)?.length ?? 0,
    rowsPerStrip: Math.min(one(278, height), height),
    dpi: xres > 0 ? (unit === 3 ? xres * 2.54 : unit === 2 ? xres : null) : null,
    multiPage: u32(ifd + 2 + count * 12) !== 0,
  };
}
