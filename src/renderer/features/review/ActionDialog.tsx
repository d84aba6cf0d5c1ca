import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

/** What a dialog asks for: its title, the field's label and the shortest answer accepted. */
export type DialogSpec = {
  readonly title: string;
  /** The case the action is about, shown under the title. */
  readonly caseNumber: string;
  readonly fieldLabel: string;
  readonly minLength: number;
  /** Said when the text is shorter than `minLength`. */
  readonly tooShort: string;
  readonly submitLabel: string;
};

type Props = {
  readonly spec: DialogSpec;
  /** Sends the action; a rejection's message (the registry's refusal) is shown in the dialog. */
  readonly onSubmit: (text: string) => Promise<void>;
  /** Closes the dialog; the opener puts focus back on the button that opened it. */
  readonly onClose: () => void;
};

/**
 * A modal dialog with one required text field (the comment for the clerk, the reason for a
 * void or a refusal). Escape or Cancel closes it without sending; Tab stays inside it; the
 * field is checked before anything is sent, and a refusal keeps the dialog open with the text.
 */
export function ActionDialog({ spec, onSubmit, onClose }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  const submit = async () => {
    if (text.trim().length < spec.minLength) {
      setError(spec.tooShort);
      fieldRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text.trim());
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
      fieldRef.current?.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    // Keep Tab inside the dialog (it is modal).
    const focusables = boxRef.current?.querySelectorAll<HTMLElement>(
      'textarea, button:not([disabled])',
    );
    if (!focusables || focusables.length === 0) return;
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="review-dialog-backdrop">
      <div
        ref={boxRef}
        className="review-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-case`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{spec.title}</h2>
        <p id={`${id}-case`}>Case {spec.caseNumber}</p>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="field-label" htmlFor={`${id}-text`}>
            {spec.fieldLabel} <span className="required">(required)</span>
          </label>
          <textarea
            id={`${id}-text`}
            ref={fieldRef}
            rows={4}
            maxLength={1000}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(e) => setText(e.target.value)}
          />
          <p id={`${id}-hint`} className="field-hint">
            At least {spec.minLength} characters.
          </p>
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Sending…' : spec.submitLabel}
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
