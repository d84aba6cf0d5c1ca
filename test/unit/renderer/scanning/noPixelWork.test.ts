// The renderer never decodes, re-encodes or base64-encodes a page: it stores main's bytes as
// Blobs and shows main's JPEGs through object URLs. This guards the files that handle pages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../../src/renderer');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const pageCode = [
  ...files(path.join(root, 'features/scanning')),
  path.join(root, 'db/pagesRepo.ts'),
  path.join(root, 'features/intake/PagesPanel.tsx'),
];

const forbidden: readonly [RegExp, string][] = [
  [/\bbtoa\s*\(|\batob\s*\(|toString\(\s*['"]base64['"]/, 'base64'],
  [/readAsDataURL|toDataURL|data:image\//, 'data URLs'],
  [/getContext\s*\(|OffscreenCanvas|<canvas|createElement\(\s*['"]canvas/, 'canvas drawing'],
  [/createImageBitmap|ImageDecoder|new\s+ImageData|getImageData|putImageData/, 'pixel decoding'],
];

describe('page bytes in the renderer', () => {
  it('are found in the files this guard reads', () => {
    expect(pageCode.length).toBeGreaterThan(10);
    expect(pageCode.some((f) => readFileSync(f, 'utf8').includes('URL.createObjectURL'))).toBe(
      true,
    );
  });

  it.each(forbidden)('never go through %s', (pattern, what) => {
    const hits = pageCode.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(hits, `${what} in page code`).toEqual([]);
  });
});
