import type { FormEvent, ReactNode } from 'react';

type Props = {
  /** Test id of the whole screen, which e2e specs wait for. */
  readonly testId: string;
  /** DOM id of the heading, which names the form. */
  readonly titleId: string;
  readonly title: string;
  /** The line under the heading (who is signed in, which workstation). */
  readonly subtitle: ReactNode;
  readonly onSubmit: (e: FormEvent) => void;
  readonly children: ReactNode;
};

/**
 * A full-screen auth form (sign-in, lock). It stands in place of the app, so nothing else is
 * on the page while it shows.
 */
export function AuthCard({ testId, titleId, title, subtitle, onSubmit, children }: Props) {
  return (
    <main className="auth-screen" data-testid={testId}>
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby={titleId}>
        <h1 id={titleId}>{title}</h1>
        <p className="auth-sub">{subtitle}</p>
        {children}
      </form>
    </main>
  );
}
