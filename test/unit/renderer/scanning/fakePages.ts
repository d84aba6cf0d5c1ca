// Page images shaped like main's `PageImage`, with tiny byte payloads that identify them.
import type { PageImage } from '../../../../src/shared/ipc/contracts/pages';

let n = 0;

/** A page image whose bytes spell its id (so a test can tell which bytes a row holds). */
export function fakeImage(
  options: { id?: string; blank?: boolean; mime?: 'image/tiff' | 'image/jpeg' } = {},
): PageImage {
  n += 1;
  const id = options.id ?? `page-${n}`;
  const mime = options.mime ?? 'image/tiff';
  const bytes = new TextEncoder().encode(`bytes:${id}`);
  return {
    meta: {
      id,
      mime,
      compression: mime === 'image/tiff' ? 'ccitt-g4' : 'jpeg',
      colourMode: mime === 'image/tiff' ? 'bilevel' : 'gray',
      width: 2550,
      height: 3300,
      dpi: 300,
      bytes: bytes.byteLength,
      sha256: id
        .padEnd(64, '0')
        .replace(/[^0-9a-f]/g, 'a')
        .slice(0, 64),
    },
    bytes,
    thumbnail: new TextEncoder().encode(`thumb:${id}`),
    ...(mime === 'image/tiff' ? { preview: new TextEncoder().encode(`preview:${id}`) } : {}),
    ...(options.blank !== undefined
      ? { blank: { blank: options.blank, inkRatio: options.blank ? 0 : 0.1, threshold: 0.0002 } }
      : {}),
  };
}
