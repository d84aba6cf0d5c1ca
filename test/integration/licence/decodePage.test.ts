/**
 * `licence:decode-image` end to end on a stored page: a licence's PDF417 drawn by bwip-js on a
 * letter page, skewed as a photocopy is, stored by main's real page pipeline (bilevel → G4
 * TIFF, gray → JPEG, at 300 dpi), sent as the renderer sends it (an ArrayBuffer through the
 * host's binary frame codec), and answered by the real workstation dispatcher and access gate
 * for a signed-in clerk with zxing-wasm and its rotation sweep. The unit tests in
 * test/unit/main/licence decode barcode images directly; this covers the channel and a page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pageFromRaw } from '../../../src/main/pages/pipeline';
import { createWorkstation } from '../../../src/main/workstation';
import type { Workstation } from '../../../src/main/workstation';
import type { LicenceImageResult } from '../../../src/shared/ipc/contracts/licence';
import type { ColourMode } from '../../../src/shared/ipc/contracts/pages';
import { decodeFrame, encodeFrame } from '../../../src/shared/ipc/wireFrame';
import { people, personPayload } from '../../fixtures/aamva/generator';
import { signInAs } from '../../helpers/auth';

const DPI = 300;
const PAGE = { width: Math.round(8.5 * DPI), height: 11 * DPI };
const ctx = { shell: 'host' as const, origin: 'test' };

let dir = '';
let ws: Workstation;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'licence-decode-'));
  ws = createWorkstation({ shell: 'host', dataDir: dir, version: '0.0.0-test' });
  await signInAs(ws, 'clerk');
});

afterAll(async () => {
  await ws.close();
  await rm(dir, { recursive: true, force: true });
});

/** The PDF417 of a payload as bwip-js draws it (control characters as ^NNN). */
async function barcode(payload: string): Promise<Buffer> {
  const text = [...payload]
    .map((c) => (c < ' ' ? `^${String(c.charCodeAt(0)).padStart(3, '0')}` : c))
    .join('');
  // A card's barcode: about 3 in wide, 2 px modules at 300 dpi. PDF417 options are not in
  // bwip-js's types, hence the variable.
  const options = {
    bcid: 'pdf417',
    text,
    parse: true,
    columns: 13,
    eclevel: 5,
    rowmult: 3,
    scale: 2,
    backgroundcolor: 'FFFFFF',
  };
  return bwipjs.toBuffer(options);
}

/**
 * A photocopy of the licence back in the order's pages: the barcode skewed by `degrees` in
 * the lower half of a white letter page, as raw 8-bit gray scanner pixels.
 */
async function scannedPage(payload: string, degrees: number) {
  const code = await sharp(await barcode(payload))
    .rotate(degrees, { background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
  const { data, info } = await sharp({
    create: { ...PAGE, channels: 3, background: '#ffffff' },
  })
    .composite([{ input: code, left: 2 * DPI, top: 6 * DPI }])
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** Stores the page with main's pipeline, as a scan batch would. */
async function storedPage(raw: Awaited<ReturnType<typeof scannedPage>>, colourMode: ColourMode) {
  const data = colourMode === 'bilevel' ? raw.data.map((v) => (v < 128 ? 0 : 255)) : raw.data;
  return pageFromRaw(
    { ...raw, channels: 1, bilevel: colourMode === 'bilevel', data },
    { colourMode, dpi: DPI },
  );
}

/** Calls decode-image the way the host shell does: a binary frame in, the dispatcher, a frame out. */
async function decodeViaHost(stored: Uint8Array) {
  // The renderer reads the stored Blob with arrayBuffer(): exactly the page's bytes.
  const image = stored.slice().buffer;
  const frame = encodeFrame({
    t: 'call',
    id: 7,
    channel: 'licence:decode-image',
    input: { image },
  });
  expect(frame).toBeInstanceOf(Uint8Array);
  const call = decodeFrame(frame);
  if (call.t !== 'call') throw new Error('not a call');
  expect((call.input as { image: unknown }).image).toBeInstanceOf(ArrayBuffer);
  return ws.dispatcher.dispatch('licence:decode-image', call.input, ctx);
}

const us = personPayload(people.illinois, { version: 10, iin: '636035', jurisdictionVersion: 1 });
const ca = personPayload(people.ontario, { version: 8, iin: '636012' });

describe('licence:decode-image on a stored page', () => {
  it('reads a skewed licence from a bilevel G4 TIFF page', async () => {
    const page = await storedPage(await scannedPage(us, 5), 'bilevel');
    expect(page.meta.mime).toBe('image/tiff');
    const answer = await decodeViaHost(page.bytes);
    expect(answer.ok).toBe(true);
    const found = (answer.ok ? answer.value : null) as LicenceImageResult;
    expect(found.result.licence).toMatchObject({
      familyName: 'TESTPERSON',
      givenName: 'JOHN',
      dob: '1980-09-23',
      licenseNumber: 'T12345678901',
      jurisdiction: 'IL',
    });
    // Found only by straightening: the plain pass (0°) missed it.
    expect(found.rotationDegrees).not.toBe(0);
    expect(found.attempts).toBeGreaterThan(1);
  });

  it('reads a Canadian licence skewed the other way from a gray JPEG page', async () => {
    const page = await storedPage(await scannedPage(ca, -4), 'gray');
    expect(page.meta.mime).toBe('image/jpeg');
    const answer = await decodeViaHost(page.bytes);
    expect(answer.ok).toBe(true);
    const found = (answer.ok ? answer.value : null) as LicenceImageResult;
    expect(found.result.licence).toMatchObject({
      familyName: 'EXEMPLAIRE',
      dob: '1975-03-14',
      state: 'ON',
    });
  });

  it('says no barcode was found on a page without one', async () => {
    const blank = await storedPage(
      { ...PAGE, data: new Uint8Array(PAGE.width * PAGE.height).fill(255) },
      'bilevel',
    );
    const answer = await decodeViaHost(blank.bytes);
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/No licence barcode was found/);
  });
});

describe('who may decode a licence image', () => {
  it('lets a supervisor through the gate and refuses the administrator', async () => {
    const notAnImage = new Uint8Array([1, 2, 3, 4]).buffer;
    await signInAs(ws, 'supervisor');
    const supervisor = await ws.dispatcher.dispatch(
      'licence:decode-image',
      { image: notAnImage },
      ctx,
    );
    // Past the gate: main looked at the bytes and says what is wrong with them.
    expect(supervisor).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!supervisor.ok) expect(supervisor.error.message).toMatch(/not an image/);
    await signInAs(ws, 'admin');
    const admin = await ws.dispatcher.dispatch('licence:decode-image', { image: notAnImage }, ctx);
    expect(admin).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
