/**
 * Reads the AAMVA header and subfile directory (devices.md §3.4, "Layout"):
 *
 *   '@' DES RS SEGTERM  'ANSI ' IIN(6) VERSION(2) [JURISDICTION VERSION(2), not in v00/v01]
 *   ENTRIES(2)  then ENTRIES × [TYPE(2) OFFSET(4) LENGTH(4)]
 *
 * The separators are read from the header itself rather than assumed, because a keyboard
 * wedge may deliver LF where the card has CR.
 */
import { AamvaError, SCAN_AGAIN } from './errors';

/** One directory entry: subfile type and where the header says it is. */
export type Designator = {
  readonly type: string;
  readonly offset: number;
  readonly length: number;
};

export type AamvaHeader = {
  readonly fileType: 'ANSI' | 'AAMVA';
  readonly iin: string;
  readonly version: number;
  readonly jurisdictionVersion: number | null;
  readonly elementSeparator: string;
  readonly segmentTerminator: string;
  readonly designators: readonly Designator[];
  /** Index just past the directory: no subfile can start before it. */
  readonly directoryEnd: number;
};

const designatorPattern = /^([A-Z][A-Z0-9])(\d{4})(\d{4})$/;
const looksLikeDesignator = /^[A-Z][A-Z0-9]\d{8}/;

function truncated(text: string): AamvaError {
  return new AamvaError(
    'truncated',
    `The licence barcode data stops inside its header (only ${text.length} characters arrived). ${SCAN_AGAIN}`,
  );
}

function digitsAt(text: string, at: number, n: number, what: string): number {
  const s = text.slice(at, at + n);
  if (s.length < n) throw truncated(text);
  if (!/^\d+$/.test(s)) {
    throw new AamvaError(
      'bad-header',
      `The licence barcode header is damaged: the ${what} should be ${n} digits but reads "${printable(s)}". ${SCAN_AGAIN}`,
    );
  }
  return Number(s);
}

/** Shows control characters as <LF>, <CR>, <RS> … so messages stay on one line. */
export function printable(s: string): string {
  const names: Record<number, string> = { 10: 'LF', 13: 'CR', 30: 'RS', 29: 'GS', 28: 'FS' };
  let out = '';
  for (const c of s) {
    const code = c.charCodeAt(0);
    out +=
      code < 0x20 || code === 0x7f
        ? `<${names[code] ?? `0x${code.toString(16).padStart(2, '0')}`}>`
        : c;
  }
  return out;
}

/** Reads header and directory; throws AamvaError when they are unusable. */
export function readHeader(text: string, warnings: string[]): AamvaHeader {
  if (text[0] !== '@') {
    throw new AamvaError(
      'not-aamva',
      `This is not a driver's licence barcode: the data should start with "@" but starts with "${printable(text.slice(0, 12))}". Scan the large rectangular (PDF417) barcode on the back of the licence.`,
    );
  }
  let i = 1;
  let controls = '';
  while (i < text.length && controls.length < 3 && text.charCodeAt(i) < 0x20) {
    controls += text[i];
    i++;
  }
  let elementSeparator = '\n';
  let segmentTerminator = '\r';
  if (controls.length === 3) {
    elementSeparator = controls[0] as string;
    segmentTerminator = controls[2] as string;
    if (controls[1] !== '\x1e') warnings.push('The header record separator is not RS (0x1E).');
  } else {
    warnings.push(
      `The header has ${controls.length} of its 3 separator characters; assuming LF and CR.`,
    );
  }
  let fileType: 'ANSI' | 'AAMVA';
  if (text.startsWith('ANSI ', i)) {
    fileType = 'ANSI';
    i += 5;
  } else if (text.startsWith('AAMVA', i)) {
    fileType = 'AAMVA';
    i += 5;
  } else if (text.startsWith('ANSI', i) && /\d/.test(text[i + 4] ?? '')) {
    fileType = 'ANSI';
    i += 4;
    warnings.push('The header reads "ANSI" without its trailing space.');
  } else if (text.length < i + 5) {
    throw truncated(text);
  } else {
    throw new AamvaError(
      'bad-header',
      `This is not a driver's licence barcode: after "@" the header should say "ANSI " but says "${printable(text.slice(i, i + 5))}". Scan the PDF417 barcode on the back of the licence.`,
    );
  }
  const iin = text.slice(i, i + 6);
  digitsAt(text, i, 6, 'issuer number (IIN)');
  const version = digitsAt(text, i + 6, 2, 'AAMVA version');
  const afterVersion = i + 8;

  // v00/v01 headers have no jurisdiction version. Cards mis-declare this now and then, so if
  // only the other layout makes the first directory entry well-formed, that layout wins.
  const fits = (withJv: boolean): boolean => {
    const at = afterVersion + (withJv ? 2 : 0);
    return (
      /^\d{2}$/.test(text.slice(at, at + 2)) &&
      looksLikeDesignator.test(text.slice(at + 2, at + 12))
    );
  };
  let hasJv = version > 1;
  if (!fits(hasJv) && fits(!hasJv)) {
    hasJv = !hasJv;
    warnings.push(
      `The version ${String(version).padStart(2, '0')} header is laid out ${hasJv ? 'with' : 'without'} a jurisdiction version; read it that way.`,
    );
  }
  const jurisdictionVersion = hasJv
    ? digitsAt(text, afterVersion, 2, 'jurisdiction version')
    : null;
  const entriesAt = afterVersion + (hasJv ? 2 : 0);
  const entries = digitsAt(text, entriesAt, 2, 'number of subfiles');
  const dirStart = entriesAt + 2;
  const designators: Designator[] = [];
  for (let k = 0; k < entries; k++) {
    const at = dirStart + 10 * k;
    const raw = text.slice(at, at + 10);
    if (raw.length < 10) throw truncated(text);
    const m = designatorPattern.exec(raw);
    if (!m) {
      throw new AamvaError(
        'bad-directory',
        `The licence barcode's table of contents is damaged: entry ${k + 1} of ${entries} reads "${printable(raw)}" instead of a type, offset and length. ${SCAN_AGAIN}`,
      );
    }
    designators.push({ type: m[1] as string, offset: Number(m[2]), length: Number(m[3]) });
  }
  return {
    fileType,
    iin,
    version,
    jurisdictionVersion,
    elementSeparator,
    segmentTerminator,
    designators,
    directoryEnd: dirStart + 10 * entries,
  };
}
