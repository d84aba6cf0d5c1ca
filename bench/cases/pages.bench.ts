/**
 * The page pipeline (src/main/pages) on 300 dpi letter pages as scanimage delivers them (PNM):
 * parse, encode (gray → JPEG q75, bilevel → CCITT G4), thumbnail, blank check, SHA-256.
 *
 * - CPU per page (process CPU time, so libvips' worker threads count) against the floor of
 *   copying the page's bytes once. Target ≤ 100 ms per page (performance.md G7: a 120 ipm
 *   scanner then uses ≤ 20 % of one core).
 * - Size of a bilevel page against its raw 1-bit size. Target ≤ 150 KB.
 *
 * Pages are synthetic dense text (test/peers/escl/pageFixtures.ts) with paper noise.
 */
import { pageFromRaw } from '../../src/main/pages/pipeline';
import { parsePnm } from '../../src/main/pages/rawImage';
import { textPage } from '../../test/peers/escl/pageFixtures';
import type { GrayPage } from '../../test/peers/escl/pageFixtures';
import { median } from '../harness';
import type { BenchCase } from '../harness';

const DPI = 300;
const SAMPLES = 12;
const PAGES = 3;

/** A page as scanimage writes it: P5 gray, or P4 1-bit (set bit = black). */
function toPnm(page: GrayPage, bilevel: boolean): Uint8Array {
  const { width, height, data } = page;
  if (!bilevel) {
    const head = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
    const out = new Uint8Array(head.length + data.length);
    out.set(head);
    out.set(data, head.length);
    return out;
  }
  const rowBytes = Math.ceil(width / 8);
  const head = new TextEncoder().encode(`P4\n# SANE data follows\n${width} ${height}\n`);
  const out = new Uint8Array(head.length + rowBytes * height);
  out.set(head);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((data[y * width + x] ?? 255) < 128) {
        const at = head.length + y * rowBytes + (x >> 3);
        out[at] = (out[at] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return out;
}

const cpuMs = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

function pipelineCase(bilevel: boolean): BenchCase {
  const label = bilevel ? 'bilevel → G4' : 'gray → JPEG';
  return {
    name: `pages: CPU per 300 dpi letter page, ${label} (pipeline vs copying the bytes)`,
    unit: 'ms CPU',
    better: 'lower',
    target: '≤ 100 ms',
    async run() {
      const inputs = Array.from({ length: PAGES }, (_, i) => toPnm(textPage(DPI, 3 + i), bilevel));
      const colourMode = bilevel ? ('bilevel' as const) : ('gray' as const);
      const process = (pnm: Uint8Array) =>
        pageFromRaw(parsePnm(pnm), { colourMode, dpi: DPI, detectBlank: true });
      await process(inputs[0] as Uint8Array); // warm-up: sharp/libvips start, JIT
      const values: number[] = [];
      const floor: number[] = [];
      const wall: number[] = [];
      let bytes = 0;
      for (let i = 0; i < SAMPLES; i += 1) {
        const pnm = inputs[i % PAGES] as Uint8Array;
        floor.push(await cpuMs(() => pnm.slice()));
        const t0 = performance.now();
        values.push(
          await cpuMs(async () => {
            bytes = (await process(pnm)).meta.bytes;
          }),
        );
        wall.push(performance.now() - t0);
      }
      return {
        values,
        floor,
        notes: [
          `${label}: median wall ${median(wall).toFixed(1)} ms/page, stored page ${(bytes / 1024).toFixed(0)} KB, input ${((inputs[0] as Uint8Array).length / 1024).toFixed(0)} KB PNM`,
        ],
      };
    },
  };
}

export const cases: BenchCase[] = [
  pipelineCase(false),
  pipelineCase(true),
  {
    name: 'pages: size of a 300 dpi bilevel letter page as G4 (vs raw 1-bit)',
    unit: 'KB',
    better: 'lower',
    target: '≤ 150 KB',
    async run() {
      const values: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const page = await pageFromRaw(
          { ...textPage(DPI, 20 + i), channels: 1, bilevel: false },
          { colourMode: 'bilevel', dpi: DPI },
        );
        values.push(page.bytes.byteLength / 1024);
        floor.push((Math.ceil(page.meta.width / 8) * page.meta.height) / 1024);
      }
      return { values, floor };
    },
  },
];
