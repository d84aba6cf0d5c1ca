/**
 * "Is this the same person?" for conflict checks: names that sound alike or differ by one
 * letter, with dates of birth that agree (or are missing on one side).
 */
import { foldName, nameCodes } from './foldName';

export type PersonKey = {
  readonly last: string;
  readonly first: string;
  readonly dob?: string | undefined;
};

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** One name part matches: same folded text, one edit apart, or the same Double Metaphone. */
export function namePartMatches(a: string, b: string): boolean {
  const fa = foldName(a);
  const fb = foldName(b);
  if (fa === '' || fb === '') return false;
  if (fa === fb || editDistance(fa, fb, 1) <= 1) return true;
  const [pa, aa] = nameCodes(fa);
  const [pb, ab] = nameCodes(fb);
  return pa !== '' && (pa === pb || pa === ab || (aa !== '' && (aa === pb || aa === ab)));
}

/** Why two person keys are taken to be the same person, or null when they are not. */
export function samePerson(a: PersonKey, b: PersonKey): string | null {
  if (!namePartMatches(a.last, b.last)) return null;
  const firstOk =
    namePartMatches(a.first, b.first) ||
    (foldName(a.first).slice(0, 1) !== '' &&
      foldName(a.first).slice(0, 1) === foldName(b.first).slice(0, 1) &&
      (foldName(a.first).length === 1 || foldName(b.first).length === 1));
  if (!firstOk) return null;
  if (a.dob && b.dob) return a.dob === b.dob ? 'same name and date of birth' : null;
  return 'similar name (date of birth missing on one side)';
}
