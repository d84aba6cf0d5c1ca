import type { ReactNode } from 'react';

type Props = {
  /** The control's DOM id; the hint and error ids are derived from it. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly width?: 'wide' | 'narrow' | undefined;
  /** The control itself (input, select, textarea) carrying `id`. */
  readonly children: ReactNode;
};

/**
 * The `aria-describedby` of a control inside a {@link LabelledField}: its hint (when the control
 * should announce one) and its error, so a screen reader reads both after the label.
 */
export function describedByIds(id: string, hint: boolean, error: string | undefined) {
  return (
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  );
}

/** One labelled control with its hint and inline error below it (ids from {@link describedByIds}). */
export function LabelledField({ id, label, hint, error, width, children }: Props) {
  return (
    <div className={`field${width ? ` field-${width}` : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
