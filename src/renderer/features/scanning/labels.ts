/**
 * Words the clerk sees for scan settings. Data, not code: the selects are built from these.
 */
import type { ColourMode } from '../../../shared/ipc/contracts/pages';
import type { ScanSource, ScannerConfig } from '../../../shared/ipc/contracts/scanner';

export const sourceLabels: Readonly<Record<ScanSource, string>> = {
  feeder: 'Feeder',
  duplex: 'Feeder, 2-sided',
  flatbed: 'Glass',
};

export const colourLabels: Readonly<Record<ColourMode, string>> = {
  bilevel: 'Black and white',
  gray: 'Gray',
  color: 'Colour',
};

/** Resolutions offered; 300 dpi is what the registry expects for signed orders. */
export const dpiChoices = [150, 200, 300, 400, 600] as const;

export const kindLabels: Readonly<Record<ScannerConfig['kind'], string>> = {
  sane: 'SANE',
  escl: 'eSCL (network)',
  naps2: 'NAPS2 (Windows)',
};

/** Where the scanner is, as one line for tables. */
export function scannerAddress(s: ScannerConfig): string {
  if (s.kind === 'sane') return s.device;
  if (s.kind === 'escl') return s.url;
  return `${s.driver.toUpperCase()}: ${s.device}${s.profile ? ` (profile ${s.profile})` : ''}`;
}
