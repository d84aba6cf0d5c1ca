/**
 * Service-copy packets (issue 6):
 * - "packet 5 JPEG pages p95": building a 5-page packet (300 dpi gray JPEG scans, stamp and
 *   footer on each page) against the floor of writing the same page bytes to disk with fsync.
 *   Target ≤ 50 ms p95.
 * - "G4 packet size": a 5-page bilevel packet's PDF size against the sum of its G4 page sizes
 *   (the pages pass through untouched, so only the PDF structure is added). Target ≤ 1.2×.
 */
import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import sharp from 'sharp';

import { buildPacket } from '../../src/main/print/packet/buildPacket';
import type { PacketOrderInput, PacketPage } from '../../src/shared/printing/packetOrder';
import { quantile } from '../harness';
import type { BenchCase } from '../harness';

const SAMPLES = 40;
const dpi = 300;
const width = 2550;
const height = 3300;

/** A dense text page, different per index (deterministic words). */
function pageSvg(index: number): Buffer {
  let seed = 7 + index;
  const word = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return 'court order restrained protected person shall not contact harass stay away yards'.split(
      ' ',
    )[seed % 12];
  };
  const lines: string[] = [];
  for (let i = 0; i < 70; i += 1) {
    const text = Array.from({ length: 14 }, word).join(' ');
    lines.push(
      `<text x="150" y="${200 + i * 42}" font-size="34" font-family="DejaVu Serif">${text}</text>`,
    );
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f4f4f0"/>${lines.join('')}</svg>`,
  );
}

async function pages(kind: 'jpeg' | 'g4'): Promise<PacketPage[]> {
  const out: PacketPage[] = [];
  for (let i = 0; i < 5; i += 1) {
    const img = sharp(pageSvg(i)).removeAlpha();
    const bytes =
      kind === 'jpeg'
        ? await img.toColourspace('b-w').jpeg({ quality: 75 }).toBuffer()
        : await img
            .threshold(160)
            .toColourspace('b-w')
            .tiff({ compression: 'ccittfax4', bitdepth: 1, tileHeight: 8192 })
            .toBuffer();
    out.push({
      mime: kind === 'jpeg' ? 'image/jpeg' : 'image/tiff',
      bytes: new Uint8Array(bytes),
      width,
      height,
      dpi,
    });
  }
  return out;
}

function order(p: PacketPage[]): PacketOrderInput {
  return {
    id: 'bench-order',
    caseNumber: '25DV01234',
    orderType: { code: 'DV-110', name: 'Temporary Restraining Order' },
    courtName: 'Superior Court of California, County of Sacramento',
    issuedAt: '2026-03-02T15:00:00-08:00',
    expiresAt: '2026-03-23T17:00:00-07:00',
    restrainedName: 'John Q. Roe',
    protectedNames: ['Jane A. Doe'],
    judicialOfficer: 'Hon. Maria Alvarez',
    pages: p,
  };
}

/** The floor: write the same bytes to a local file and fsync it. */
async function writeFloor(chunks: readonly Uint8Array[]): Promise<number> {
  const file = path.join(os.tmpdir(), `ccpor-bench-${randomUUID()}.bin`);
  const t0 = performance.now();
  const fh = await open(file, 'w');
  try {
    for (const c of chunks) await fh.write(c);
    await fh.datasync();
  } finally {
    await fh.close();
  }
  const ms = performance.now() - t0;
  await rm(file, { force: true });
  return ms;
}

const kb = (n: number) => n / 1024;

export const cases: BenchCase[] = [
  {
    name: 'print: packet 5 JPEG pages p95',
    unit: 'ms',
    better: 'lower',
    target: '≤ 50 ms p95',
    async run() {
      const p = await pages('jpeg');
      const input = order(p);
      const bytes = p.map((x) => x.bytes);
      await buildPacket(input); // warm-up (JIT, fonts)
      await writeFloor(bytes);
      const values: number[] = [];
      const floor: number[] = [];
      let size = 0;
      for (let i = 0; i < SAMPLES; i += 1) {
        const t0 = performance.now();
        size = (await buildPacket(input)).pdf.byteLength;
        values.push(performance.now() - t0);
        floor.push(await writeFloor(bytes));
      }
      const input5 = bytes.reduce((n, b) => n + b.byteLength, 0);
      return {
        values,
        floor,
        notes: [
          `p95 ${quantile(values, 0.95).toFixed(1)} ms (floor p95 ${quantile(floor, 0.95).toFixed(1)} ms)`,
          `pages ${kb(input5).toFixed(0)} KiB → PDF ${kb(size).toFixed(0)} KiB`,
        ],
      };
    },
  },
  {
    name: 'print: G4 packet size',
    unit: 'KiB',
    better: 'lower',
    target: '≤ 1.2× the sum of its page sizes',
    async run() {
      const p = await pages('g4');
      const pageBytes = p.reduce((n, x) => n + x.bytes.byteLength, 0);
      const t0 = performance.now();
      const packet = await buildPacket(order(p), { recipient: { kind: 'law-enforcement' } });
      const ms = performance.now() - t0;
      return {
        values: [kb(packet.pdf.byteLength)],
        floor: [kb(pageBytes)],
        notes: [`5 G4 pages + cover sheet built in ${ms.toFixed(1)} ms (first build, cold)`],
      };
    },
  },
];
