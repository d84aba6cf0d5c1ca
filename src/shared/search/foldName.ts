/**
 * Name folding for search keys, shared by the registry and the workstation's offline search so
 * both index the same text.
 *
 * Clerks type "Pena" for "Peña" and "OBRIEN" for "O'Brien": search keys drop accents (NFKD, then
 * combining marks removed), upper-case, drop apostrophes and turn every other non-letter/digit run
 * (hyphens, commas, dots) into one space. The original spelling is never replaced: it stays in
 * the order record (reliability-security.md §6.1: store the original and the matching form apart).
 */
import { doubleMetaphone } from './doubleMetaphone';

const printableAscii = /^[\x20-\x7e]*$/;

/** Search form of a name: "Peña-O'Brien, Jr." → "PENA OBRIEN JR". */
export function foldName(raw: string): string {
  // Printable ASCII (most names) needs no Unicode normalisation: same result, ~5× faster.
  if (printableAscii.test(raw)) {
    return raw
      .toUpperCase()
      .replace(/['`]/g, '')
      .replace(/[^A-Z0-9]+/g, ' ')
      .trim();
  }
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/['’‘`ʼ]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Double Metaphone codes of a folded name, `[primary, alternate]`; both '' when the name has no
 * Latin letters (Double Metaphone is defined for Latin script only; trigram search still works).
 */
export function nameCodes(folded: string): [string, string] {
  const latin = folded.replace(/[^A-Z ]/g, '').trim();
  if (latin === '') return ['', ''];
  return doubleMetaphone(latin);
}

/** Names longer than this get no edit keys (trigrams already match long names well). */
const MAX_EDIT_KEY_LETTERS = 20;

/**
 * One-edit keys of a folded name: the name without spaces plus every string made by deleting one
 * letter ("LEE" → LEE, EE, LE). Two names within one edit of each other (a letter substituted,
 * dropped, added, or two neighbours swapped) always share a key, so storing these for each name
 * and querying with the typed name's keys finds every one-letter typo, including the short and
 * first-letter ones that trigrams and phonetic codes miss ("Li"/"Lv", "iMller"/"Miller").
 */
export function editKeys(folded: string): string[] {
  const s = folded.replace(/ /g, '');
  if (s.length === 0 || s.length > MAX_EDIT_KEY_LETTERS) return s.length === 0 ? [] : [s];
  const keys = new Set<string>([s]);
  for (let i = 0; i < s.length; i += 1) keys.add(s.slice(0, i) + s.slice(i + 1));
  keys.delete('');
  return [...keys];
}
