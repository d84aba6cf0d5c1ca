/**
 * Text helpers for the packet: court-time formatting, and keeping text inside what the PDF's
 * standard fonts can show.
 *
 * The packet uses the PDF standard fonts (Helvetica), which cover Windows-1252 only; no font
 * subsetting library is in the app. Windows-1252 letters print as typed (José Núñez), however
 * they were composed. Other letters lose their accents (Nguyễn → Nguyen, Łukasz → Lukasz),
 * invisible characters are dropped, and each character still unprintable becomes one '?'.
 * The order images themselves are unaffected.
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

/** Letters that have no accent to remove (NFD leaves them whole), and their plain form. */
const plainLetters: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  Ɨ: 'I',
  ɨ: 'i',
};

/** Zero-width and control characters: nothing to print, so nothing to replace. */
const invisible = /^[\p{Cc}\p{Cf}\p{M}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]+$/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Returns `text` with every character the font cannot encode replaced, predictably: composed
 * first (NFC), then per character as the reader sees it (a grapheme, so one emoji is one '?').
 * Never throws, whatever the string holds (lone surrogates included).
 */
export function fitToFont(font: PDFFont, text: string): string {
  const supported = charSet(font);
  const printable = (s: string) => [...s].every((c) => supported.has(c.codePointAt(0) ?? 0));
  let out = '';
  for (const { segment } of graphemes.segment(text.replace(/[\r\n\t]+/g, ' ').normalize('NFC'))) {
    if (printable(segment)) {
      out += segment;
      continue;
    }
    // Drop accents (NFD splits "ễ" into "e" + marks) and invisible parts, then check again.
    const plain = [...segment.normalize('NFD')]
      .filter((c) => !invisible.test(c))
      .map((c) => plainLetters[c] ?? c)
      .join('');
    if (plain === '' && invisible.test(segment)) continue;
    out += plain !== '' && printable(plain) ? plain : '?';
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
