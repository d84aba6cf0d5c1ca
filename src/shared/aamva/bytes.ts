/**
 * Byte-level helpers shared by the readers (HID, serial, image): AAMVA data is ASCII (some
 * jurisdictions use Latin-1 letters), so each byte maps to one character, and the header's
 * directory says how long a complete payload is.
 */
import { readHeader } from './header';

/** Bytes → text, one character per byte (ISO-8859-1), without needing TextDecoder. */
export function aamvaTextFromBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return out;
}

/**
 * How long the whole payload should be according to its directory (the end of the furthest
 * subfile), or null while the header is incomplete or unreadable. Framers use this to know a
 * payload is complete even though CR and LF occur inside it.
 */
export function declaredPayloadLength(text: string): number | null {
  if (!text.startsWith('@')) return null;
  try {
    const header = readHeader(text, []);
    if (header.designators.length === 0) return null;
    return Math.max(...header.designators.map((d) => d.offset + d.length));
  } catch {
    return null;
  }
}
