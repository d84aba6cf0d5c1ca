/**
 * Zod building blocks with clerk-readable messages: dates, instants, codes, names.
 * Messages name the field and say what to write, e.g. "Height must be feet and inches".
 */
import { z } from 'zod';
import { describeCodes, type CodeRow } from '../catalog/codes';
import { isDate, isInstant } from '../dates';
import { businessMarkerIn, normaliseName } from '../names';

/** `{ error }` option: "X is required." when missing, "X must be …" when of the wrong type. */
export function needs(
  label: string,
  what: string,
): { error: (iss: { input?: unknown }) => string } {
  return {
    error: (iss) =>
      iss.input === undefined ? `${label} is required.` : `${label} must be ${what}.`,
  };
}

/** `{ error }` option for a union: "X is required." when missing, else `message`. */
export function needsKind(
  label: string,
  message: string,
): { error: (iss: { input?: unknown }) => string } {
  return { error: (iss) => (iss.input === undefined ? `${label} is required.` : message) };
}

/** Text of 1..max characters (after trimming) with a clerk-readable label. */
export function text(label: string, max: number): z.ZodString {
  return z
    .string(needs(label, 'text'))
    .trim()
    .min(1, `Enter the ${label.toLowerCase()}.`)
    .max(max, `${label} must be at most ${max} characters.`);
}

/** A `YYYY-MM-DD` calendar date. */
export function dateField(label: string) {
  return z
    .string(needs(label, 'a date written YYYY-MM-DD'))
    .refine(isDate, `${label} must be a real date written YYYY-MM-DD, e.g. 1985-04-23.`);
}

/** An ISO 8601 date-time with its UTC offset. */
export function instantField(label: string) {
  return z
    .string(needs(label, 'a date and time'))
    .refine(
      isInstant,
      `${label} must be a date and time with its UTC offset, e.g. 2026-07-03T14:30:00-07:00.`,
    );
}

/** One code of an NCIC table, with the allowed codes and their labels in the message. */
export function codeField<T extends readonly CodeRow[]>(table: T, label: string, hint = '') {
  const codes = table.map((r) => r.code) as [T[number]['code'], ...T[number]['code'][]];
  const message = `${label} must be one of: ${describeCodes(table)}.${hint}`;
  return z.enum(codes, {
    error: (iss) => (iss.input === undefined ? `${label} is required.` : message),
  });
}

/** The raw name parts as entered (the NCIC form is derived, never stored over them). */
const nameShape = z.strictObject({
  last: z.string(needs('Last name', 'text')).max(60, 'Last name must be at most 60 characters.'),
  first: z.string(needs('First name', 'text')).max(60, 'First name must be at most 60 characters.'),
  middle: z
    .string(needs('Middle name', 'text'))
    .max(60, 'Middle name must be at most 60 characters.')
    .optional(),
  suffix: z
    .string(needs('Suffix', 'text'))
    .max(10, 'Suffix must be at most 10 characters.')
    .optional(),
});

/** A person's name: must normalise to NCIC form and must not look like a business. */
export const nameSchema = nameShape.superRefine((name, ctx) => {
  const result = normaliseName(name);
  if (!result.ok) {
    for (const e of result.errors) {
      ctx.addIssue({ code: 'custom', path: e.path ? [e.path] : [], message: e.message });
    }
  }
  const marker = businessMarkerIn(name);
  if (marker) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `"${[name.first, name.last].join(' ').trim()}" looks like a business name (${marker}). Restrained and protected parties must be people: enter the person's own name.`,
    });
  }
});

/** A name as entered. */
export type Name = z.infer<typeof nameSchema>;
