/**
 * Text helpers for the packet: court-time formatting, and keeping text inside what the PDF's
 * standard fonts can show.
 *
 * The packet uses the PDF standard fonts (Helvetica), which cover Windows-1252 only; no font
 * subsetting library is in the app. Names with other letters are shown with accents removed
 * (Nguyễn → Nguyen) and anything else as '?'. The order images themselves are unaffected.
 */
import type { PDFFont } from 'pdf-lib';

/** Court rules run on Pacific time (docs/printing.md). */
export const courtTimeZone = 'America/Los_Angeles';

const dateFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: courtTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: courtTimeZone,
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** `2026-03-02T15:00:00-08:00` → "03/02/2026 3:00 PM PST". */
export function formatCourtDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

/** Expiration in clerk words; `'none'` is an order with no expiration written. */
export function formatExpiry(expiresAt: string): string {
  return expiresAt === 'none' ? 'No expiration date' : formatCourtDateTime(expiresAt);
}

/** Returns `text` with every character the font cannot encode replaced. */
export function fitToFont(font: PDFFont, text: string): string {
  const supported = charSet(font);
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (supported.has(cp)) {
      out += ch;
      continue;
    }
    // Drop accents (NFD splits "ễ" into "e" + marks), then check again.
    const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += [...plain].every((c) => supported.has(c.codePointAt(0) ?? 0)) && plain ? plain : '?';
  }
  return out;
}

const charSets = new WeakMap<PDFFont, Set<number>>();
function charSet(font: PDFFont): Set<number> {
  let set = charSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charSets.set(font, set);
  }
  return set;
}

/** Breaks `text` into lines no wider than `width` points at `size`. */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const words = fitToFont(font, text).split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Shortens `text` with an ellipsis so it fits `width`. */
export function truncate(font: PDFFont, text: string, size: number, width: number): string {
  const t = fitToFont(font, text);
  if (font.widthOfTextAtSize(t, size) <= width) return t;
  let n = t.length;
  while (n > 0 && font.widthOfTextAtSize(`${t.slice(0, n)}…`, size) > width) n -= 1;
  return `${t.slice(0, n)}…`;
}
