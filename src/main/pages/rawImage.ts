/**
 * Uncompressed page pixels as scanners deliver them, and the PNM reader for `scanimage`.
 *
 * scanimage writes PNM (`--format=pnm`) because it costs the scanner side no compression and
 * us no decoding: the pixels go straight into sharp as raw input. sharp cannot read PNM
 * itself, so this module parses the header and unpacks 1-bit rows.
 */

/** 8 bits per sample, rows packed with no padding: `data.length === width * height * channels`. */
export type RawImage = {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  /** True when the source was 1 bit per pixel (values are then only 0 and 255). */
  readonly bilevel: boolean;
  readonly data: Uint8Array;
};

/** A PNM file we cannot read; the message names the problem for the log. */
export class PnmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PnmError';
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Reads `count` header tokens after the magic, skipping `#` comments; returns them and the data offset. */
function headerTokens(bytes: Uint8Array, count: number): { tokens: number[]; offset: number } {
  const tokens: number[] = [];
  let i = 2;
  while (tokens.length < count) {
    if (i >= bytes.length) throw new PnmError('PNM header is truncated');
    const c = bytes[i] ?? 0;
    if (isSpace(c)) {
      i += 1;
    } else if (c === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i += 1;
    } else {
      let value = 0;
      let digits = 0;
      while (i < bytes.length && (bytes[i] ?? 0) >= 0x30 && (bytes[i] ?? 0) <= 0x39) {
        value = value * 10 + ((bytes[i] ?? 0) - 0x30);
        digits += 1;
        i += 1;
      }
      if (digits === 0 || digits > 9) throw new PnmError('PNM header has a bad number');
      tokens.push(value);
    }
  }
  // Exactly one whitespace byte separates the header from the pixels.
  if (!isSpace(bytes[i] ?? 0)) throw new PnmError('PNM header is not followed by whitespace');
  return { tokens, offset: i + 1 };
}

// Each packed byte becomes 8 pixels: bit set = black (0), clear = white (255), MSB first.
// Built through a byte view so the word table is right on either endianness.
const unpackTable = (() => {
  const bytes = new Uint8Array(256 * 8);
  for (let b = 0; b < 256; b += 1) {
    for (let i = 0; i < 8; i += 1) bytes[b * 8 + i] = (b >> (7 - i)) & 1 ? 0 : 255;
  }
  return new Uint32Array(bytes.buffer);
})();

/** Unpacks 1-bit rows (PBM / SANE lineart) to one byte per pixel. */
export function unpackBits(packed: Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  if (packed.length < rowBytes * height) throw new PnmError('1-bit pixel data is truncated');
  const out = new Uint8Array(width * height);
  const scratch = new Uint32Array(rowBytes * 2);
  const scratchBytes = new Uint8Array(scratch.buffer);
  for (let y = 0; y < height; y += 1) {
    const row = y * rowBytes;
    for (let x = 0; x < rowBytes; x += 1) {
      const b = (packed[row + x] ?? 0) * 2;
      scratch[x * 2] = unpackTable[b] ?? 0;
      scratch[x * 2 + 1] = unpackTable[b + 1] ?? 0;
    }
    // The scratch row is padded to whole bytes; copy only the real pixels.
    out.set(scratchBytes.subarray(0, width), y * width);
  }
  return out;
}

/** Parses binary PNM (P4 bitmap, P5 gray, P6 RGB; 8- or 16-bit) into a RawImage. */
export function parsePnm(bytes: Uint8Array): RawImage {
  if (bytes.length < 3 || bytes[0] !== 0x50) throw new PnmError('not a PNM file');
  const kind = bytes[1];
  if (kind === 0x34) {
    const { tokens, offset } = headerTokens(bytes, 2);
    const [width = 0, height = 0] = tokens;
    if (width < 1 || height < 1) throw new PnmError('PNM image has no pixels');
    const data = unpackBits(bytes.subarray(offset), width, height);
    return { width, height, channels: 1, bilevel: true, data };
  }
  if (kind !== 0x35 && kind !== 0x36) throw new PnmError('only binary PNM (P4, P5, P6) is read');
  const channels = kind === 0x35 ? 1 : 3;
  const { tokens, offset } = headerTokens(bytes, 3);
  const [width = 0, height = 0, maxval = 0] = tokens;
  if (width < 1 || height < 1) throw new PnmError('PNM image has no pixels');
  if (maxval < 1 || maxval > 65535) throw new PnmError('PNM maxval is out of range');
  const samples = width * height * channels;
  const wide = maxval > 255;
  const body = bytes.subarray(offset);
  if (body.length < samples * (wide ? 2 : 1)) throw new PnmError('PNM pixel data is truncated');
  let data: Uint8Array;
  if (wide) {
    // 16-bit samples are big-endian; the high byte is the 8-bit value we keep.
    data = new Uint8Array(samples);
    for (let i = 0; i < samples; i += 1) data[i] = body[i * 2] ?? 0;
  } else if (maxval === 255) {
    data = body.subarray(0, samples);
  } else {
    data = new Uint8Array(samples);
    for (let i = 0; i < samples; i += 1) data[i] = Math.round(((body[i] ?? 0) * 255) / maxval);
  }
  return { width, height, channels, bilevel: false, data };
}
