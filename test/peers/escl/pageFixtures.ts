/**
 * Synthetic scanned pages for tests and benchmarks: deterministic, no fonts needed.
 *
 * A "text" page is off-white paper with sensor noise and lines of word-shaped ink blocks with
 * letter gaps; a "blank" page is the same paper with dust specks, a one-pixel streak and faint
 * bleed-through; a "sparse" page is blank but for one short line ("Page 2 of 3" or a small
 * signature). Together they exercise the blank-page heuristic's both sides.
 */

/** One 8-bit gray page. */
export type GrayPage = { width: number; height: number; data: Uint8Array };

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

/** Paper at `level` with ±`noise` uniform sensor noise. */
export function paper(width: number, height: number, seed = 1, level = 232, noise = 6): GrayPage {
  const rand = rng(seed);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i += 1) data[i] = level + Math.round((rand() - 0.5) * 2 * noise);
  return { width, height, data };
}

function fill(page: GrayPage, x: number, y: number, w: number, h: number, value: number): void {
  for (let yy = Math.max(0, y); yy < Math.min(page.height, y + h); yy += 1) {
    const row = yy * page.width;
    for (let xx = Math.max(0, x); xx < Math.min(page.width, x + w); xx += 1)
      page.data[row + xx] = value;
  }
}

/** Draws one line of "words" from (x, y): glyph boxes of stroke-like ink with gaps. */
function textLine(
  page: GrayPage,
  x: number,
  y: number,
  maxX: number,
  dpi: number,
  rand: () => number,
) {
  const cap = Math.round(dpi * 0.1); // ~12 pt text
  const stroke = Math.max(1, Math.round(dpi / 100));
  let cx = x;
  while (cx < maxX) {
    const letters = 2 + Math.floor(rand() * 8);
    for (let l = 0; l < letters && cx < maxX; l += 1) {
      const w = Math.round(cap * (0.45 + rand() * 0.35));
      // A glyph: two stems and a bar, enough ink and edges to look like text to G4 and to us.
      fill(page, cx, y, stroke, cap, 25);
      fill(page, cx + w - stroke, y + Math.round(cap * 0.3), stroke, Math.round(cap * 0.7), 25);
      fill(page, cx, y + Math.round(cap * (0.3 + rand() * 0.4)), w, stroke, 25);
      cx += w + Math.round(stroke * 1.5);
    }
    cx += Math.round(cap * 0.6);
  }
}

/** A dense text page (a court order body) at `dpi` on letter paper unless sized. */
export function textPage(
  dpi: number,
  seed = 7,
  width = Math.round(8.5 * dpi),
  height = Math.round(11 * dpi),
): GrayPage {
  const page = paper(width, height, seed);
  const rand = rng(seed * 31 + 5);
  const margin = Math.round(dpi);
  const lineStep = Math.round(dpi * 0.2);
  for (let y = margin; y < height - margin; y += lineStep) {
    const end = width - margin - Math.round(rand() * dpi * 1.5);
    textLine(page, margin, y, end, dpi, rand);
  }
  return page;
}

/** An empty back: paper, a few dust specks, a one-pixel streak and faint bleed-through. */
export function blankPage(
  dpi: number,
  seed = 11,
  width = Math.round(8.5 * dpi),
  height = Math.round(11 * dpi),
): GrayPage {
  const page = paper(width, height, seed);
  const rand = rng(seed * 17 + 3);
  // Defects have a physical size (specks up to 1/150 in, a 1/300 in streak): at a lower
  // resolution the sensor averages them into fewer, lighter pixels.
  const scale = Math.min(1, dpi / 300);
  const shade = (dark: number) => Math.round(232 - (232 - dark) * scale);
  for (let i = 0; i < 40; i += 1) {
    const s = Math.max(1, Math.round((1 + Math.floor(rand() * 2)) * scale));
    fill(page, Math.floor(rand() * width), Math.floor(rand() * height), s, s, shade(40));
  }
  fill(page, Math.floor(width * 0.37), 0, 1, height, shade(60)); // dirty-glass streak
  // Bleed-through from text on the other side: a wide faint band.
  for (let y = Math.round(dpi * 2); y < Math.round(dpi * 4); y += Math.round(dpi * 0.2)) {
    fill(page, Math.round(dpi), y, width - 2 * Math.round(dpi), Math.round(dpi * 0.08), 200);
  }
  return page;
}

/** A nearly empty page: one short line ("Page 2 of 3") near the bottom. */
export function sparsePage(dpi: number, seed = 13): GrayPage {
  const page = blankPage(dpi, seed);
  const rand = rng(seed);
  const x = Math.round(page.width / 2 - dpi * 0.6);
  textLine(page, x, page.height - Math.round(dpi * 1.2), x + Math.round(dpi * 1.2), dpi, rand);
  return page;
}
