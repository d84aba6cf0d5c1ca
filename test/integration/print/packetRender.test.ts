/**
 * The packet as a PDF reader sees it: poppler's pdftoppm renders it, pdftotext reads the stamp
 * and footer, and pdfimages shows JPEG pages stayed DCT and bilevel pages stayed CCITT.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildPacket } from '../../../src/main/print/packet/buildPacket';
import { colourJpegPage, g4Page, grayJpegPage, sampleOrder } from '../../peers/print/fixtures';

const run = promisify(execFile);
let dir: string;
let packetFile: string;
let summaryFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-render-'));
  const pages = [
    await grayJpegPage({ text: 'GRAY PAGE', dpi: 150 }),
    await colourJpegPage({ text: 'COLOUR PAGE', dpi: 150 }),
    await g4Page({ text: 'BILEVEL PAGE', dpi: 200 }),
    await g4Page({ text: 'STRIPED PAGE', dpi: 200, singleStrip: false }),
  ];
  const packet = await buildPacket(sampleOrder(pages), {
    recipient: { kind: 'restrained-person' },
  });
  packetFile = path.join(dir, 'packet.pdf');
  writeFileSync(packetFile, packet.pdf);
  summaryFile = path.join(dir, 'summary.pdf');
  writeFileSync(summaryFile, (await buildPacket(sampleOrder([]))).pdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(file: string, prefix: string): Promise<string[]> {
  await run('pdftoppm', ['-r', '36', '-png', file, path.join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Mean brightness and the share of clearly red pixels (the stamp) of a rendered page. */
async function sample(
  png: string,
): Promise<{ width: number; height: number; mean: number; red: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let red = 0;
  for (let i = 0; i < data.length; i += 3) {
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    sum += (r + g + b) / 3;
    if (r > g + 40 && r > b + 40) red += 1;
  }
  return {
    width: info.width,
    height: info.height,
    mean: sum / (data.length / 3),
    red: red / (data.length / 3),
  };
}

describe('packet rendering (poppler)', () => {
  it('renders every page at Letter size with the stamp visible and no inverted bilevel page', async () => {
    const pngs = await render(packetFile, 'page');
    expect(pngs).toHaveLength(5);
    for (const png of pngs) {
      const s = await sample(png);
      // Letter at 36 dpi is 306 × 396 pixels.
      expect([s.width, s.height]).toEqual([306, 396]);
      // Mostly white paper (an inverted G4 page would be mostly black) …
      expect(s.mean).toBeGreaterThan(200);
      // … with the red SERVICE COPY stamp across it.
      expect(s.red).toBeGreaterThan(0.01);
    }
  });

  it('has the stamp and the footer on every page as text', async () => {
    const { stdout } = await run('pdftotext', [packetFile, '-']);
    const pages = stdout.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(5);
    pages.forEach((text, i) => {
      expect(text).toContain('SERVICE COPY');
      expect(text).toContain(`Page ${i + 1} of 5`);
      expect(text).toContain('Case 25DV01234 · DV-110 Temporary Restraining Order');
    });
    expect(pages[0]).toContain('For: Restrained person');
    expect(pages[0]).toContain('John Q. Roe');
  });

  it('keeps JPEG pages as DCT and bilevel pages as CCITT (no re-encoding)', async () => {
    const { stdout } = await run('pdfimages', ['-list', packetFile]);
    const rows = stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.trim().split(/\s+/));
    // Columns: page num type width height color comp bpc enc …
    const byPage = (page: number) => rows.filter((r) => r[0] === String(page));
    expect(byPage(1)).toHaveLength(0); // the cover sheet has no image
    expect(byPage(2).map((r) => [r[5], r[8]])).toEqual([['gray', 'jpeg']]);
    expect(byPage(3).map((r) => [r[5], r[8]])).toEqual([['rgb', 'jpeg']]);
    expect(byPage(4).map((r) => [r[7], r[8]])).toEqual([['1', 'ccitt']]);
    expect(byPage(5).length).toBe(Math.ceil(2200 / 256));
    expect(byPage(5).every((r) => r[8] === 'ccitt')).toBe(true);
  });

  it('marks the summary page of an order without images', async () => {
    const { stdout } = await run('pdftotext', [summaryFile, '-']);
    expect(stdout).toContain('NOT THE SIGNED ORDER');
    expect(stdout).toContain('Page 1 of 1');
    const pngs = await render(summaryFile, 'summary');
    expect(pngs).toHaveLength(1);
  });
});
