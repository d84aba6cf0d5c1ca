/**
 * Trigrams and edit checks for the workstation's local name search, computed like PostgreSQL's
 * pg_trgm so the offline index and the registry rank names alike: each word of a folded name is
 * padded with two spaces in front and one behind, and split into every run of three characters.
 */

/** The distinct trigrams of a folded name ("SMITH" → "  S", " SM", "SMI", "MIT", "ITH", "TH "). */
export function trigramsOf(folded: string): string[] {
  const out = new Set<string>();
  for (const word of folded.split(' ')) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3));
  }
  return [...out];
}

/** pg_trgm `similarity`: shared trigrams over the union of both sets (0 to 1). */
export function trigramSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const t of b) if (set.has(t)) shared += 1;
  return shared / (a.length + b.length - shared);
}

/**
 * True when `a` and `b` differ by at most one edit: a letter substituted, added or dropped, or
 * two neighbouring letters swapped (optimal string alignment distance ≤ 1). Linear time.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    // substitution at i, or a swap of i and i+1
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // one letter more in the longer string at i
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Names up to this many letters get deletion keys (longer ones keep a trigram match on one edit). */
export const SHORT_NAME_LETTERS = 8;

/**
 * The name and every string made by dropping one letter. Two names one edit apart always share
 * one (symmetric deletion), which finds the short and first-letter typos trigrams miss.
 */
export function deletionKeys(word: string): string[] {
  const keys = new Set<string>([word]);
  for (let i = 0; i < word.length; i += 1) keys.add(word.slice(0, i) + word.slice(i + 1));
  keys.delete('');
  return [...keys];
}
