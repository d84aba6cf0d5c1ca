/**
 * Blank-page detection for duplex batches: the backs of one-sided sheets should be dropped
 * (with undo in the renderer) without ever dropping a page that holds a signature or a line.
 *
 * The heuristic (docs/scanning.md), on 8-bit gray pixels:
 * 1. Average the page in square blocks of about 1/75 inch (4 × 4 pixels at 300 dpi). A dust
 *    speck or a one-pixel streak from dirty glass averages out to light gray; a pen or text
 *    stroke (≥ 1/100 inch wide) stays dark.
 * 2. Ignore a 5 % margin on every side: feeder shadows, punch holes and edge streaks live there.
 * 3. A block holds ink when its mean is below 160 (≥ about 40 % of it dark on white paper).
 *    Bleed-through from the other side is fainter than that.
 * 4. The page is blank when inked blocks are fewer than `threshold` of the centre's blocks.
 *    The default 0.0002 (0.02 %) is about 100 blocks on a letter page: a short signature or
 *    "Page 2 of 3" is above it, a clean or dusty empty page is far below it. It errs towards
 *    keeping pages; the renderer shows what was dropped.
 */
import type { BlankCheck } from '../../shared/ipc/contracts/pages';

/** Default fraction of inked blocks below which a page counts as blank. */
export const defaultBlankThreshold = 0.0002;
/** Block mean (0–255) below which a block holds ink. */
export const inkLevel = 160;
/** Fraction of each side ignored. */
export const blankMargin = 0.05;
/** Target block size: 1/75 inch. */
export const blocksPerInch = 75;

/** Fraction of inked blocks in the centre of a one-channel 8-bit image. */
export function inkRatio(gray: Uint8Array, width: number, height: number, dpi: number): number {
  const f = Math.max(1, Math.round(dpi / blocksPerInch));
  const bw = Math.floor(width / f);
  const bh = Math.floor(height / f);
  const mx = Math.floor(bw * blankMargin);
  const my = Math.floor(bh * blankMargin);
  const cols = bw - 2 * mx;
  const rows = bh - 2 * my;
  if (cols < 1 || rows < 1) return 0;
  const limit = inkLevel * f * f;
  const sums = new Uint32Array(cols);
  let inked = 0;
  for (let by = my; by < my + rows; by += 1) {
    sums.fill(0);
    for (let y = by * f; y < by * f + f; y += 1) {
      let p = y * width + mx * f;
      for (let bx = 0; bx < cols; bx += 1) {
        let s = 0;
        for (let k = 0; k < f; k += 1) s += gray[p + k] ?? 0;
        sums[bx] = (sums[bx] ?? 0) + s;
        p += f;
      }
    }
    for (let bx = 0; bx < cols; bx += 1) if ((sums[bx] ?? 0) < limit) inked += 1;
  }
  return inked / (cols * rows);
}

/** Applies the threshold to an ink ratio. */
export function blankFromRatio(ratio: number, threshold = defaultBlankThreshold): BlankCheck {
  return { blank: ratio < threshold, inkRatio: ratio, threshold };
}
