// The page pipeline against sharp/libvips for real: encodings, thumbnails, previews, blank
// detection and rotation, and that G4 pages are what the service-copy PDF builder accepts.
import { createHash } from 'node:crypto';

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { checkBlank, pageFromEncoded, pageFromRaw } from '../../../src/main/pages/pipeline';
import type { RawImage } from '../../../src/main/pages/rawImage';
import { rotatePage } from '../../../src/main/pages/rotate';
import { readTiffSummary } from '../../../src/main/pages/tiffTags';
import { readG4Tiff } from '../../../src/main/print/packet/tiffG4';
import { blankPage, sparsePage, textPage } from '../../peers/escl/pageFixtures';
import type { GrayPage } from '../../peers/escl/pageFixtures';

const raw = (p: GrayPage): RawImage => ({ ...p, channels: 1, bilevel: false });
const decodeGray = async (bytes: Uint8Array) =>
  sharp(bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });

describe('bilevel pages', () => {
  it('are stored as single-strip CCITT G4 TIFF at their resolution, under 150 KB at 300 dpi', async () => {
    const page = await pageFromRaw(raw(textPage(300)), { colourMode: 'bilevel', dpi: 300 });
    expect(page.meta).toMatchObject({
      mime: 'image/tiff',
      compression: 'ccitt-g4',
      colourMode: 'bilevel',
      width: 2550,
      height: 3300,
      dpi: 300,
      bytes: page.bytes.byteLength,
    });
    const tiff = readTiffSummary(page.bytes);
    expect(tiff).toMatchObject({ compression: 4, bitsPerSample: 1, stripCount: 1, dpi: 300 });
    expect(tiff.multiPage).toBe(false);
    expect(page.bytes.byteLength).toBeLessThan(150 * 1024);
    expect(page.meta.sha256).toBe(createHash('sha256').update(page.bytes).digest('hex'));
  });

  it('pass the service-copy builder’s own G4 reader (passed through to the PDF untouched)', async () => {
    const page = await pageFromRaw(raw(textPage(200)), { colourMode: 'bilevel', dpi: 200 });
    const g4 = readG4Tiff(page.bytes);
    expect(g4).toMatchObject({ width: 1700, height: 2200, dpi: 200 });
    expect(g4.strips).toHaveLength(1);
  });

  it('keep every pixel of a bilevel scan (G4 is lossless)', async () => {
    const p = textPage(150);
    const bits = new Uint8Array(p.data.map((v) => (v < 128 ? 0 : 255)));
    const page = await pageFromRaw(
      { ...p, data: bits, channels: 1, bilevel: true },
      { colourMode: 'bilevel', dpi: 150 },
    );
    const { data } = await decodeGray(page.bytes);
    expect(Buffer.compare(Buffer.from(data), Buffer.from(bits))).toBe(0);
  });

  it('get a small JPEG thumbnail and a readable JPEG preview (browsers cannot show TIFF)', async () => {
    const page = await pageFromRaw(raw(textPage(300)), { colourMode: 'bilevel', dpi: 300 });
    const thumb = await sharp(page.thumbnail).metadata();
    expect(thumb.format).toBe('jpeg');
    expect(thumb.width).toBeLessThanOrEqual(200);
    expect(thumb.height).toBeLessThanOrEqual(260);
    expect(thumb.channels).toBe(1);
    const preview = await sharp(page.preview ?? new Uint8Array()).metadata();
    expect(preview).toMatchObject({ format: 'jpeg', width: 1275, height: 1650, channels: 1 });
  });
});

describe('gray and colour pages', () => {
  it('are one-channel JPEG for gray, with their resolution and no preview', async () => {
    const page = await pageFromRaw(raw(textPage(200)), { colourMode: 'gray', dpi: 200 });
    expect(page.meta).toMatchObject({
      mime: 'image/jpeg',
      compression: 'jpeg',
      colourMode: 'gray',
    });
    const meta = await sharp(page.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', channels: 1, density: 200, width: 1700 });
    expect(page.preview).toBeUndefined();
  });

  it('are three-channel JPEG for colour; one channel delivered for colour is stored as gray', async () => {
    const p = textPage(100);
    const rgb = new Uint8Array(p.data.length * 3).map((_, i) => p.data[Math.floor(i / 3)] ?? 0);
    const colour = await pageFromRaw(
      { ...p, data: rgb, channels: 3, bilevel: false },
      { colourMode: 'color', dpi: 100 },
    );
    expect((await sharp(colour.bytes).metadata()).channels).toBe(3);
    expect(colour.meta.colourMode).toBe('color');
    const gray = await pageFromRaw(raw(p), { colourMode: 'color', dpi: 100 });
    expect(gray.meta.colourMode).toBe('gray');
  });

  it('keep a delivered JPEG byte for byte', async () => {
    const jpeg = await sharp(textPage(150).data, {
      raw: { width: 1275, height: 1650, channels: 1 },
    })
      .toColourspace('b-w')
      .jpeg({ quality: 80 })
      .withDensity(150)
      .toBuffer();
    const page = await pageFromEncoded(new Uint8Array(jpeg), { colourMode: 'gray', dpi: 300 });
    expect(Buffer.compare(Buffer.from(page.bytes), jpeg)).toBe(0);
    expect(page.meta).toMatchObject({ dpi: 150, width: 1275, colourMode: 'gray' });
  });

  it('turn a gray JPEG asked for as bilevel, and any 1-bit PNG, into G4', async () => {
    const p = textPage(100);
    const jpeg = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 } })
      .jpeg()
      .toBuffer();
    const fromJpeg = await pageFromEncoded(new Uint8Array(jpeg), {
      colourMode: 'bilevel',
      dpi: 100,
    });
    expect(readTiffSummary(fromJpeg.bytes).compression).toBe(4);
    const png = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 } })
      .threshold(128)
      .toColourspace('b-w')
      .png({ palette: true, colours: 2 })
      .toBuffer();
    const fromPng = await pageFromEncoded(new Uint8Array(png), { colourMode: 'gray', dpi: 100 });
    expect(fromPng.meta.mime).toBe('image/tiff');
  });

  it('refuse what is not an image', async () => {
    await expect(
      pageFromEncoded(new TextEncoder().encode('%PDF-1.7'), { colourMode: 'gray', dpi: 300 }),
    ).rejects.toThrow(/not a JPEG, PNG or TIFF/);
  });
});

describe('blank-page detection', () => {
  it.each([200, 300])(
    'flags empty backs and keeps text and one-line pages at %i dpi',
    async (dpi) => {
      const options = { colourMode: 'bilevel' as const, dpi, detectBlank: true };
      const blank = await pageFromRaw(raw(blankPage(dpi)), options);
      const text = await pageFromRaw(raw(textPage(dpi)), options);
      const sparse = await pageFromRaw(raw(sparsePage(dpi)), options);
      expect(blank.blank).toMatchObject({ blank: true, threshold: 0.0002 });
      expect(text.blank?.blank).toBe(false);
      expect(text.blank?.inkRatio).toBeGreaterThan(0.05);
      expect(sparse.blank?.blank).toBe(false);
    },
  );

  it('gives the same answer on stored pages (pages:detect-blank) and honours a threshold', async () => {
    const sparse = await pageFromRaw(raw(sparsePage(300)), { colourMode: 'gray', dpi: 300 });
    const again = await checkBlank(sparse.bytes, 300);
    expect(again.blank).toBe(false);
    expect((await checkBlank(sparse.bytes, 300, 0.01)).blank).toBe(true);
    const g4 = await pageFromRaw(raw(blankPage(300)), { colourMode: 'bilevel', dpi: 300 });
    expect((await checkBlank(g4.bytes, 300)).blank).toBe(true);
  });

  it('does not run unless asked', async () => {
    const page = await pageFromRaw(raw(textPage(100)), { colourMode: 'gray', dpi: 100 });
    expect(page.blank).toBeUndefined();
  });
});

describe('rotation', () => {
  it('turns a G4 page a quarter turn without losing a pixel, keeping its id', async () => {
    const page = await pageFromRaw(raw(textPage(150)), { colourMode: 'bilevel', dpi: 150 });
    const turned = await rotatePage({ id: 'row-1', mime: 'image/tiff', bytes: page.bytes }, 90);
    expect(turned.meta).toMatchObject({
      id: 'row-1',
      width: 1650,
      height: 1275,
      dpi: 150,
      mime: 'image/tiff',
    });
    expect(readTiffSummary(turned.bytes).compression).toBe(4);
    const expected = await sharp(page.bytes).rotate(90).toColourspace('b-w').raw().toBuffer();
    const { data } = await decodeGray(turned.bytes);
    expect(Buffer.compare(Buffer.from(data), expected)).toBe(0);
    let back = turned;
    for (let i = 0; i < 3; i += 1)
      back = await rotatePage({ mime: 'image/tiff', bytes: back.bytes }, 90);
    expect(
      Buffer.compare(
        Buffer.from((await decodeGray(back.bytes)).data),
        Buffer.from((await decodeGray(page.bytes)).data),
      ),
    ).toBe(0);
  });

  it('re-encodes a JPEG page in main, staying one-channel gray', async () => {
    const page = await pageFromRaw(raw(textPage(100)), { colourMode: 'gray', dpi: 100 });
    const turned = await rotatePage({ mime: 'image/jpeg', bytes: page.bytes }, 180);
    expect(turned.meta).toMatchObject({
      width: 850,
      height: 1100,
      colourMode: 'gray',
      mime: 'image/jpeg',
    });
    expect((await sharp(turned.bytes).metadata()).channels).toBe(1);
    expect(turned.meta.id).not.toBe(page.meta.id);
  });
});
