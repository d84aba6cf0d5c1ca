/**
 * `parseAamva`: the AAMVA DL/ID PDF417 payload → the normalised licence record.
 *
 * Our own parser because the npm ones get Canadian dates, v01 and v03 names wrong
 * (devices.md §3.4). Pure TS, so main (HID/serial/image) and the renderer (keyboard wedge)
 * parse the same way. It throws only `AamvaError`.
 */
import { AamvaError } from './errors';
import { buildLicence, decideCountry } from './fields';
import { readHeader } from './header';
import { aamvaLicenceSchema, licenceFieldSchema } from './schema';
import type { AamvaParseResult, LicenceField, SubfileInfo } from './schema';
import { locateSubfile, searchSubfile } from './subfiles';
import type { Subfile } from './subfiles';
import type { Notes } from './values';

/** Options: `strict` turns every repaired directory offset or length into an error. */
export type ParseOptions = { readonly strict?: boolean };

/** PDF417 holds at most ~1.8 k characters; anything far longer is not one licence. */
export const MAX_PAYLOAD_CHARS = 8192;

const mainTypes = ['DL', 'ID'];

/** Drops what readers put before the '@': an AIM symbology id ("]L2") and blank lines. */
function stripPrefix(input: string, warnings: string[]): string {
  const m = /^(?:\][A-Za-z][0-9A-Za-z])?[\s\0]*(?=@)/.exec(input);
  if (m && m[0].length > 0) {
    warnings.push(`Ignored ${m[0].length} characters before the "@".`);
    return input.slice(m[0].length);
  }
  return input;
}

function findMain(
  text: string,
  header: ReturnType<typeof readHeader>,
  notes: Notes,
  strict: boolean,
): { main: Subfile; infos: SubfileInfo[] } {
  const infos: SubfileInfo[] = [];
  let main: Subfile | null = null;
  const listed = header.designators;
  listed.forEach((d, k) => {
    const isLast = k === listed.length - 1;
    const sub = locateSubfile(text, header, d, notes.warnings, { strict, isLast });
    if (!sub) {
      infos.push({ type: d.type, offset: d.offset, length: d.length, foundBy: 'missing' });
      notes.warnings.push(`The ${d.type} section listed in the header is not in the data.`);
      return;
    }
    infos.push(sub.info);
    if (main === null && mainTypes.includes(d.type)) main = sub;
  });
  if (main === null && !listed.some((d) => mainTypes.includes(d.type)) && !strict) {
    // The directory lists no DL/ID subfile: look for one anyway (real cards do this).
    for (const type of mainTypes) {
      const at = searchSubfile(
        text,
        type,
        header.directoryEnd,
        header.elementSeparator,
        header.segmentTerminator,
      );
      if (at === -1) continue;
      const term = text.indexOf(header.segmentTerminator, at + 2);
      const length = (term === -1 ? text.length : term + 1) - at;
      const found = locateSubfile(text, header, { type, offset: at, length }, notes.warnings, {
        strict,
        isLast: true,
      });
      if (found) {
        notes.warnings.push(`The header lists no ${type} section, but one was found at ${at}.`);
        main = found;
        infos.push({ ...found.info, foundBy: 'search' });
        break;
      }
    }
  }
  if (main === null) {
    const listedTypes = listed.map((d) => d.type).join(', ') || 'none';
    throw new AamvaError(
      'missing-subfile',
      `The licence barcode has no readable driver's-licence (DL) or ID section (sections listed: ${listedTypes}), so nothing can be filled. Type the details from the card.`,
    );
  }
  return { main, infos };
}

function run(input: string, options: ParseOptions): AamvaParseResult {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new AamvaError(
      'empty',
      'No licence data arrived. Scan the barcode on the back of the licence.',
    );
  }
  if (input.length > MAX_PAYLOAD_CHARS) {
    throw new AamvaError(
      'too-large',
      `The scanned data is ${input.length} characters long, far more than a licence barcode holds; it is not one licence. Scan the licence again.`,
    );
  }
  const notes: Notes = { unmapped: [], warnings: [] };
  const text = stripPrefix(input, notes.warnings);
  const header = readHeader(text, notes.warnings);
  const { main, infos } = findMain(text, header, notes, options.strict === true);
  const country = decideCountry(main.elements, header.iin);
  const licence = aamvaLicenceSchema.parse(
    buildLicence(main.elements, header.version, header.iin, country, notes),
  );
  const filled = licenceFieldSchema.options.filter((f: LicenceField) => licence[f] !== null);
  return {
    licence,
    filled,
    unmapped: notes.unmapped,
    warnings: notes.warnings,
    country,
    header: {
      fileType: header.fileType,
      iin: header.iin,
      version: header.version,
      jurisdictionVersion: header.jurisdictionVersion,
      subfiles: infos,
    },
    elements: { ...main.elements },
  };
}

/** Parses a payload; throws `AamvaError` (never anything else) when it cannot be read. */
export function parseAamva(input: string, options: ParseOptions = {}): AamvaParseResult {
  try {
    return run(input, options);
  } catch (error) {
    if (error instanceof AamvaError) throw error;
    // A bug here must not surface as a crash at the counter; say what to do instead.
    throw new AamvaError(
      'unreadable',
      `The licence data could not be read (${error instanceof Error ? error.message : String(error)}). Type the details from the card.`,
    );
  }
}

/** The same as `parseAamva`, as a result value for callers that prefer not to catch. */
export function safeParseAamva(
  input: string,
  options: ParseOptions = {},
):
  | { readonly ok: true; readonly value: AamvaParseResult }
  | { readonly ok: false; readonly error: AamvaError } {
  try {
    return { ok: true, value: parseAamva(input, options) };
  } catch (error) {
    return { ok: false, error: error as AamvaError };
  }
}
