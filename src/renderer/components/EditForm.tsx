import { useEffect, useRef } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

/** What a failed save says: one line for the summary and a message per field. */
export type FormErrors = {
  readonly summary: string;
  readonly fields: Readonly<Record<string, string | undefined>>;
};

type Props = {
  /**
   * What the form adds or edits ("printer"): it names the form's class (`printer-form`), its
   * heading id, its field ids (`printer-name`) and the Save button ("Save printer").
   */
  readonly noun: string;
  readonly heading: string;
  /** The form's state, from `useEditForm`. */
  readonly form: {
    readonly errors: FormErrors | null;
    readonly busy: boolean;
    readonly submit: (e: FormEvent) => void;
  };
  /** Show the Esc key beside Cancel (hidden from screen readers: it repeats the button). */
  readonly showEscKey?: boolean;
  readonly onCancel: () => void;
  /** The fields, laid out in the form's field grid. */
  readonly children: ReactNode;
};

/**
 * The frame of an add/edit form: heading, an error summary that takes focus after every failed
 * save (each line links to its field), the fields, Save and Cancel; Escape cancels.
 */
export function EditForm({ noun, heading, form, showEscKey, onCancel, children }: Props) {
  const { errors, busy } = form;
  const headingId = `${noun}-form-heading`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <form
      className={`${noun}-form`}
      aria-labelledby={headingId}
      onSubmit={form.submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h3 id={headingId}>{heading}</h3>
      {errors && <ErrorSummary errors={errors} noun={noun} />}
      <div className="field-grid">{children}</div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : `Save ${noun}`}
        </button>
        <button type="button" onClick={onCancel}>
          {showEscKey ? (
            <>
              Cancel <kbd aria-hidden="true">Esc</kbd>
            </>
          ) : (
            'Cancel'
          )}
        </button>
      </div>
    </form>
  );
}

/** The list of what to fix; focused whenever a new set of errors arrives. */
function ErrorSummary({ errors, noun }: { errors: FormErrors; noun: string }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), [errors]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
      <p>{errors.summary}</p>
      {Object.keys(errors.fields).length > 0 && (
        <ul>
          {Object.entries(errors.fields).map(([f, message]) => (
            <li key={f}>
              <a href={`#${noun}-${f}`}>{message}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
