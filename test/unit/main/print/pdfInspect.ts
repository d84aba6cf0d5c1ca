/**
 * Test helper: reads what a PDF holds without rendering it — every stream inflated, the text
 * drawn with the standard fonts (hex strings) decoded, and the image XObjects' dictionaries.
 */
import { inflateSync } from 'node:zlib';

import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

export type PdfImage = {
  filter: string;
  width: number;
  height: number;
  bytes: Uint8Array;
  decodeParms: string;
};

export async function inspectPdf(
  pdf: Uint8Array,
): Promise<{ text: string; images: PdfImage[]; pageSizes: number[][] }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  let text = '';
  const images: PdfImage[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFRawStream) {
      const filter = obj.dict.get(PDFName.of('Filter'))?.toString() ?? '';
      const subtype = obj.dict.get(PDFName.of('Subtype'))?.toString();
      if (subtype === '/Image') {
        images.push({
          filter,
          width: Number(obj.dict.get(PDFName.of('Width'))?.toString()),
          height: Number(obj.dict.get(PDFName.of('Height'))?.toString()),
          bytes: obj.contents,
          decodeParms: obj.dict.get(PDFName.of('DecodeParms'))?.toString() ?? '',
        });
        continue;
      }
      const raw = filter === '/FlateDecode' ? inflateSync(obj.contents) : Buffer.from(obj.contents);
      text += decodeHexStrings(raw.toString('latin1')) + '\n';
    } else if (obj instanceof PDFDict) {
      text += decodeHexStrings(obj.toString()) + '\n';
    }
  }
  const pageSizes = doc.getPages().map((p) => [p.getWidth(), p.getHeight()]);
  return { text, images, pageSizes };
}

/** `<48656C6C6F> Tj` → `Hello`; leaves everything else as it is. */
function decodeHexStrings(s: string): string {
  return s.replace(/<([0-9A-Fa-f\s]+)>/g, (_, hex: string) => {
    const b = Buffer.from(hex.replace(/\s/g, ''), 'hex');
    // Metadata strings are UTF-16BE with a byte-order mark.
    return b[0] === 0xfe && b[1] === 0xff
      ? b.subarray(2).swap16().toString('utf16le')
      : b.toString('latin1');
  });
}

/** True if `needle` occurs in `haystack` byte for byte. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return (
    Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(
      Buffer.from(needle),
    ) >= 0
  );
}
