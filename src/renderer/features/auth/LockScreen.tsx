import { useEffect, useRef } from 'react';

import type { Principal } from '../../../shared/auth/principal';
import { useAppDispatch } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';

import { AuthCard } from './AuthCard';
import { sessionChanged, unlocked } from './authSlice';
import { PasswordEntry, usePasswordAttempt } from './PasswordEntry';
import './auth.css';

/**
 * The lock screen. It REPLACES the app (the app is unmounted, not covered), so no order data is
 * in the page while locked; unlocking needs the signed-in user's password again.
 */
export function LockScreen({ user, reason }: { user: Principal | null; reason: string | null }) {
  const dispatch = useAppDispatch();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const attempt = usePasswordAttempt(async (password) => {
    dispatch(
      unlocked(await unwrap('auth:unlock-session', clerkApi().auth.unlockSession({ password }))),
    );
  });

  const switchUser = async () => {
    try {
      dispatch(sessionChanged(await unwrap('auth:sign-out', clerkApi().auth.signOut({}))));
    } catch (err) {
      attempt.setError((err as Error).message);
    }
  };

  return (
    <AuthCard
      testId="lock-screen"
      titleId="lock-title"
      title="Workstation locked"
      subtitle={
        <>
          {reason === 'idle' ? 'Locked after a period without use. ' : ''}
          {user ? `Signed in as ${user.displayName || user.username} (${user.username}).` : ''}
        </>
      }
      onSubmit={(e) => void attempt.submit(e)}
    >
      <PasswordEntry
        id="unlock-password"
        inputRef={field}
        attempt={attempt}
        errorTestId="unlock-error"
        submitLabel="Unlock"
      >
        <button className="auth-link" type="button" onClick={() => void switchUser()}>
          Sign out (another person signs in)
        </button>
      </PasswordEntry>
    </AuthCard>
  );
}
