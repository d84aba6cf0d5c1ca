import { useId } from 'react';
import type { ReactNode } from 'react';

import type { ColourMode } from '../../../shared/ipc/contracts/pages';
import type { ScanSource, ScannerSetup } from '../../../shared/ipc/contracts/scanner';

import { colourLabels, dpiChoices, sourceLabels } from './labels';
import type { ScanChoice } from './useScanChoice';

type Props = {
  readonly setup: ScannerSetup | null;
  readonly loadError: string;
  readonly choice: ScanChoice | null;
  readonly onChange: (next: ScanChoice) => void;
  readonly disabled?: boolean;
  /** The scan button(s), placed at the end of the row. */
  readonly children?: ReactNode;
};

/** One row: which scanner, feeder or glass, colour, resolution — then the scan button. */
export function ScanControls({ setup, loadError, choice, onChange, disabled, children }: Props) {
  const id = useId();
  if (loadError) {
    return (
      <p className="error-text" role="alert">
        The scanners could not be read: {loadError}
      </p>
    );
  }
  if (!setup || !choice) return <p className="muted-text">Reading the scanners…</p>;
  if (setup.scanners.length === 0) {
    return (
      <p className="scan-none">
        No scanner is set up on this workstation.{' '}
        <a href="#/devices">Set one up on the Devices page</a>, or key the order without its image.
      </p>
    );
  }
  const set = (change: Partial<ScanChoice['settings']>) =>
    onChange({ ...choice, settings: { ...choice.settings, ...change } });
  const select = (
    key: string,
    label: string,
    value: string,
    options: readonly (readonly [string, string])[],
    onPick: (v: string) => void,
  ) => (
    <div className="scan-control">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={value}
        disabled={disabled}
        onChange={(e) => onPick(e.target.value)}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="scan-controls">
      {select(
        'scanner',
        'Scanner',
        choice.scannerId,
        setup.scanners.map((s) => [s.id, s.name] as const),
        (scannerId) => onChange({ ...choice, scannerId }),
      )}
      {select('source', 'Paper from', choice.settings.source, Object.entries(sourceLabels), (v) =>
        set({ source: v as ScanSource }),
      )}
      {select('colour', 'Colour', choice.settings.colourMode, Object.entries(colourLabels), (v) =>
        set({ colourMode: v as ColourMode }),
      )}
      {select(
        'dpi',
        'Resolution',
        String(choice.settings.dpi),
        [...new Set([...dpiChoices, choice.settings.dpi])]
          .sort((a, b) => a - b)
          .map((d) => [String(d), `${d} dpi`] as const),
        (v) => set({ dpi: Number(v) }),
      )}
      <div className="scan-control-actions">{children}</div>
    </div>
  );
}
