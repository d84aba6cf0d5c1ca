import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

import type { PrinterConfig } from '../../../../shared/printing/printers';
import {
  mediaKeywords,
  mediaLabels,
  sidesKeywords,
  sidesLabels,
} from '../../../../shared/printing/printers';
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

const fieldId = (f: PrinterField) => `printer-${f}`;

/** Adds or edits one courtroom printer; main validates and its messages are shown per field. */
export function PrinterForm({ editing, takenIds, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<PrinterFormValues>(
    editing ? formFromPrinter(editing) : emptyPrinterForm,
  );
  const [idTouched, setIdTouched] = useState(editing !== null);
  const [errors, setErrors] = useState<PrinterFormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (errors) summary.current?.focus();
  }, [errors]);

  const set = (field: PrinterField, value: string) =>
    setValues((v) => {
      const next = { ...v, [field]: value } as PrinterFormValues;
      // The id follows the name until the clerk types their own.
      if (field === 'name' && !idTouched) return { ...next, id: suggestPrinterId(value, takenIds) };
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const printers = await unwrap(
        'print:save-printer',
        clerkApi().print.savePrinter(printerFromForm(values)),
      );
      onSaved(printers, values.name.trim());
    } catch (error) {
      setErrors(printerFormErrors(error));
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  const err = (f: PrinterField) => errors?.fields[f];
  const field = (
    f: PrinterField,
    label: string,
    control: ReactNode,
    hint?: string,
    wide = false,
  ) => (
    <div className={`field${wide ? ' field-wide' : ''}${err(f) ? ' has-error' : ''}`}>
      <label htmlFor={fieldId(f)}>{label}</label>
      {control}
      {hint && (
        <p className="field-hint" id={`${fieldId(f)}-hint`}>
          {hint}
        </p>
      )}
      {err(f) && (
        <p className="field-error" id={`${fieldId(f)}-error`}>
          {err(f)}
        </p>
      )}
    </div>
  );
  const describedBy = (f: PrinterField, hint = false) =>
    [hint ? `${fieldId(f)}-hint` : '', err(f) ? `${fieldId(f)}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
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

  return (
    <form
      className="printer-form"
      aria-labelledby="printer-form-heading"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h3 id="printer-form-heading">
        {editing ? `Edit printer ${editing.name}` : 'Add a printer'}
      </h3>
      {errors && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{errors.summary}</p>
          {Object.keys(errors.fields).length > 0 && (
            <ul>
              {Object.entries(errors.fields).map(([f, message]) => (
                <li key={f}>
                  <a href={`#${fieldId(f as PrinterField)}`}>{message}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="field-grid">
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
        {field(
          'defaultMedia',
          'Paper',
          <select
            id={fieldId('defaultMedia')}
            value={values.defaultMedia}
            onChange={(e) => set('defaultMedia', e.target.value)}
          >
            {mediaKeywords.map((m) => (
              <option key={m} value={m}>
                {mediaLabels[m]}
              </option>
            ))}
          </select>,
        )}
        {field(
          'defaultSides',
          'Sides',
          <select
            id={fieldId('defaultSides')}
            value={values.defaultSides}
            onChange={(e) => set('defaultSides', e.target.value)}
          >
            {sidesKeywords.map((s) => (
              <option key={s} value={s}>
                {sidesLabels[s]}
              </option>
            ))}
          </select>,
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save printer'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </form>
  );
}
