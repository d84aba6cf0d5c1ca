/**
 * Finds order types by what a clerk types at the counter: a form number ("DV-130", "dv130",
 * "130"), a name ("elder", "gun"), or a family ("workplace").
 */
import type { OrderTypeEntry } from '../../../shared/orders/catalog/schema';

/** Extra words per family, so a clerk can type the kind of case rather than the form. */
const familyWords: Record<OrderTypeEntry['family'], string> = {
  DV: 'domestic violence dvro family',
  CH: 'civil harassment chro',
  EA: 'elder dependent adult abuse eadaro',
  WV: 'workplace violence employer wvro',
  SV: 'private postsecondary school violence student svro',
  GV: 'gun violence firearm gvro red flag',
  EPO: 'emergency protective order police officer epo',
  CPO: 'criminal protective order cpo',
  JUV: 'juvenile dependency delinquency',
  FOREIGN: 'out of state tribal foreign canadian registration',
};

const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export type TypeMatch = { readonly entry: OrderTypeEntry; readonly score: number };

/** Ranks entries for a query; exact form numbers first, then code prefixes, then words. */
export function searchOrderTypes(
  entries: readonly OrderTypeEntry[],
  query: string,
): readonly TypeMatch[] {
  const q = query.trim().toLowerCase();
  if (q === '') return entries.map((entry) => ({ entry, score: 0 }));
  const qc = compact(q);
  const words = q.split(/\s+/).filter(Boolean);
  const matches: TypeMatch[] = [];
  for (const entry of entries) {
    const codes = [entry.code, ...entry.forms].map(compact);
    let score = 0;
    if (codes[0] === qc) score = 100;
    else if (codes.includes(qc)) score = 80;
    else if (qc.length >= 2 && codes.some((c) => c.startsWith(qc) || c.endsWith(qc))) score = 60;
    else {
      const haystack = `${entry.name} ${familyWords[entry.family]} ${entry.phase}`.toLowerCase();
      if (words.every((w) => haystack.includes(w))) score = 40;
    }
    if (score > 0) matches.push({ entry, score });
  }
  return matches.sort((a, b) => b.score - a.score);
}
