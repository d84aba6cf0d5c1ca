import { useEffect, useState } from 'react';

import type { ScanSettings, ScannerSetup } from '../../../shared/ipc/contracts/scanner';
import { clerkApi, unwrap } from '../../platform/clerk';

/** The scanner and settings the next scan uses; starts from the workstation's defaults. */
export type ScanChoice = { readonly scannerId: string; readonly settings: ScanSettings };

/** Loads the configured scanners and holds the clerk's choice for the next scan. */
export function useScanChoice(): {
  readonly setup: ScannerSetup | null;
  readonly loadError: string;
  readonly choice: ScanChoice | null;
  readonly setChoice: (next: ScanChoice) => void;
} {
  const [setup, setSetup] = useState<ScannerSetup | null>(null);
  const [loadError, setLoadError] = useState('');
  const [choice, setChoice] = useState<ScanChoice | null>(null);
  useEffect(() => {
    let live = true;
    unwrap('scanner:list-scanners', clerkApi().scanner.listScanners({})).then(
      (s) => {
        if (!live) return;
        setSetup(s);
        const scannerId = s.defaults.scannerId ?? s.scanners[0]?.id ?? '';
        setChoice({ scannerId, settings: s.defaults.settings });
      },
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { setup, loadError, choice, setChoice };
}

/** Options for `scanBatches.start` from a choice (none: main uses its defaults). */
export function startOptions(choice: ScanChoice | null): {
  scannerId?: string;
  settings?: Partial<ScanSettings>;
} {
  if (!choice) return {};
  return {
    ...(choice.scannerId ? { scannerId: choice.scannerId } : {}),
    settings: choice.settings,
  };
}
