import { useState } from 'react';
import type { FormEvent, ReactNode, RefObject } from 'react';

/**
 * The password step shared by sign-in and unlock: `attempt` asks main; a refusal shows main's
 * message and empties the password so the next try starts clean.
 */
export function usePasswordAttempt(attempt: (password: string) => Promise<void>) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await attempt(password);
    } catch (err) {
      setError((err as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return { password, setPassword, error, setError, busy, submit };
}

type Props = {
  /** DOM id of the password input (its label points at it). */
  readonly id: string;
  readonly inputRef?: RefObject<HTMLInputElement | null>;
  readonly attempt: ReturnType<typeof usePasswordAttempt>;
  /** Test id of the error line, which e2e specs read. */
  readonly errorTestId: string;
  readonly submitLabel: string;
  /** Buttons after the submit button (e.g. sign out). */
  readonly children?: ReactNode;
};

/** The password field, main's refusal (announced) and the submit button of an auth card. */
export function PasswordEntry({
  id,
  inputRef,
  attempt,
  errorTestId,
  submitLabel,
  children,
}: Props) {
  const { password, setPassword, error, busy } = attempt;
  return (
    <>
      <label htmlFor={id}>Password</label>
      <input
        id={id}
        ref={inputRef}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      {error ? (
        <p className="auth-error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
      <div className="auth-actions">
        <button className="auth-primary" type="submit" disabled={busy}>
          {busy ? 'Checking…' : submitLabel}
        </button>
        {children}
      </div>
    </>
  );
}
