/**
 * NCIC name normalisation: `LAST, FIRST MIDDLE SUFFIX`, upper case, letters, spaces, hyphens
 * and apostrophes only, at most {@link nameRules.maxLength} characters.
 *
 * The documented normalisations (the only changes ever made silently, and each is reported in
 * `changes`): upper-casing; removing accents (É→E); straightening curly apostrophes and dashes;
 * removing periods; trimming and collapsing spaces (also around hyphens); writing spelled-out
 * suffixes the NCIC way (JUNIOR→JR); moving a suffix typed at the end of the last name to the
 * suffix. Anything else that does not fit (digits, other symbols, too long) is refused.
 */
import { businessNameMarkers, nameRules } from './catalog/parties';

/** A person's name as entered. */
export type NameParts = { last: string; first: string; middle?: string; suffix?: string };

/** One problem, `path` relative to the name (e.g. `last`; empty for the whole name). */
export type NameProblem = { path: string; message: string };

/** The outcome of {@link normaliseName}. */
export type NameResult =
  | { ok: true; value: string; parts: NameParts; changes: string[] }
  | { ok: false; errors: NameProblem[] };

const PART_LABEL = {
  last: 'Last name',
  first: 'First name',
  middle: 'Middle name',
  suffix: 'Suffix',
};
type PartKey = keyof typeof PART_LABEL;

const ALLOWED = /^[A-Z](?:[A-Z' -]*[A-Z'])?$/;
const suffixes: readonly string[] = nameRules.suffixes;
const suffixAliases: Readonly<Record<string, string>> = nameRules.suffixAliases;
// Only unambiguous suffixes are moved out of a last name (a trailing "V" may be a surname part).
const MOVABLE_SUFFIX = /^(.*\S) (JR|SR|II|III|IV)$/;

// Changes are listed in the order the steps run, whatever part needed them first.
const CHANGE_ORDER = [
  'removed accents',
  'straightened apostrophes or dashes',
  'removed periods',
  'upper-cased',
  'removed extra spaces',
];
const rank = (c: string): number => {
  const i = CHANGE_ORDER.indexOf(c);
  return i === -1 ? CHANGE_ORDER.length : i;
};
const byChangeOrder = (a: string, b: string): number => rank(a) - rank(b);

// Plain ASCII (bar the backtick) holds no accents or curly punctuation: skip those costly steps.
const ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

/** Cleans one part and records which documented normalisations it needed. */
function cleanPart(raw: string, changes: Set<string>): string {
  let s = raw;
  if (!ASCII.test(s)) s = cleanUnicode(s, changes);
  if (s.includes('.')) changes.add('removed periods');
  s = s.replaceAll('.', '');
  const upper = s.toUpperCase();
  if (upper !== s) changes.add('upper-cased');
  s = upper;
  const spaced = s.trim().replace(/\s+/g, ' ').replace(/ ?- ?/g, '-');
  if (spaced !== s) changes.add('removed extra spaces');
  return spaced;
}

/** Removes accents and straightens curly apostrophes and dashes. */
function cleanUnicode(raw: string, changes: Set<string>): string {
  let s = raw;
  const noAccents = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (noAccents !== s) changes.add('removed accents');
  s = noAccents;
  const straight = s.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u2010-\u2014]/g, '-');
  if (straight !== s) changes.add('straightened apostrophes or dashes');
  return straight;
}

/** A clerk-readable reason why a cleaned part is not allowed, or undefined when it is fine. */
function partProblem(key: PartKey, value: string): string | undefined {
  const label = PART_LABEL[key];
  const bad = [...new Set(value.replace(/[A-Z' -]/g, ''))];
  if (bad.length > 0) {
    return `${label} may contain only letters, spaces, hyphens and apostrophes: remove ${bad.map((c) => `"${c}"`).join(' ')}.`;
  }
  if (!ALLOWED.test(value))
    return `${label} must begin with a letter, e.g. O'BRIEN or SMITH-JONES.`;
  if (value.length > nameRules.maxPartLength) {
    return `${label} is ${value.length} characters; NCIC allows ${nameRules.maxPartLength}.`;
  }
  return undefined;
}

/**
 * Normalises a name to the NCIC form. Returns the text, the cleaned parts (normalising them
 * again gives the same result with no changes) and the list of changes made; or the errors.
 * The result is frozen (it is cached and shared): copy it before changing it.
 */
export function normaliseName(name: NameParts): NameResult {
  const key = [name.last, name.first, name.middle, name.suffix]
    .map((p) => (typeof p === 'string' ? p : '\u0001'))
    .join('\u0000');
  const hit = nameCache.get(key);
  if (hit) return hit;
  const result = deepFreeze(normaliseUncached(name));
  if (nameCache.size >= 16_384) nameCache.clear();
  nameCache.set(key, result);
  return result;
}

// Names are normalised several times per order (schema, derived names, CLETS, rules), so
// results are cached; they are frozen because callers share them.
const nameCache = new Map<string, NameResult>();

function deepFreeze(r: NameResult): NameResult {
  if (r.ok) {
    Object.freeze(r.parts);
    Object.freeze(r.changes);
  } else {
    r.errors.forEach((e) => Object.freeze(e));
    Object.freeze(r.errors);
  }
  return Object.freeze(r);
}

function normaliseUncached(name: NameParts): NameResult {
  const changes = new Set<string>();
  const errors: NameProblem[] = [];
  const cleaned: Partial<Record<PartKey, string>> = {};
  for (const key of Object.keys(PART_LABEL) as PartKey[]) {
    const raw = name[key];
    if (raw === undefined) continue;
    if (typeof raw !== 'string') {
      errors.push({ path: key, message: `${PART_LABEL[key]} must be text.` });
      continue;
    }
    const value = cleanPart(raw, changes);
    if (value !== '') cleaned[key] = value;
  }
  if (!cleaned.last) errors.push({ path: 'last', message: 'Enter the last name.' });
  if (!cleaned.first) errors.push({ path: 'first', message: 'Enter the first name.' });
  const moved = cleaned.suffix ? null : MOVABLE_SUFFIX.exec(cleaned.last ?? '');
  if (moved?.[1] && moved[2]) {
    cleaned.last = moved[1];
    cleaned.suffix = moved[2];
    changes.add(`moved suffix ${moved[2]} from the last name to after the given names`);
  }
  for (const key of ['last', 'first', 'middle'] as const) {
    const value = cleaned[key];
    const problem = value === undefined ? undefined : partProblem(key, value);
    if (problem) errors.push({ path: key, message: problem });
  }
  if (cleaned.suffix) {
    const alias = suffixAliases[cleaned.suffix];
    if (alias) {
      changes.add(`wrote suffix ${cleaned.suffix} as ${alias}`);
      cleaned.suffix = alias;
    } else if (!suffixes.includes(cleaned.suffix)) {
      errors.push({
        path: 'suffix',
        message: `Suffix "${cleaned.suffix}" is not one NCIC uses: write JR, SR or a Roman numeral (II to X), or leave it empty.`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const parts: NameParts = { last: cleaned.last ?? '', first: cleaned.first ?? '' };
  if (cleaned.middle) parts.middle = cleaned.middle;
  if (cleaned.suffix) parts.suffix = cleaned.suffix;
  const value = `${parts.last}, ${[parts.first, parts.middle, parts.suffix].filter(Boolean).join(' ')}`;
  if (value.length > nameRules.maxLength) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `Name "${value}" is ${value.length} characters; NCIC allows ${nameRules.maxLength}. Use the middle initial instead of the full middle name, or enter the extra names as an alias.`,
        },
      ],
    };
  }
  return { ok: true, value, parts, changes: [...changes].sort(byChangeOrder) };
}

/**
 * The business-name marker found in a name (e.g. `LLC`), or undefined. Whole words only, so a
 * surname like BANKS or CHURCH is not mistaken for a business.
 */
export function businessMarkerIn(name: NameParts): string | undefined {
  const text = [name.last, name.first, name.middle, name.suffix]
    .filter((p): p is string => typeof p === 'string')
    .join(' ')
    .toUpperCase()
    .replaceAll('.', '');
  const m = BUSINESS.exec(text);
  return m ? (m[1] ?? '&') : undefined;
}

const BUSINESS = new RegExp(`(?:^|[^A-Z])(${businessNameMarkers.join('|')})(?![A-Z])|&`);
