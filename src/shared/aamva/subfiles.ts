/**
 * Finds each subfile the directory lists and splits it into elements.
 *
 * The directory's offsets and lengths are trusted first. Real cards get them wrong often
 * (devices.md §3.4), so by default a subfile not at its offset is searched for, and a length
 * that disagrees with the segment terminator yields to the terminator; each such repair is a
 * warning. In strict mode every repair is an error instead. Data that ends before a subfile
 * does is always an error: a partial scan must never fill a form with half a licence.
 */
import { AamvaError, SCAN_AGAIN } from './errors';
import type { AamvaHeader, Designator } from './header';
import type { SubfileInfo } from './schema';

/** One subfile located in the payload, with its elements (ID → trimmed value). */
export type Subfile = {
  readonly type: string;
  readonly info: SubfileInfo;
  readonly elements: Readonly<Record<string, string>>;
};

const elementId = /^[A-Z][A-Z0-9]{2}$/;

/** Finds `type` after the directory where it starts a segment and is followed by an element ID. */
export function searchSubfile(
  text: string,
  type: string,
  from: number,
  sep: string,
  term: string,
): number {
  let at = text.indexOf(type, from);
  while (at !== -1) {
    const before = at === from ? sep : text[at - 1];
    const startsSegment = at === from || before === sep || before === term || before === '\r';
    if (startsSegment && /^[A-Z][A-Z0-9]{2}/.test(text.slice(at + 2, at + 5))) return at;
    at = text.indexOf(type, at + 1);
  }
  return -1;
}

function truncatedAt(type: string, want: number, have: number): AamvaError {
  return new AamvaError(
    'truncated',
    `The licence barcode data is incomplete: the ${type} section should run to character ${want} but the data stops at ${have}. ${SCAN_AGAIN}`,
  );
}

/** Drops control characters a reader left in front of an element ID. */
function dropLeadingControls(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x20) i++;
  return s.slice(i);
}

/** Splits a subfile body (after its 2-character type) into elements. */
export function splitElements(
  body: string,
  sep: string,
  term: string,
  warnings: string[],
): Record<string, string> {
  const elements: Record<string, string> = {};
  for (const piece of body.split(sep)) {
    const clean = dropLeadingControls(piece.split(term).join(''));
    if (clean.trim() === '') continue;
    const id = clean.slice(0, 3);
    if (!elementId.test(id)) {
      warnings.push(`Ignored a piece of data that is not an element: "${clean.slice(0, 12)}".`);
      continue;
    }
    if (id in elements) {
      warnings.push(`Element ${id} appears twice; the first value was used.`);
      continue;
    }
    elements[id] = clean.slice(3).trim();
  }
  return elements;
}

type LocateOptions = { readonly strict: boolean; readonly isLast: boolean };

/** Locates one designator's subfile; returns null when it is nowhere in the data. */
export function locateSubfile(
  text: string,
  header: AamvaHeader,
  d: Designator,
  warnings: string[],
  opts: LocateOptions,
): Subfile | null {
  const sep = header.elementSeparator;
  const term = header.segmentTerminator;
  // When a wedge turned both separators into the same character, only lengths delimit subfiles.
  const termUsable = term !== sep;
  let start: number;
  let foundBy: SubfileInfo['foundBy'] = 'directory';
  if (d.offset >= header.directoryEnd && text.startsWith(d.type, d.offset)) {
    start = d.offset;
  } else {
    start = searchSubfile(text, d.type, header.directoryEnd, sep, term);
    if (start === -1) {
      if (d.offset + d.length > text.length + 1 && d.offset > 0) {
        // Its place lies beyond the data: the scan was cut short.
        throw truncatedAt(d.type, d.offset + d.length, text.length);
      }
      return null;
    }
    if (opts.strict) {
      throw new AamvaError(
        'bad-offset',
        `The licence barcode's table of contents puts the ${d.type} section at character ${d.offset}, but it is at ${start}. ${SCAN_AGAIN}`,
      );
    }
    foundBy = 'search';
    warnings.push(
      `The ${d.type} section was not at character ${d.offset} as the header says; found it at ${start}.`,
    );
  }
  const declaredEnd = start + d.length;
  let end: number;
  if (declaredEnd <= text.length && (!termUsable || text[declaredEnd - 1] === term)) {
    end = declaredEnd;
  } else {
    const termAt = termUsable ? text.indexOf(term, start + 2) : -1;
    if (termAt !== -1) {
      end = termAt + 1;
      if (opts.strict) {
        throw new AamvaError(
          'bad-length',
          `The licence barcode's table of contents gives the ${d.type} section ${d.length} characters, but it has ${end - start}. ${SCAN_AGAIN}`,
        );
      }
      warnings.push(
        `The ${d.type} section is ${end - start} characters long, not ${d.length} as the header says.`,
      );
    } else if (declaredEnd <= text.length) {
      end = declaredEnd;
      warnings.push(`The ${d.type} section has no segment terminator.`);
    } else if (declaredEnd === text.length + 1 && opts.isLast) {
      // Only the final terminator is missing: readers and wedges often strip a trailing CR.
      end = text.length;
    } else {
      throw truncatedAt(d.type, declaredEnd, text.length);
    }
  }
  const elements = splitElements(text.slice(start + 2, end), sep, term, warnings);
  return {
    type: d.type,
    info: { type: d.type, offset: d.offset, length: d.length, foundBy },
    elements,
  };
}
