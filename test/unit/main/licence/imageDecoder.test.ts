import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  bundledWasmPath,
  decodeLicenceImage,
} from '../../../../src/main/devices/licence/imageDecoder';
import { parseAamva } from '../../../../src/shared/aamva';
import { people, personPayload } from '../../../fixtures/aamva/generator';

const us = personPayload(people.illinois, { version: 10, iin: '636035', jurisdictionVersion: 1 });
const ca = personPayload(people.ontario, { version: 10, iin: '636012' });

/** A PDF417 of `payload` as bwip-js draws it (control characters as ^NNN, devices.md app. D). */
async function barcode(payload: string): Promise<Buffer> {
  const text = [...payload]
    .map((c) => (c < ' ' ? `^${String(c.charCodeAt(0)).padStart(3, '0')}` : c))
    .join('');
  // PDF417 options (columns, eclevel, rowmult) are not in bwip-js's types, hence the variable.
  const options = {
    bcid: 'pdf417',
    text,
    parse: true,
    columns: 10,
    eclevel: 5,
    rowmult: 4,
    scale: 2,
    paddingwidth: 30,
    paddingheight: 30,
    backgroundcolor: 'FFFFFF',
  };
  return bwipjs.toBuffer(options);
}

/** Simulates a skewed, slightly blurred, noisy photocopy saved as a JPEG. */
async function scanned(png: Buffer, degrees: number): Promise<Uint8Array> {
  const rotated = await sharp(png).rotate(degrees, { background: '#ffffff' }).png().toBuffer();
  const { width = 0, height = 0 } = await sharp(rotated).metadata();
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .png()
    .toBuffer();
  const out = await sharp(rotated)
    .composite([{ input: noise, blend: 'soft-light' }])
    .blur(0.7)
    .jpeg({ quality: 60 })
    .toBuffer();
  return new Uint8Array(out);
}

describe('PDF417 from a scanned licence image (zxing-wasm, bundled wasm)', () => {
  const fetchSpy = vi.fn(() => Promise.reject(new Error('network use is not allowed')));

  beforeAll(() => {
    // Any attempt to fetch the wasm from a CDN fails loudly and is recorded.
    vi.stubGlobal('fetch', fetchSpy);
  });
  afterAll(() => vi.unstubAllGlobals());

  it('loads the wasm from node_modules, never the network', async () => {
    expect(bundledWasmPath()).toMatch(
      /node_modules\/zxing-wasm\/dist\/reader\/zxing_reader\.wasm$/,
    );
    const r = await decodeLicenceImage(new Uint8Array(await barcode(us)));
    expect(r?.text).toBe(us);
    expect(r?.rotationDegrees).toBe(0);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('straightens a 7° skewed noisy photocopy with the rotation sweep', async () => {
    const image = await scanned(await barcode(us), 7);
    // Without the sweep, the straight attempt alone does not find it.
    expect(await decodeLicenceImage(image, [0])).toBeNull();
    const r = await decodeLicenceImage(image);
    expect(r?.text).toBe(us);
    expect(r?.rotationDegrees).not.toBe(0);
    expect(parseAamva(r?.text ?? '').licence.licenseNumber).toBe('T12345678901');
  });

  it('reads a Canadian card skewed the other way', async () => {
    const r = await decodeLicenceImage(await scanned(await barcode(ca), -8));
    expect(r?.bytes.length).toBe(ca.length);
    expect(parseAamva(r?.text ?? '').licence).toMatchObject({
      jurisdiction: 'ON',
      dob: '1975-03-14',
      postalCode: 'M5H 2N2',
    });
  });

  it('returns null for an image without a barcode', async () => {
    const blank = await sharp({
      create: { width: 400, height: 200, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    expect(await decodeLicenceImage(new Uint8Array(blank), [0, 6])).toBeNull();
  });

  it('rejects bytes that are not an image', async () => {
    await expect(decodeLicenceImage(new TextEncoder().encode('not an image'))).rejects.toThrow();
  });
});
