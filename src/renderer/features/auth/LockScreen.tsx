import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';

import type { Principal } from '../../../shared/auth/principal';
import { useAppDispatch } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';

import { sessionChanged, unlocked } from './authSlice';
import './auth.css';

/**
 * The lock screen. It REPLACES the app (the app is unmounted, not covered), so no order data is
 * in the page while locked; unlocking needs the signed-in user's password again.
 */
export function LockScreen({ user, reason }: { user: Principal | null; reason: string | null }) {
  const dispatch = useAppDispatch();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);

  const unlock = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      dispatch(
        unlocked(await unwrap('auth:unlock-session', clerkApi().auth.unlockSession({ password }))),
      );
    } catch (err) {
      setError((err as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const switchUser = async () => {
    try {
      dispatch(sessionChanged(await unwrap('auth:sign-out', clerkApi().auth.signOut({}))));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <main className="auth-screen" data-testid="lock-screen">
      <form className="auth-card" onSubmit={(e) => void unlock(e)} aria-labelledby="lock-title">
        <h1 id="lock-title">Workstation locked</h1>
        <p className="auth-sub">
          {reason === 'idle' ? 'Locked after a period without use. ' : ''}
          {user ? `Signed in as ${user.displayName || user.username} (${user.username}).` : ''}
        </p>
        <label htmlFor="unlock-password">Password</label>
        <input
          id="unlock-password"
          ref={field}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {error ? (
          <p className="auth-error" role="alert" data-testid="unlock-error">
            {error}
          </p>
        ) : null}
        <div className="auth-actions">
          <button className="auth-primary" type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Unlock'}
          </button>
          <button className="auth-link" type="button" onClick={() => void switchUser()}>
            Sign out (another person signs in)
          </button>
        </div>
      </form>
    </main>
  );
}
