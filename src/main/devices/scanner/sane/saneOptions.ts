/**
 * Reads a SANE device's options from `scanimage -d DEV -A` and matches our settings to them.
 *
 * SANE option values are not standard across backends: the ADF is "ADF", "ADF Front" or
 * "Automatic Document Feeder", lineart is "Lineart", "Binary" or absent (the `test` backend
 * has only Gray with `--depth 1`), duplex is a source or an `--adf-mode`. NAPS2 keeps the same
 * kind of matcher (SaneOptionMatchers); these patterns cover the common backends and anything
 * unmatched is reported as an unsupported setting rather than guessed.
 */

/** One option as `scanimage -A` prints it. */
export type SaneOption = {
  /** Without dashes: `mode`, `resolution`, `source`, `l`, `x`, … */
  readonly name: string;
  /** Allowed values of a list constraint (units stripped). */
  readonly values?: readonly string[];
  /** A range constraint. */
  readonly range?: { readonly min: number; readonly max: number; readonly quant: number };
  readonly unit: string;
  readonly current: string;
  readonly inactive: boolean;
};

export type SaneOptionTable = ReadonlyMap<string, SaneOption>;

const optionLine = /^ {2,6}(-{1,2}[A-Za-z0-9][\w-]*)(\[=\((.*)\)\])?(?: (.*?))? \[([^\]]*)\]\s*$/;
const rangeText =
  /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)([a-z%]*)(?: \(in steps of (\d+(?:\.\d+)?)\))?/;
const unitSuffix = /^(-?\d+(?:\.\d+)?)([a-z%]+)$/;

/** Parses the option lines of `scanimage -A` (description lines are skipped). */
export function parseSaneOptions(text: string): SaneOptionTable {
  const table = new Map<string, SaneOption>();
  for (const line of text.split('\n')) {
    const m = optionLine.exec(line);
    if (!m) continue;
    const name = (m[1] ?? '').replace(/^-+/, '');
    const current = m[5] ?? '';
    const inactive = current === 'inactive';
    const constraint = (m[3] ?? m[4] ?? '').trim();
    const range = rangeText.exec(constraint);
    if (range) {
      table.set(name, {
        name,
        range: { min: Number(range[1]), max: Number(range[2]), quant: Number(range[4] ?? 0) },
        unit: range[3] ?? '',
        current,
        inactive,
      });
      continue;
    }
    let unit = '';
    const values = constraint.includes('|') || m[3] ? constraint.split('|') : [];
    const last = values[values.length - 1];
    const suffix = last ? unitSuffix.exec(last) : null;
    if (suffix && values.slice(0, -1).every((v) => /^-?\d+(?:\.\d+)?$/.test(v))) {
      unit = suffix[2] ?? '';
      values[values.length - 1] = suffix[1] ?? '';
    }
    table.set(name, { name, ...(values.length ? { values } : {}), unit, current, inactive });
  }
  return table;
}

const patterns = {
  flatbed: /^(flatbed|fb|platen|glass|normal|document table)$/i,
  feeder:
    /^(adf|adf front|automatic document feeder|adf simplex|document feeder|feeder|simplex|auto)$/i,
  duplex: /duplex|front ?(&|and) ?back|adf both|both sides/i,
  lineart: /^(lineart|line ?art|binary|black ?(&|and) ?white|bw|monochrome|1 ?bit)$/i,
  gray: /^(gray|grey|grayscale|greyscale|true gray|8 ?bit gray)$/i,
  color: /^(color|colour|24 ?bit colou?r|rgb|true colou?r)$/i,
} as const;

const find = (option: SaneOption | undefined, re: RegExp) =>
  option && !option.inactive ? option.values?.find((v) => re.test(v.trim())) : undefined;

/** The `--source` value (and `--adf-mode` value) for our source, or null when not offered. */
export function matchSource(
  table: SaneOptionTable,
  source: 'flatbed' | 'feeder' | 'duplex',
): { source?: string; adfMode?: string } | null {
  const option = table.get('source');
  if (!option?.values?.length) return source === 'duplex' ? null : {};
  if (source === 'flatbed') {
    const v = find(option, patterns.flatbed);
    return v ? { source: v } : null;
  }
  if (source === 'duplex') {
    const v = find(option, patterns.duplex);
    if (v) return { source: v };
    const adfMode = find(table.get('adf-mode'), patterns.duplex);
    const feeder = find(option, patterns.feeder);
    return adfMode && feeder ? { source: feeder, adfMode } : null;
  }
  const v = find(option, patterns.feeder);
  return v ? { source: v } : null;
}

/** `--mode`/`--depth` for our colour mode; `threshold` means "scan gray, threshold in main". */
export function matchMode(
  table: SaneOptionTable,
  mode: 'bilevel' | 'gray' | 'color',
): { mode?: string; depth?: string; threshold: boolean } | null {
  const option = table.get('mode');
  const depth = table.get('depth');
  const hasDepth = (d: string) => !!depth && !depth.inactive && !!depth.values?.includes(d);
  if (!option?.values?.length) return mode === 'color' ? null : { threshold: mode === 'bilevel' };
  if (mode === 'color') {
    const v = find(option, patterns.color);
    return v ? { mode: v, ...(hasDepth('8') ? { depth: '8' } : {}), threshold: false } : null;
  }
  const gray = find(option, patterns.gray);
  if (mode === 'gray') {
    return gray ? { mode: gray, ...(hasDepth('8') ? { depth: '8' } : {}), threshold: false } : null;
  }
  const lineart = find(option, patterns.lineart);
  if (lineart) return { mode: lineart, threshold: false };
  if (gray && hasDepth('1')) return { mode: gray, depth: '1', threshold: false };
  return gray ? { mode: gray, ...(hasDepth('8') ? { depth: '8' } : {}), threshold: true } : null;
}

const commonDpi = [75, 100, 150, 200, 240, 300, 400, 600, 1200];

/** Resolutions the device offers (a range is reported as the common steps inside it). */
export function offeredResolutions(table: SaneOptionTable): number[] {
  const option = table.get('resolution');
  if (!option) return [];
  if (option.values) return option.values.map(Number).filter((n) => Number.isFinite(n) && n > 0);
  const r = option.range;
  return r ? commonDpi.filter((d) => d >= r.min && d <= r.max) : [];
}

/** The offered resolution nearest to `dpi` (ties go up), or `dpi` when the device says nothing. */
export function nearestResolution(table: SaneOptionTable, dpi: number): number {
  const option = table.get('resolution');
  if (option?.range) {
    const { min, max, quant } = option.range;
    const clamped = Math.min(max, Math.max(min, dpi));
    return quant > 0 ? Math.round(min + Math.round((clamped - min) / quant) * quant) : clamped;
  }
  const offered = offeredResolutions(table);
  if (!offered.length) return dpi;
  return offered.reduce((best, d) =>
    Math.abs(d - dpi) < Math.abs(best - dpi) ||
    (Math.abs(d - dpi) === Math.abs(best - dpi) && d > best)
      ? d
      : best,
  );
}

/** Clamps a length in mm into an option's range (or returns it when there is none). */
export function clampMm(option: SaneOption | undefined, mm: number): number {
  const r = option?.range;
  if (!r || option?.inactive) return mm;
  return Math.min(r.max, Math.max(r.min, mm));
}
