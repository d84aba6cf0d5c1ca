/**
 * NAPS2.Console on Windows: the command line we build and the output we read.
 *
 * NAPS2 (GPL app, LGPL SDK) drives TWAIN (32- and 64-bit), WIA and eSCL out of our process, so
 * a crashing vendor driver cannot take the workstation down (devices.md §2.4–2.5). Options
 * are those of NAPS2.Lib/Automation/AutomatedScanningOptions.cs; the output texts are its
 * console and SDK resource strings. NOT VERIFIED on Windows (none here): the keyword matching
 * below is deliberately loose and the exit code is not trusted on its own.
 */
import type { Naps2Scanner, ScanSettings } from '../../../../shared/ipc/contracts/scanner';
import type { ScanErrorCode } from '../../../../shared/scanning/errors';

const sourceArg = { flatbed: 'glass', feeder: 'feeder', duplex: 'duplex' } as const;
const bitDepthArg = { bilevel: 'bw', gray: 'gray', color: 'color' } as const;

/** File name pattern of exported pages; `$(nnnn)` is NAPS2's auto-incrementing number. */
export function naps2OutputPattern(workDir: string, settings: ScanSettings, sep = '\\'): string {
  const ext = settings.colourMode === 'bilevel' ? 'tif' : 'jpg';
  return `${workDir}${sep}page$(nnnn).${ext}`;
}

/** Arguments for one batch: one file per page, G4 TIFF for bilevel, JPEG q75 otherwise. */
export function buildNaps2ScanArgs(
  config: Pick<Naps2Scanner, 'driver' | 'device' | 'profile'>,
  settings: ScanSettings,
  outputPattern: string,
): string[] {
  const args = ['-o', outputPattern];
  // A profile supplies driver options we do not model (TWAIN transfer mode, …); our settings
  // still override its source, resolution, bit depth and page size.
  if (config.profile) args.push('-p', config.profile);
  else args.push('--noprofile');
  args.push('--driver', config.driver, '--device', config.device);
  args.push('--source', sourceArg[settings.source]);
  args.push('--dpi', String(settings.dpi));
  args.push('--bitdepth', bitDepthArg[settings.colourMode]);
  args.push('--pagesize', settings.paperSize);
  if (settings.colourMode === 'bilevel') args.push('--tiffcomp', 'ccitt4', '--split');
  else args.push('--jpegquality', '75');
  // -v prints "Scanned page N." as pages land; -f lets a retried batch overwrite.
  args.push('-v', '-f');
  return args;
}

/** Arguments to list the devices of one driver (the Devices page, on request only). */
export function buildNaps2ListArgs(driver: Naps2Scanner['driver']): string[] {
  return ['--listdevices', '--driver', driver];
}

/** What one line of NAPS2.Console output says. */
export type Naps2Line =
  | { readonly kind: 'page-scanned'; readonly page: number }
  | { readonly kind: 'error'; readonly code: ScanErrorCode; readonly text: string }
  | { readonly kind: 'no-pages'; readonly text: string }
  | { readonly kind: 'other'; readonly text: string };

const errorTexts: ReadonlyArray<readonly [RegExp, ScanErrorCode]> = [
  [/no pages are in the feeder|feeder is empty|out of paper|paper empty/i, 'feeder-empty'],
  [/paper jam|jammed/i, 'paper-jam'],
  [/cover is open|cover open|door is open|hatch/i, 'cover-open'],
  [/busy|in use by another|warming up/i, 'busy'],
  [/offline|could not be found|not found|not connected|no (scanning )?devices?/i, 'offline'],
  [/communicat/i, 'communication'],
  [/access (is )?denied|not authori[sz]ed|permission/i, 'access-denied'],
  [/cancell?ed/i, 'cancelled'],
  [
    /not support|unsupported|does not have a (feeder|duplex)|no feeder|no duplex/i,
    'unsupported-setting',
  ],
  [/an error occurred|unexpected error|exception/i, 'failed'],
];

/** Classifies one output line. */
export function parseNaps2Line(line: string): Naps2Line | null {
  const text = line.trim();
  if (!text) return null;
  const scanned = /^Scanned page (\d+)\.?$/i.exec(text);
  if (scanned) return { kind: 'page-scanned', page: Number(scanned[1]) };
  if (/no scanned pages to export|no pages to export/i.test(text))
    return { kind: 'no-pages', text };
  if (
    /^(beginning scan|starting scan|exporting|finished saving|\d+ page\(s\) scanned|waiting)/i.test(
      text,
    )
  ) {
    return { kind: 'other', text };
  }
  const match = errorTexts.find(([re]) => re.test(text));
  return match ? { kind: 'error', code: match[1], text } : { kind: 'other', text };
}

/** Device names printed by `--listdevices` (one per line; blank lines ignored). */
export function parseNaps2DeviceList(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(no devices|an error)/i.test(l));
}
