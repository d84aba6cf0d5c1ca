/**
 * Cuts a USB-serial reader's byte stream into scans.
 *
 * A reader ends each scan with a configurable suffix (CR, CR LF, EOT …), but an AAMVA payload
 * itself contains CR and LF, so a CR suffix cannot end an AAMVA scan by itself. For data that
 * starts with '@' the header's directory says how long the payload is; the frame ends there
 * (and a following suffix is consumed). When no rule applies, the adapter's idle timeout
 * flushes what arrived, and the parser then says whether it is complete.
 */
import { aamvaTextFromBytes, declaredPayloadLength } from '../../../shared/aamva';

export type SerialFraming = {
  /** Bytes the reader appends to each scan, or null when it appends nothing. */
  readonly suffix: readonly number[] | null;
  /** Quiet time after which buffered bytes are a scan (ms). */
  readonly idleMs: number;
  /** Buffer limit; a stream that exceeds it is discarded. */
  readonly maxBytes: number;
};

/** Default: CR suffix (the common factory setting), 300 ms idle, 8 KiB. */
export const defaultSerialFraming: SerialFraming = { suffix: [0x0d], idleMs: 300, maxBytes: 8192 };

const AT = 0x40;
const AAMVA_CONTROLS = new Set([0x0a, 0x0d, 0x1e]);

export type FramerOutput = { readonly frames: Uint8Array[]; readonly overflowed: boolean };

export class SerialFramer {
  private buffer = new Uint8Array(0);

  constructor(private readonly framing: SerialFraming = defaultSerialFraming) {}

  get pending(): number {
    return this.buffer.length;
  }

  /** Adds a chunk; returns the scans it completed. */
  push(chunk: Uint8Array): FramerOutput {
    const next = new Uint8Array(this.buffer.length + chunk.length);
    next.set(this.buffer);
    next.set(chunk, this.buffer.length);
    this.buffer = next;
    const frames: Uint8Array[] = [];
    for (;;) {
      const frame = this.takeFrame();
      if (!frame) break;
      frames.push(frame);
    }
    if (this.buffer.length > this.framing.maxBytes) {
      this.buffer = new Uint8Array(0);
      return { frames, overflowed: true };
    }
    return { frames, overflowed: false };
  }

  /** Everything buffered, as one scan (called when the line has been idle). */
  flush(): Uint8Array | null {
    if (this.buffer.length === 0) return null;
    let frame = this.buffer;
    this.buffer = new Uint8Array(0);
    const suffix = this.framing.suffix;
    // A trailing suffix is the reader's, not the payload's (the parser tolerates a stripped
    // final CR, so removing one CR too many is harmless).
    if (suffix && endsWith(frame, suffix)) {
      frame = frame.subarray(0, frame.length - suffix.length);
    }
    return frame.length === 0 ? null : frame;
  }

  private takeFrame(): Uint8Array | null {
    let buf = this.buffer;
    // Skip separators left between scans (e.g. the LF of a CR LF suffix).
    let start = 0;
    while (start < buf.length && (buf[start] === 0x0a || buf[start] === 0x0d)) start++;
    if (start > 0) this.buffer = buf = buf.subarray(start);
    if (buf.length === 0) return null;
    const suffix = this.framing.suffix;
    if (buf[0] === AT) {
      const declared = declaredPayloadLength(aamvaTextFromBytes(buf.subarray(0, 512)));
      if (declared !== null && buf.length >= declared) {
        const frame = buf.slice(0, declared);
        let rest = buf.subarray(declared);
        if (suffix && startsWith(rest, suffix)) rest = rest.subarray(suffix.length);
        this.buffer = rest;
        return frame;
      }
      // Until the header says how long it is, only a suffix that cannot occur inside AAMVA
      // data may end it.
      if (!suffix || !suffixIsAamvaSafe(suffix)) return null;
    }
    if (!suffix) return null;
    const at = indexOf(buf, suffix);
    if (at === -1) return null;
    const frame = buf.slice(0, at);
    this.buffer = buf.subarray(at + suffix.length);
    return frame.length === 0 ? this.takeFrame() : frame;
  }
}

function suffixIsAamvaSafe(suffix: readonly number[]): boolean {
  return !suffix.some((b) => AAMVA_CONTROLS.has(b));
}

function startsWith(buf: Uint8Array, s: readonly number[]): boolean {
  return s.length > 0 && buf.length >= s.length && s.every((b, i) => buf[i] === b);
}

function endsWith(buf: Uint8Array, s: readonly number[]): boolean {
  return (
    s.length > 0 &&
    buf.length >= s.length &&
    s.every((b, i) => buf[buf.length - s.length + i] === b)
  );
}

function indexOf(buf: Uint8Array, s: readonly number[]): number {
  outer: for (let i = 0; i + s.length <= buf.length; i++) {
    for (let k = 0; k < s.length; k++) if (buf[i + k] !== s[k]) continue outer;
    return i;
  }
  return -1;
}
