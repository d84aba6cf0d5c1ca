import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { useAppDispatch } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';

import { sessionChanged } from './authSlice';
import { SystemUseNotice } from './SystemUseNotice';
import './auth.css';

/** The sign-in screen: nothing of the app is rendered until main says the session is active. */
export function SignInScreen({ workstationId }: { workstationId: string }) {
  const dispatch = useAppDispatch();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const view = await unwrap('auth:sign-in', clerkApi().auth.signIn({ username, password }));
      dispatch(sessionChanged(view));
    } catch (err) {
      setError((err as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-screen" data-testid="sign-in-screen">
      <form className="auth-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in</h1>
        <p className="auth-sub">
          CCPOR Clerk Workstation · workstation {workstationId.slice(0, 8)}
        </p>
        <label htmlFor="sign-in-user">User name</label>
        <input
          id="sign-in-user"
          ref={first}
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {error ? (
          <p className="auth-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
        <div className="auth-actions">
          <button className="auth-primary" type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </div>
        <SystemUseNotice />
      </form>
    </main>
  );
}
