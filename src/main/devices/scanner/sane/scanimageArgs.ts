/**
 * Builds the `scanimage` command line for one batch from our settings and the device's own
 * option table (saneOptions.ts). Pure, so every mapping is unit-tested without a scanner.
 *
 * Every batch, flatbed included, runs in batch mode with `--batch-print`: scanimage prints
 * each page's file name on stdout only once the page is complete (it writes `name.part` and
 * renames it), which is how pages stream to the clerk and why a cancelled page never arrives.
 */
import { adapterOwnedSaneOptions } from '../../../../shared/ipc/contracts/scanner';
import type { ScanSettings } from '../../../../shared/ipc/contracts/scanner';
import { paperSizes } from '../../../../shared/scanning/paperSizes';
import { ScanDeviceError } from '../port';

import { clampMm, matchMode, matchSource, nearestResolution } from './saneOptions';
import type { SaneOptionTable } from './saneOptions';

/** The command line and what main must do with the pages it yields. */
export type ScanimagePlan = {
  readonly args: string[];
  /** The resolution actually asked of the device. */
  readonly dpi: number;
  /** The device scans gray for a bilevel request; main thresholds to G4. */
  readonly threshold: boolean;
};

/** The file pattern of pages in the job's folder (scanimage fills in the number). */
export const batchPattern = 'page%04d.pnm';

/** Builds the arguments; throws `unsupported-setting` when the device cannot do the settings. */
export function buildScanimageArgs(
  device: string,
  table: SaneOptionTable,
  settings: ScanSettings,
  extraOptions: readonly string[],
  workDir: string,
  maxPages?: number,
): ScanimagePlan {
  const source = matchSource(table, settings.source);
  if (!source) {
    throw new ScanDeviceError(
      'unsupported-setting',
      `the device offers no ${settings.source} source (${table.get('source')?.values?.join(', ') ?? 'no source option'})`,
    );
  }
  const mode = matchMode(table, settings.colourMode);
  if (!mode) {
    throw new ScanDeviceError(
      'unsupported-setting',
      `the device offers no ${settings.colourMode} mode (${table.get('mode')?.values?.join(', ') ?? 'no mode option'})`,
    );
  }
  const dpi = nearestResolution(table, settings.dpi);
  const paper = paperSizes[settings.paperSize];
  const args = ['-d', device, '--format=pnm', '-p'];
  args.push(`--batch=${workDir}/${batchPattern}`, '--batch-print');
  // A flatbed has no "out of documents": without a count, batch mode would rescan forever.
  const count = settings.source === 'flatbed' ? 1 : maxPages;
  if (count) args.push(`--batch-count=${count}`);
  if (source.source) args.push(`--source=${source.source}`);
  if (source.adfMode) args.push(`--adf-mode=${source.adfMode}`);
  if (mode.mode) args.push(`--mode=${mode.mode}`);
  if (mode.depth) args.push(`--depth=${mode.depth}`);
  if (table.has('resolution')) args.push(`--resolution=${dpi}`);
  // Feeder scanners often need the paper size as well as the scan area.
  if (table.has('page-width') && !table.get('page-width')?.inactive) {
    args.push(`--page-width=${clampMm(table.get('page-width'), paper.widthMm)}`);
  }
  if (table.has('page-height') && !table.get('page-height')?.inactive) {
    args.push(`--page-height=${clampMm(table.get('page-height'), paper.heightMm)}`);
  }
  if (table.has('l')) args.push('-l', '0');
  if (table.has('t')) args.push('-t', '0');
  if (table.has('x')) args.push('-x', String(clampMm(table.get('x'), paper.widthMm)));
  if (table.has('y')) args.push('-y', String(clampMm(table.get('y'), paper.heightMm)));
  for (const option of extraOptions) {
    const name = option.slice(2).split('=')[0] ?? '';
    // The schema refuses these already; this keeps a hand-edited settings file harmless too.
    if (!option.startsWith('--') || (adapterOwnedSaneOptions as readonly string[]).includes(name)) {
      throw new ScanDeviceError(
        'unsupported-setting',
        `option ${option} is set by the workstation`,
      );
    }
    args.push(option);
  }
  return { args, dpi, threshold: mode.threshold };
}
