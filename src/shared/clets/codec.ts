/**
 * The NCIC-style text codec for CLETS records: `TAG/value.TAG/value.` — one record per line,
 * one record per protected person (domain.md §3.1–3.2, issue 3 item 7).
 *
 * Escaping (so that decodeRecord(encodeRecord(x)) is exactly x for ANY value, including dots,
 * slashes and unicode): inside a value a backslash starts an escape —
 *   `\.` is a full stop, `\/` a slash, `\\` a backslash, `\n` a line feed, `\r` a carriage return.
 * Every other character, unicode included, is written as itself. So a value never contains a bare
 * `.` (which ends the field), a bare `/`, or a line break (which ends the record). The real CLETS
 * wire rules are not public (domain.md §4); the relay adapter converts from this form.
 */

/** One field of a record: its NCIC tag and its (unescaped) value. */
export type CletsField = { tag: string; value: string };

/** One record: its fields in order. */
export type CletsRecord = readonly CletsField[];

/** Thrown for text that is not a well-formed record, or for a field that cannot be encoded. */
export class CletsFormatError extends Error {
  override readonly name = 'CletsFormatError';
  constructor(
    message: string,
    /** 1-based character position in the record where the problem was found, when known. */
    readonly position?: number,
    /** 1-based line of a message, when decoding a multi-record message. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** A tag is 2 to 4 capital letters or digits, starting with a letter (MKE, NAM, PPB …). */
export const TAG_PATTERN = /^[A-Z][A-Z0-9]{1,3}$/;

const ESCAPE_OUT: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '.': '\\.',
  '/': '\\/',
  '\n': '\\n',
  '\r': '\\r',
};
const ESCAPE_IN: Readonly<Record<string, string>> = {
  '\\': '\\',
  '.': '.',
  '/': '/',
  n: '\n',
  r: '\r',
};
const NEEDS_ESCAPE = /[\\./\n\r]/g;

/** Escapes a value as described at the top of this file. */
export function escapeValue(value: string): string {
  return value.replace(NEEDS_ESCAPE, (c) => ESCAPE_OUT[c] ?? c);
}

/**
 * Writes one record: `TAG/value.` per field, no line break. Refuses an empty record, a tag that
 * is not 2–4 capital letters/digits, or a value that is not a string; any string value is fine.
 */
export function encodeRecord(fields: readonly CletsField[]): string {
  if (fields.length === 0) throw new CletsFormatError('A CLETS record needs at least one field.');
  let out = '';
  fields.forEach((field, i) => {
    if (typeof field?.tag !== 'string' || !TAG_PATTERN.test(field.tag)) {
      throw new CletsFormatError(
        `Field ${i + 1} has tag ${JSON.stringify(field?.tag)}; a tag is 2 to 4 capital letters or digits starting with a letter, e.g. NAM.`,
      );
    }
    if (typeof field.value !== 'string') {
      throw new CletsFormatError(`Field ${i + 1} (${field.tag}) has no text value.`);
    }
    out += `${field.tag}/${escapeValue(field.value)}.`;
  });
  return out;
}

function fail(message: string, position: number): never {
  throw new CletsFormatError(
    `CLETS record is malformed at character ${position}: ${message}`,
    position,
  );
}

/**
 * Reads one record written by {@link encodeRecord}. Errors name the character position and what
 * is wrong: a missing `/` after a tag, a bad tag, an unknown escape, a bare `/` or line break in a
 * value, or a last field without its closing `.`.
 */
export function decodeRecord(line: string): CletsField[] {
  if (typeof line !== 'string') throw new CletsFormatError('A CLETS record must be text.');
  if (line.length === 0)
    throw new CletsFormatError('A CLETS record needs at least one field; the line is empty.');
  const fields: CletsField[] = [];
  let i = 0;
  while (i < line.length) {
    const start = i;
    const slash = line.indexOf('/', i);
    const tagEnd = slash === -1 ? line.length : slash;
    const tag = line.slice(start, tagEnd);
    if (slash === -1 || /[.\\\n\r]/.test(tag)) {
      const shown = tag.split(/[.\\\n\r]/)[0] ?? '';
      fail(
        `field ${fields.length + 1} "${shown}" has no "/" between its tag and value (expected e.g. NAM/SMITH, JOHN.)`,
        start + 1,
      );
    }
    if (!TAG_PATTERN.test(tag)) {
      fail(
        `field ${fields.length + 1} has tag "${tag}"; a tag is 2 to 4 capital letters or digits starting with a letter`,
        start + 1,
      );
    }
    i = slash + 1;
    let value = '';
    let closed = false;
    while (i < line.length) {
      const c = line[i] as string;
      if (c === '.') {
        closed = true;
        i += 1;
        break;
      }
      if (c === '\\') {
        const next = line[i + 1];
        const decoded = next === undefined ? undefined : ESCAPE_IN[next];
        if (decoded === undefined) {
          fail(`unknown escape "\\${next ?? ''}" in ${tag}; use \\. \\/ \\\\ \\n or \\r`, i + 1);
        }
        value += decoded;
        i += 2;
        continue;
      }
      if (c === '/') fail(`a "/" inside the ${tag} value must be written \\/`, i + 1);
      if (c === '\n' || c === '\r')
        fail(`a line break inside the ${tag} value must be written \\n or \\r`, i + 1);
      value += c;
      i += 1;
    }
    if (!closed) fail(`the ${tag} field does not end with "."`, line.length + 1);
    fields.push({ tag, value });
  }
  return fields;
}

/** Writes several records, one per line (joined with `\n`, no trailing line break). */
export function encodeMessage(records: readonly CletsRecord[]): string {
  return records.map((record) => encodeRecord(record)).join('\n');
}

/**
 * Reads a message of one record per line. Line endings may be `\n` or `\r\n`; blank lines (and
 * so a trailing line break) are ignored. Errors say which line and character is wrong.
 */
export function decodeMessage(text: string): CletsField[][] {
  if (typeof text !== 'string') throw new CletsFormatError('A CLETS message must be text.');
  const records: CletsField[][] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    try {
      records.push(decodeRecord(line));
    } catch (e) {
      if (e instanceof CletsFormatError) {
        throw new CletsFormatError(`Line ${index + 1}: ${e.message}`, e.position, index + 1);
      }
      throw e;
    }
  });
  return records;
}
