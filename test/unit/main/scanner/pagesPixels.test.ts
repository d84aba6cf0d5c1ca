// Pure pixel code of the page pipeline (src/main/pages): PNM reading, box shrink, the
// blank-page heuristic's ink ratio and the TIFF tag reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { inkRatio } from '../../../../src/main/pages/blank';
import { PnmError, parsePnm, unpackBits } from '../../../../src/main/pages/rawImage';
import { boxShrink, toGray } from '../../../../src/main/pages/shrink';
import { isTiff, readTiffSummary } from '../../../../src/main/pages/tiffTags';

const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('parsePnm', () => {
  it('unpacks a 1-bit PBM with rows padded to whole bytes (1 = black)', () => {
    // 10 × 2: row 0 = 1100000001, row 1 = 0000000000 (padded to 2 bytes per row).
    const pbm = concat(
      ascii('P4\n# SANE data follows\n10 2\n'),
      new Uint8Array([0xc0, 0x40, 0, 0]),
    );
    const raw = parsePnm(pbm);
    expect(raw).toMatchObject({ width: 10, height: 2, channels: 1, bilevel: true });
    expect([...raw.data.subarray(0, 10)]).toEqual([0, 0, 255, 255, 255, 255, 255, 255, 255, 0]);
    expect(raw.data.subarray(10).every((v) => v === 255)).toBe(true);
  });

  it('reads 8-bit gray without copying and 16-bit gray by its high byte', () => {
    const body = new Uint8Array([0, 128, 255, 7]);
    const pgm = parsePnm(concat(ascii('P5\n2 2\n255\n'), body));
    expect([...pgm.data]).toEqual([0, 128, 255, 7]);
    const wide = parsePnm(
      concat(ascii('P5 1 2 65535\n'), new Uint8Array([0x12, 0x34, 0xff, 0x00])),
    );
    expect([...wide.data]).toEqual([0x12, 0xff]);
  });

  it('reads RGB as three channels', () => {
    const ppm = parsePnm(concat(ascii('P6\n1 1\n255\n'), new Uint8Array([1, 2, 3])));
    expect(ppm).toMatchObject({ channels: 3, width: 1, height: 1 });
  });

  it('refuses damaged or unknown files with a PnmError', () => {
    expect(() => parsePnm(ascii('P5\n2 2\n255\n\x01'))).toThrow(PnmError);
    expect(() => parsePnm(ascii('P2\n1 1\n255\n0'))).toThrow(/binary PNM/);
    expect(() => parsePnm(ascii('GIF89a'))).toThrow(PnmError);
    expect(() => parsePnm(ascii('P4\n0 5\n'))).toThrow(/no pixels/);
  });

  it('unpacks any bit pattern exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.infiniteStream(fc.boolean()),
        (width, height, bits) => {
          const rowBytes = Math.ceil(width / 8);
          const packed = new Uint8Array(rowBytes * height);
          const expected: number[] = [];
          const it = bits[Symbol.iterator]();
          for (let y = 0; y < height; y += 1) {
            for (let x = 0; x < width; x += 1) {
              const black = it.next().value as boolean;
              const at = y * rowBytes + (x >> 3);
              if (black) packed[at] = (packed[at] ?? 0) | (0x80 >> (x & 7));
              expected.push(black ? 0 : 255);
            }
          }
          expect([...unpackBits(packed, width, height)]).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('boxShrink and toGray', () => {
  it('averages blocks and drops incomplete edges', () => {
    const data = new Uint8Array([0, 100, 50, 200, 100, 255, 50, 7, 9]);
    const small = boxShrink({ width: 3, height: 3, channels: 1, bilevel: false, data }, 2);
    expect(small).toMatchObject({ width: 1, height: 1 });
    expect(small.data[0]).toBe(Math.round((0 + 100 + 200 + 100) / 4));
  });

  it('keeps colour channels apart and is the identity for factor 1', () => {
    const rgb = new Uint8Array([10, 0, 0, 30, 0, 0, 10, 0, 255, 30, 0, 255]);
    const image = { width: 2, height: 2, channels: 3 as const, bilevel: false, data: rgb };
    expect([...boxShrink(image, 2).data]).toEqual([20, 0, 128]);
    expect(boxShrink(image, 1)).toBe(image);
    expect([
      ...toGray({ ...image, width: 1, height: 1, data: new Uint8Array([255, 255, 255]) }).data,
    ]).toEqual([255]);
  });
});

describe('inkRatio', () => {
  const page = (w: number, h: number, value = 235) => new Uint8Array(w * h).fill(value);

  it('is zero for clean paper and ignores a thin streak and the margins', () => {
    const w = 300;
    const h = 400;
    const p = page(w, h);
    for (let y = 0; y < h; y += 1) p[y * w + 150] = 20; // 1 px streak: averages out at 4×4
    for (let y = 0; y < h; y += 1) for (let x = 0; x < 10; x += 1) p[y * w + x] = 0; // edge shadow
    expect(inkRatio(p, w, h, 300)).toBe(0);
  });

  it('counts a pen stroke in the centre', () => {
    const w = 300;
    const h = 400;
    const p = page(w, h);
    for (let y = 200; y < 204; y += 1) for (let x = 100; x < 200; x += 1) p[y * w + x] = 20;
    const blocks = Math.floor(w / 4) - 2 * Math.floor((w / 4) * 0.05);
    const rows = Math.floor(h / 4) - 2 * Math.floor((h / 4) * 0.05);
    expect(inkRatio(p, w, h, 300)).toBeCloseTo(25 / (blocks * rows), 6);
  });

  it('uses 1/75-inch blocks at any resolution', () => {
    const p = page(100, 100, 0);
    expect(inkRatio(p, 100, 100, 75)).toBe(1);
    expect(inkRatio(new Uint8Array(4), 2, 2, 300)).toBe(0);
  });
});

describe('readTiffSummary', () => {
  // A hand-made little-endian TIFF: 8 × 2, 1 bit, G4, BlackIsZero, one strip, 300 dpi.
  function tiff(): Uint8Array {
    const entries: Array<[number, number, number, number]> = [
      [256, 3, 1, 8],
      [257, 3, 1, 2],
      [258, 3, 1, 1],
      [259, 3, 1, 4],
      [262, 3, 1, 1],
      [273, 4, 1, 200],
      [277, 3, 1, 1],
      [278, 3, 1, 2],
      [279, 4, 1, 4],
      [282, 5, 1, 180],
      [296, 3, 1, 2],
    ];
    const buf = new Uint8Array(256);
    const v = new DataView(buf.buffer);
    buf.set(ascii('II'), 0);
    v.setUint16(2, 42, true);
    v.setUint32(4, 8, true);
    v.setUint16(8, entries.length, true);
    entries.forEach(([tag, type, count, value], i) => {
      const at = 10 + i * 12;
      v.setUint16(at, tag, true);
      v.setUint16(at + 2, type, true);
      v.setUint32(at + 4, count, true);
      if (type === 3) v.setUint16(at + 8, value, true);
      else v.setUint32(at + 8, value, true);
    });
    v.setUint32(10 + entries.length * 12, 0, true);
    v.setUint32(180, 300, true); // XResolution 300/1
    v.setUint32(184, 1, true);
    return buf;
  }

  it('reads the facts the stored-page checks need', () => {
    const t = tiff();
    expect(isTiff(t)).toBe(true);
    expect(readTiffSummary(t)).toEqual({
      width: 8,
      height: 2,
      bitsPerSample: 1,
      samplesPerPixel: 1,
      compression: 4,
      photometric: 1,
      stripCount: 1,
      rowsPerStrip: 2,
      dpi: 300,
      multiPage: false,
    });
  });

  it('refuses a non-TIFF and a TIFF that points past its end', () => {
    expect(isTiff(ascii('\xff\xd8\xff\xe0'))).toBe(false);
    expect(() => readTiffSummary(ascii('JFIF'))).toThrow(/not a TIFF/);
    expect(() => readTiffSummary(tiff().subarray(0, 40))).toThrow(/past its own end/);
  });
});
