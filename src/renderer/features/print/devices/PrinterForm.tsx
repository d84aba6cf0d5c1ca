import { useState } from 'react';
import type { ReactNode } from 'react';

import type { PrinterConfig } from '../../../../shared/printing/printers';
import {
  mediaKeywords,
  mediaLabels,
  sidesKeywords,
  sidesLabels,
} from '../../../../shared/printing/printers';
import { EditForm } from '../../../components/EditForm';
import { describedByIds, LabelledField } from '../../../components/LabelledField';
import { useEditForm } from '../../../components/useEditForm';
import { clerkApi, unwrap } from '../../../platform/clerk';

import {
  formFromPrinter,
  printerFormErrors,
  printerFromForm,
  suggestPrinterId,
  emptyPrinterForm,
} from './printerForm';
import type { PrinterField, PrinterFormErrors, PrinterFormValues } from './printerForm';

type Props = {
  /** The printer being edited, or null to add one. */
  readonly editing: PrinterConfig | null;
  readonly takenIds: readonly string[];
  readonly onSaved: (printers: PrinterConfig[], saved: string) => void;
  readonly onCancel: () => void;
};

/** DOM id of a field; EditForm links its error summary to the same ids. */
const fieldId = (f: PrinterField) => `printer-${f}`;

/** Adds or edits one courtroom printer; main validates and its messages are shown per field. */
export function PrinterForm({ editing, takenIds, onSaved, onCancel }: Props) {
  const form = useEditForm<PrinterFormValues, PrinterFormErrors, HTMLInputElement>({
    initial: editing ? formFromPrinter(editing) : emptyPrinterForm,
    save: async (values) => {
      const printers = await unwrap(
        'print:save-printer',
        clerkApi().print.savePrinter(printerFromForm(values)),
      );
      onSaved(printers, values.name.trim());
    },
    toErrors: printerFormErrors,
  });
  const { values, setValues, errors, first } = form;
  const [idTouched, setIdTouched] = useState(editing !== null);

  const set = (field: PrinterField, value: string) =>
    setValues((v) => {
      const next = { ...v, [field]: value } as PrinterFormValues;
      // The id follows the name until the clerk types their own.
      if (field === 'name' && !idTouched) return { ...next, id: suggestPrinterId(value, takenIds) };
      return next;
    });

  const err = (f: PrinterField) => errors?.fields[f];
  const field = (
    f: PrinterField,
    label: string,
    control: ReactNode,
    hint?: string,
    wide = false,
  ) => (
    <LabelledField
      id={fieldId(f)}
      label={label}
      hint={hint}
      error={err(f)}
      width={wide ? 'wide' : undefined}
    >
      {control}
    </LabelledField>
  );
  const describedBy = (f: PrinterField, hint = false) => describedByIds(fieldId(f), hint, err(f));
  const text = (f: PrinterField, hint = false, ref?: typeof first) => (
    <input
      ref={ref}
      id={fieldId(f)}
      type="text"
      value={values[f]}
      onChange={(e) => {
        if (f === 'id') setIdTouched(true);
        set(f, e.target.value);
      }}
      aria-invalid={err(f) ? true : undefined}
      aria-describedby={describedBy(f, hint)}
      readOnly={f === 'id' && editing !== null}
      autoComplete="off"
      spellCheck={false}
    />
  );
  // Paper and sides: a keyword list shown by its labels (these two selects carry no hint).
  const choice = <K extends string>(
    f: 'defaultMedia' | 'defaultSides',
    keywords: readonly K[],
    labels: Readonly<Record<K, string>>,
  ) => (
    <select id={fieldId(f)} value={values[f]} onChange={(e) => set(f, e.target.value)}>
      {keywords.map((k) => (
        <option key={k} value={k}>
          {labels[k]}
        </option>
      ))}
    </select>
  );

  return (
    <EditForm
      noun="printer"
      heading={editing ? `Edit printer ${editing.name}` : 'Add a printer'}
      form={form}
      showEscKey
      onCancel={onCancel}
    >
      {field(
        'name',
        'Printer name',
        text('name', true, first),
        'As clerks see it, e.g. "Dept 3 — HP M404".',
      )}
      {field(
        'courtroom',
        'Courtroom / department',
        text('courtroom', true),
        'The same words as on the orders, e.g. "Dept 3".',
      )}
      {field(
        'id',
        'Printer id',
        text('id', true),
        editing ? 'The id cannot change.' : 'Lowercase letters, digits and dashes.',
      )}
      {field(
        'kind',
        'Connection',
        <select
          id={fieldId('kind')}
          value={values.kind}
          onChange={(e) => set('kind', e.target.value)}
          aria-describedby={describedBy('kind')}
        >
          <option value="ipp">IPP (network printer or print server)</option>
          <option value="cups">CUPS queue on this computer</option>
        </select>,
      )}
      {values.kind === 'ipp' ? (
        field(
          'uri',
          'Printer address',
          text('uri', true),
          'e.g. ipp://10.1.2.3:631/ipp/print',
          true,
        )
      ) : (
        <>
          {field('queue', 'CUPS queue', text('queue'))}
          {field(
            'cupsServer',
            'CUPS server (optional)',
            text('cupsServer', true),
            'host:port; empty for this computer.',
          )}
        </>
      )}
      {field('defaultMedia', 'Paper', choice('defaultMedia', mediaKeywords, mediaLabels))}
      {field('defaultSides', 'Sides', choice('defaultSides', sidesKeywords, sidesLabels))}
    </EditForm>
  );
}
