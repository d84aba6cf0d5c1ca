import type { ReactNode } from 'react';

import type { ScannerConfig, ScannerSetup } from '../../../../shared/ipc/contracts/scanner';
import { EditForm } from '../../../components/EditForm';
import { describedByIds, LabelledField } from '../../../components/LabelledField';
import { useEditForm } from '../../../components/useEditForm';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { kindLabels } from '../labels';

import {
  emptyScannerForm,
  formFromScanner,
  scannerFormErrors,
  scannerFromForm,
} from './scannerForm';
import type { ScannerField, ScannerFormErrors, ScannerFormValues } from './scannerForm';

type Props = {
  /** The scanner being edited, or null to add one. */
  readonly editing: ScannerConfig | null;
  /** Prefill for a new scanner (a device found by "Find SANE scanners"). */
  readonly prefill?: Partial<ScannerFormValues>;
  readonly onSaved: (setup: ScannerSetup, name: string) => void;
  readonly onCancel: () => void;
};

/** DOM id of a field; EditForm links its error summary to the same ids. */
const fieldId = (f: ScannerField) => `scanner-${f}`;

const hints: Partial<Record<ScannerField, string>> = {
  name: 'As clerks see it, e.g. "Counter 2 — fi-7160".',
  device: 'As the scanner list shows it, e.g. fujitsu:fi-7160:12345 or net:10.0.0.5:test:0.',
  options:
    'Optional, one per line, e.g. --test-picture=Grid. Source, colour and resolution come from the scan settings.',
  url: 'The eSCL root from the scanner’s web page, e.g. http://10.0.0.7/eSCL.',
  consolePath: 'Where NAPS2 is installed on this Windows workstation.',
  profile: 'Optional: a NAPS2 profile supplies what the scan settings do not.',
};

/** Adds or edits one scanner; main validates and its messages are shown per field. */
export function ScannerForm({ editing, prefill, onSaved, onCancel }: Props) {
  const form = useEditForm<ScannerFormValues, ScannerFormErrors, HTMLSelectElement>({
    initial: editing ? formFromScanner(editing) : { ...emptyScannerForm, ...prefill },
    save: async (values) => {
      const setup = await unwrap(
        'scanner:save-scanner',
        clerkApi().scanner.saveScanner(scannerFromForm(values, editing?.id)),
      );
      onSaved(setup, values.name.trim());
    },
    toErrors: scannerFormErrors,
  });
  const { values, setValues, errors } = form;

  const set = (field: ScannerField, value: string) =>
    setValues((v) => ({ ...v, [field]: value }) as ScannerFormValues);

  const err = (f: ScannerField) => errors?.fields[f];
  const field = (f: ScannerField, label: string, control: ReactNode, wide = false) => (
    <LabelledField
      id={fieldId(f)}
      label={label}
      hint={hints[f]}
      error={err(f)}
      width={wide ? 'wide' : undefined}
    >
      {control}
    </LabelledField>
  );
  const common = (f: ScannerField) => ({
    id: fieldId(f),
    'aria-invalid': err(f) ? true : undefined,
    'aria-describedby': describedByIds(fieldId(f), Boolean(hints[f]), err(f)),
  });
  const text = (f: ScannerField) => (
    <input
      {...common(f)}
      type="text"
      value={values[f]}
      onChange={(e) => set(f, e.target.value)}
      autoComplete="off"
      spellCheck={false}
    />
  );

  return (
    <EditForm
      noun="scanner"
      heading={editing ? `Edit scanner ${editing.name}` : 'Add a scanner'}
      form={form}

      onCancel={onCancel}
    >
      {field(
        'kind',
        'Connection',
        <select
          {...common('kind')}
          ref={form.first}
          value={values.kind}
          onChange={(e) => set('kind', e.target.value)}
          disabled={editing !== null}
        >
          {Object.entries(kindLabels).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>,
      )}
      {field('name', 'Scanner name', text('name'))}
      {values.kind === 'sane' && (
        <>
          {field('device', 'SANE device name', text('device'), true)}
          {field(
            'options',
            'Extra backend options',
            <textarea
              {...common('options')}
              rows={2}
              value={values.options}
              onChange={(e) => set('options', e.target.value)}
              spellCheck={false}
            />,
            true,
          )}
        </>
      )}
      {values.kind === 'escl' && field('url', 'eSCL address', text('url'), true)}
      {values.kind === 'naps2' && (
        <>
          {field('consolePath', 'NAPS2.Console path', text('consolePath'), true)}
          {field(
            'driver',
            'Driver',
            <select
              {...common('driver')}
              value={values.driver}
              onChange={(e) => set('driver', e.target.value)}
            >
              <option value="twain">TWAIN</option>
              <option value="wia">WIA</option>
              <option value="escl">eSCL</option>
            </select>,
          )}
          {field('device', 'Device name (as NAPS2 lists it)', text('device'))}
          {field('profile', 'NAPS2 profile', text('profile'))}
        </>
      )}
    </EditForm>
  );
}
