/**
 * Picks the adapter for a configured scanner. Tests pass options (e.g. short eSCL retry
 * delays); production uses the defaults.
 */
import type { ScannerConfig } from '../../../shared/ipc/contracts/scanner';

import { EsclScanner } from './escl/esclScanner';
import type { EsclScannerOptions } from './escl/esclScanner';
import { Naps2Scanner } from './naps2/naps2Scanner';
import type { ScannerPort } from './port';
import { SaneScanner } from './sane/saneScanner';

/** Tunables per adapter kind. */
export type AdapterOptions = {
  /** Path of scanimage (default: from PATH). */
  readonly scanimage?: string;
  readonly escl?: Omit<EsclScannerOptions, 'url'>;
};

/** A new adapter for `config`; SANE adapters run with the private `saneConfigDir`. */
export function createAdapter(
  config: ScannerConfig,
  saneConfigDir: string,
  options: AdapterOptions = {},
): ScannerPort {
  switch (config.kind) {
    case 'sane':
      return new SaneScanner({
        config,
        saneConfigDir,
        ...(options.scanimage ? { scanimage: options.scanimage } : {}),
      });
    case 'escl':
      return new EsclScanner({ ...options.escl, url: config.url });
    case 'naps2':
      return new Naps2Scanner(config);
  }
}
