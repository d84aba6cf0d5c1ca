/**
 * Integer box downscaling of raw pixels in plain JS.
 *
 * One pass over the page gives the ≈150 dpi image that the preview, the thumbnail and the
 * blank-page check all start from. A box average is exactly what the blank heuristic needs
 * (block means) and is cheaper than a libvips resize of the full page (docs/scanning.md).
 */
import type { RawImage } from './rawImage';

/** Averages `factor × factor` blocks (edges that do not fill a block are dropped). */
export function boxShrink(image: RawImage, factor: number): RawImage {
  const f = Math.floor(factor);
  if (f <= 1) return image;
  const { width, height, channels, data } = image;
  const ow = Math.max(1, Math.floor(width / f));
  const oh = Math.max(1, Math.floor(height / f));
  const rowLen = ow * channels;
  const out = new Uint8Array(rowLen * oh);
  const acc = new Uint32Array(rowLen);
  const area = f * f;
  const round = area >> 1;
  const span = f * channels;
  for (let oy = 0; oy < oh; oy += 1) {
    acc.fill(0);
    for (let ky = 0; ky < f; ky += 1) {
      const row = (oy * f + ky) * width * channels;
      if (channels === 1) {
        let p = row;
        for (let ox = 0; ox < ow; ox += 1) {
          let s = 0;
          for (let k = 0; k < f; k += 1) s += data[p + k] ?? 0;
          acc[ox] = (acc[ox] ?? 0) + s;
          p += f;
        }
      } else {
        for (let ox = 0; ox < ow; ox += 1) {
          const p = row + ox * span;
          for (let k = 0; k < span; k += 1) {
            const i = ox * channels + (k % channels);
            acc[i] = (acc[i] ?? 0) + (data[p + k] ?? 0);
          }
        }
      }
    }
    const base = oy * rowLen;
    for (let i = 0; i < rowLen; i += 1) out[base + i] = (((acc[i] ?? 0) + round) / area) | 0;
  }
  return { width: ow, height: oh, channels, bilevel: false, data: out };
}

/** Luma of an RGB image (Rec. 601 weights), for checks that only need lightness. */
export function toGray(image: RawImage): RawImage {
  if (image.channels === 1) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i += 1, p += 3) {
    out[i] = ((data[p] ?? 0) * 299 + (data[p + 1] ?? 0) * 587 + (data[p + 2] ?? 0) * 114) / 1000;
  }
  return { width, height, channels: 1, bilevel: false, data: out };
}
