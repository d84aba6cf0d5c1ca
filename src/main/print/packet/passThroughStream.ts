/**
 * A PDF stream whose bytes are written with one `Uint8Array.set` instead of pdf-lib's
 * byte-at-a-time loop. For 5 scanned pages (3–6 MB) that loop was most of `save()`'s time;
 * the bytes written are identical.
 */
import { PDFRawStream, PDFStream } from 'pdf-lib';
import type { PDFContext, PDFDict, PDFRef } from 'pdf-lib';

const open = new TextEncoder().encode('\nstream\n');
const close = new TextEncoder().encode('\nendstream');

export class PassThroughStream extends PDFStream {
  constructor(
    dict: PDFDict,
    readonly contents: Uint8Array,
  ) {
    super(dict);
  }

  override clone(context?: PDFContext): PassThroughStream {
    return new PassThroughStream(this.dict.clone(context), this.contents.slice());
  }
  override getContentsString(): string {
    return Buffer.from(
      this.contents.buffer,
      this.contents.byteOffset,
      this.contents.byteLength,
    ).toString('latin1');
  }
  override getContents(): Uint8Array {
    return this.contents;
  }
  override getContentsSize(): number {
    return this.contents.byteLength;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    buffer.set(open, offset);
    offset += open.byteLength;
    buffer.set(this.contents, offset);
    offset += this.contents.byteLength;
    buffer.set(close, offset);
    offset += close.byteLength;
    return offset - start;
  }
}

/** Swaps the raw stream at `ref` (e.g. an embedded JPEG) for a PassThroughStream. */
export function passThrough(context: PDFContext, ref: PDFRef): void {
  const stream = context.lookup(ref);
  if (stream instanceof PDFRawStream)
    context.assign(ref, new PassThroughStream(stream.dict, stream.contents));
}
