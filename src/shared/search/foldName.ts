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

/** Search form of a name: "Peña-O'Brien, Jr." → "PENA OBRIEN JR". */
export function foldName(raw: string): string {
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
