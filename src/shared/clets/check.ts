/**
 * Checks a decoded (or about-to-be-encoded) record against the tag table in tags.ts: known tags,
 * lengths, codes and formats, one MKE first, no repeats of a single-valued tag.
 *
 * The codec itself accepts any text so it can round-trip exactly; this is the separate gate the
 * relay runs before sending, and the registry runs on what it receives.
 */
import type { CletsField } from './codec';
import { CLETS_TAG_RULES, type CletsTagRule } from './tags';

/** One problem with one field of a record. */
export type CletsFieldProblem = {
  /** 0-based index of the field in the record (-1 for a problem with the whole record). */
  readonly index: number;
  readonly tag: string;
  readonly message: string;
};

function realDate(ccyymmdd: string): boolean {
  const y = Number(ccyymmdd.slice(0, 4));
  const m = Number(ccyymmdd.slice(4, 6));
  const d = Number(ccyymmdd.slice(6, 8));
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function valueProblem(rule: CletsTagRule, value: string): string | null {
  if (value.length === 0)
    return `${rule.tag} (${rule.meaning}) is empty; leave the field out instead`;
  if (value.length > rule.maxLength) {
    return `${rule.tag} (${rule.meaning}) is ${value.length} characters; the most allowed is ${rule.maxLength}`;
  }
  if (rule.codes && !rule.codes.includes(value)) {
    return `${rule.tag} (${rule.meaning}) "${value}" is not one of ${rule.codes.join(', ')}`;
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    return `${rule.tag} (${rule.meaning}) "${value}" must be ${rule.formatText}`;
  }
  if (rule.formatText.startsWith('CCYYMMDD') && /^\d{8}$/.test(value) && !realDate(value)) {
    return `${rule.tag} (${rule.meaning}) "${value}" is not a real calendar date`;
  }
  return null;
}

/**
 * Every problem with a record, in field order; an empty list means the record passes the table.
 * `rules` defaults to the shipped table so a test or a DOJ update can supply its own.
 */
export function checkRecord(
  fields: readonly CletsField[],
  rules: ReadonlyMap<string, CletsTagRule> = CLETS_TAG_RULES,
): CletsFieldProblem[] {
  const problems: CletsFieldProblem[] = [];
  const seen = new Set<string>();
  if (fields.length > 0 && fields[0]?.tag !== 'MKE') {
    problems.push({
      index: -1,
      tag: 'MKE',
      message: 'A record must start with its MKE (message key) field',
    });
  }
  fields.forEach((field, index) => {
    const rule = rules.get(field.tag);
    if (!rule) {
      problems.push({
        index,
        tag: field.tag,
        message: `${field.tag} is not a tag this registry sends`,
      });
      return;
    }
    if (seen.has(field.tag) && !rule.repeatable) {
      problems.push({
        index,
        tag: field.tag,
        message: `${field.tag} (${rule.meaning}) appears more than once`,
      });
    }
    seen.add(field.tag);
    const problem = valueProblem(rule, field.value);
    if (problem) problems.push({ index, tag: field.tag, message: problem });
  });
  return problems;
}
