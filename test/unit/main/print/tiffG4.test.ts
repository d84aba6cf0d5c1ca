import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { TiffError, readG4Tiff } from '../../../../src/main/print/packet/tiffG4';
import type { PacketPage } from '../../../../src/shared/printing/packetOrder';
import { g4Page } from '../../../peers/print/fixtures';

let single: PacketPage;
let strips: PacketPage;

beforeAll(async () => {
  single = await g4Page({ text: 'TIFF', dpi: 100 });
  strips = await g4Page({ text: 'TIFF', dpi: 100, singleStrip: false });
});

type Tag = [tag: number, type: 3 | 4, values: number[]];

/** Writes a minimal TIFF (either byte order) around one G4 strip. */
function makeTiff(le: boolean, strip: Uint8Array, tags: Tag[]): Uint8Array {
  const extra: Tag[] = [
    [273, 4, [0]],
    [279, 4, [strip.byteLength]],
  ];
  const all: Tag[] = [...tags, ...extra].sort((a, b) => a[0] - b[0]);
  const ifdAt = 8;
  const ifdSize = 2 + all.length * 12 + 4;
  const stripAt = ifdAt + ifdSize;
  const buf = new Uint8Array(stripAt + strip.byteLength);
  const v = new DataView(buf.buffer);
  buf.set(le ? [0x49, 0x49] : [0x4d, 0x4d]);
  v.setUint16(2, 42, le);
  v.setUint32(4, ifdAt, le);
  v.setUint16(ifdAt, all.length, le);
  all.forEach(([tag, type, values], i) => {
    const at = ifdAt + 2 + i * 12;
    v.setUint16(at, tag, le);
    v.setUint16(at + 2, type, le);
    v.setUint32(at + 4, 1, le);
    const value = tag === 273 ? stripAt : (values[0] ?? 0);
    if (type === 3) v.setUint16(at + 8, value, le);
    else v.setUint32(at + 8, value, le);
  });
  buf.set(strip, stripAt);
  return buf;
}

describe('readG4Tiff', () => {
  it('reads a single-strip libvips G4 page', () => {
    const page = readG4Tiff(single.bytes);
    expect(page).toMatchObject({ width: 850, height: 1100, rowsPerStrip: 1100, blackIs1: true });
    expect(page.strips).toHaveLength(1);
    expect(page.dpi).toBeCloseTo(100, 3);
  });

  it('reads every strip of a multi-strip page, last one short', () => {
    const page = readG4Tiff(strips.bytes);
    expect(page.rowsPerStrip).toBe(256);
    expect(page.strips).toHaveLength(5);
    expect(page.strips.every((s) => s.byteLength > 0)).toBe(true);
  });

  it('reads big-endian TIFFs and WhiteIsZero (BlackIs1 false)', () => {
    const strip = readG4Tiff(single.bytes).strips[0] as Uint8Array;
    for (const le of [true, false]) {
      const tiff = makeTiff(le, strip, [
        [256, 3, [850]],
        [257, 3, [1100]],
        [259, 3, [4]],
        [262, 3, [0]],
      ]);
      const page = readG4Tiff(tiff);
      expect(page).toMatchObject({ width: 850, height: 1100, blackIs1: false, dpi: null });
      expect(Buffer.from(page.strips[0] as Uint8Array).equals(Buffer.from(strip))).toBe(true);
    }
  });

  it('reverses the bits of FillOrder 2 strips so the PDF filter reads them', () => {
    const tiff = makeTiff(true, new Uint8Array([0b00000001, 0b10100000]), [
      [256, 3, [8]],
      [257, 3, [1]],
      [259, 3, [4]],
      [266, 3, [2]],
    ]);
    expect([...(readG4Tiff(tiff).strips[0] as Uint8Array)]).toEqual([0b10000000, 0b00000101]);
  });

  it.each([
    ['not a TIFF', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]), /not a TIFF/],
    ['too short', new Uint8Array([0x49, 0x49]), /too short/],
    ['BigTIFF', new Uint8Array([0x49, 0x49, 43, 0, 8, 0, 0, 0, 0, 0, 0, 0]), /BigTIFF/],
  ])('refuses %s', (_, bytes, message) => {
    expect(() => readG4Tiff(bytes)).toThrow(message);
  });

  it('refuses a non-G4 or non-bilevel TIFF and a truncated one', () => {
    const strip = new Uint8Array([0, 1, 2]);
    const base: Tag[] = [
      [256, 3, [8]],
      [257, 3, [1]],
    ];
    expect(() => readG4Tiff(makeTiff(true, strip, [...base, [259, 3, [5]]]))).toThrow(
      /not CCITT Group 4/,
    );
    expect(() =>
      readG4Tiff(makeTiff(true, strip, [...base, [259, 3, [4]], [258, 3, [8]]])),
    ).toThrow(/not black-and-white/);
    expect(() => readG4Tiff(single.bytes.subarray(0, single.bytes.byteLength - 10))).toThrow(
      TiffError,
    );
  });

  it('never fails with anything but a TiffError on damaged input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: single.bytes.byteLength - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 8, max: single.bytes.byteLength }),
        (at, value, cut) => {
          const damaged = single.bytes.slice(0, cut);
          if (at < damaged.byteLength) damaged[at] = value;
          try {
            readG4Tiff(damaged);
          } catch (error) {
            expect(error).toBeInstanceOf(TiffError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
