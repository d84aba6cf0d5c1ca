// pages:* through the real workstation handlers: bytes in as ArrayBuffer, bytes out as
// Uint8Array, and clear refusals for bad input.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createWorkstation } from '../../../src/main/workstation';
import type { Workstation } from '../../../src/main/workstation';
import { encodeFrame } from '../../../src/shared/ipc/wireFrame';

import { textPage } from '../../peers/escl/pageFixtures';

import { openDispatcher } from '../scanner/dispatch';

let dir = '';
let ws: Workstation;
let dispatcher: ReturnType<typeof openDispatcher>;
const ctx = { shell: 'host' as const, origin: 'test' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pages-ipc-'));
  ws = createWorkstation({ shell: 'host', dataDir: dir, version: '0.0.0-test' });
  dispatcher = openDispatcher(ws);
});

afterAll(async () => {
  await ws.close();
  await rm(dir, { recursive: true, force: true });
});

async function jpegPage(): Promise<ArrayBuffer> {
  const p = textPage(100);
  const jpeg = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 } })
    .toColourspace('b-w')
    .jpeg()
    .withDensity(100)
    .toBuffer();
  return new Uint8Array(jpeg).slice().buffer;
}

describe('pages:rotate-page', () => {
  it('takes an ArrayBuffer and answers with Uint8Array bytes that travel as a binary frame', async () => {
    const result = await dispatcher.dispatch(
      'pages:rotate-page',
      { page: { id: 'p1', mime: 'image/jpeg', bytes: await jpegPage() }, degrees: 90 },
      ctx,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const page = result.value as {
      meta: { id: string; width: number; height: number };
      bytes: Uint8Array;
      thumbnail: Uint8Array;
    };
    expect(page.meta).toMatchObject({ id: 'p1', width: 1100, height: 850 });
    expect(page.bytes).toBeInstanceOf(Uint8Array);
    expect(page.bytes.buffer.byteLength).toBe(page.bytes.byteLength);
    const frame = encodeFrame({ t: 'result', id: 1, result });
    expect(frame).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(frame as Uint8Array).includes('"$bin"')).toBe(true);
  });

  it('refuses bytes that are not what their type says, changing nothing', async () => {
    const result = await dispatcher.dispatch(
      'pages:rotate-page',
      { page: { mime: 'image/tiff', bytes: await jpegPage() }, degrees: 90 },
      ctx,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toMatch(/not a TIFF/);
  });

  it('refuses base64 text in place of bytes', async () => {
    const result = await dispatcher.dispatch(
      'pages:rotate-page',
      { page: { mime: 'image/jpeg', bytes: '/9j/4AAQ' }, degrees: 90 },
      ctx,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('pages:detect-blank', () => {
  it('answers with the heuristic’s verdict and ratio', async () => {
    const result = await dispatcher.dispatch(
      'pages:detect-blank',
      { page: { mime: 'image/jpeg', bytes: await jpegPage() } },
      ctx,
    );
    expect(result).toMatchObject({ ok: true, value: { blank: false, threshold: 0.0002 } });
  });
});
