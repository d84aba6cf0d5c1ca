import { useState } from 'react';
import type { FormEvent } from 'react';

import type { ColourMode } from '../../../../shared/ipc/contracts/pages';
import type {
  ScanSettings,
  ScanSource,
  ScannerSetup,
} from '../../../../shared/ipc/contracts/scanner';
import { paperSizes } from '../../../../shared/scanning/paperSizes';
import type { PaperSize } from '../../../../shared/scanning/paperSizes';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { colourLabels, dpiChoices, sourceLabels } from '../labels';

type Props = {
  readonly setup: ScannerSetup;
  readonly onSaved: (setup: ScannerSetup) => void;
};

/** How this workstation scans unless the clerk chooses otherwise for one scan. */
export function ScanDefaultsForm({ setup, onSaved }: Props) {
  const [settings, setSettings] = useState<ScanSettings>(setup.defaults.settings);
  const [said, setSaid] = useState('');
  const [error, setError] = useState('');
  const set = (change: Partial<ScanSettings>) => setSettings((s) => ({ ...s, ...change }));
  const blankOn = settings.detectBlank ?? settings.source === 'duplex';

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const next = await unwrap(
        'scanner:save-defaults',
        clerkApi().scanner.saveDefaults({ scannerId: setup.defaults.scannerId, settings }),
      );
      onSaved(next);
      setSaid('The scan defaults were saved.');
    } catch (err) {
      setSaid('');
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const select = (
    id: string,
    label: string,
    value: string,
    options: [string, string][],
    onPick: (v: string) => void,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onPick(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="scan-defaults"
      aria-labelledby="scan-defaults-heading"
      onSubmit={save}
      noValidate
    >
      <h3 id="scan-defaults-heading">Scan defaults for this workstation</h3>
      <div className="field-grid">
        {select(
          'defaults-source',
          'Paper from',
          settings.source,
          Object.entries(sourceLabels),
          (v) => set({ source: v as ScanSource }),
        )}
        {select(
          'defaults-colour',
          'Colour',
          settings.colourMode,
          Object.entries(colourLabels),
          (v) => set({ colourMode: v as ColourMode }),
        )}
        {select(
          'defaults-dpi',
          'Resolution',
          String(settings.dpi),
          [...new Set([...dpiChoices, settings.dpi])]
            .sort((a, b) => a - b)
            .map((d) => [String(d), `${d} dpi`]),
          (v) => set({ dpi: Number(v) }),
        )}
        {select(
          'defaults-paper',
          'Paper size',
          settings.paperSize,
          Object.entries(paperSizes).map(([k, p]) => [k, p.label]),
          (v) => set({ paperSize: v as PaperSize }),
        )}
        <div className="field field-check">
          <input
            id="defaults-blank"
            type="checkbox"
            checked={blankOn}
            onChange={(e) => set({ detectBlank: e.target.checked })}
          />
          <label htmlFor="defaults-blank">Drop blank pages (can be undone)</label>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit">Save defaults</button>
        <span role="status" className="muted-text">
          {said}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
