import { memo } from 'react';
import type { ChangeEvent } from 'react';

import type { Field, FieldValue } from './fieldTypes';

type Props = {
  readonly field: Field;
  /** The concrete key (repeated fields have their index filled in). */
  readonly fieldKey: string;
  readonly value: FieldValue | undefined;
  readonly error: string | undefined;
  readonly onChange: (key: string, value: FieldValue) => void;
  readonly onBlur?: (key: string) => void;
};

/** DOM id of a field, also used to move focus to the first error. */
export const fieldDomId = (key: string) => `f-${key.replace(/[^a-zA-Z0-9]/g, '-')}`;

/** One labelled control with its hint and inline error, tied together for screen readers. */
export const FormField = memo(function FormField({
  field,
  fieldKey,
  value,
  error,
  onChange,
  onBlur,
}: Props) {
  const id = fieldDomId(fieldKey);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    name: fieldKey,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
    onBlur: () => onBlur?.(fieldKey),
  } as const;
  const onText = (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    onChange(fieldKey, field.kind === 'code' ? e.target.value.toUpperCase() : e.target.value);
  const cls = `field field-${field.width ?? 'normal'}${error ? ' has-error' : ''}`;

  if (field.kind === 'checkbox') {
    return (
      <div className={`${cls} field-check`}>
        <input
          type="checkbox"
          {...common}
          checked={value === true}
          onChange={(e) => onChange(fieldKey, e.target.checked)}
        />
        <label htmlFor={id}>{field.label}</label>
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  }
  if (field.kind === 'checkboxes') {
    const selected = Array.isArray(value) ? (value as readonly string[]) : [];
    return (
      <fieldset className={cls} aria-describedby={describedBy} id={id} tabIndex={-1}>
        <legend>{field.label}</legend>
        <div className="check-grid">
          {(field.options ?? []).map((o) => {
            const optId = `${id}-${o.value}`;
            return (
              <span key={o.value} className="check-item">
                <input
                  type="checkbox"
                  id={optId}
                  checked={selected.includes(o.value)}
                  onChange={(e) =>
                    onChange(
                      fieldKey,
                      e.target.checked
                        ? [...selected, o.value]
                        : selected.filter((v) => v !== o.value),
                    )
                  }
                />
                <label htmlFor={optId}>{o.label}</label>
              </span>
            );
          })}
        </div>
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </fieldset>
    );
  }
  let control;
  if (field.kind === 'select') {
    control = (
      <select {...common} value={text} onChange={onText}>
        <option value="">—</option>
        {(field.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'textarea') {
    control = <textarea {...common} rows={2} value={text} onChange={onText} />;
  } else {
    // Dates are plain text fields: typing 07/02/2026 is faster than any picker at the counter.
    control = (
      <input
        {...common}
        type="text"
        inputMode={field.kind === 'number' ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={onText}
      />
    );
  }
  return (
    <div className={cls}>
      <label htmlFor={id}>
        {field.label}
        {field.required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {control}
      {field.hint && (
        <p id={hintId} className="field-hint">
          {field.hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
});
