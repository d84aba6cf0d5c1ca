import { useEffect } from 'react';
import type { ReactNode } from 'react';

import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';

import {
  idleTimedOut,
  selectAuthLoadError,
  selectScreen,
  selectSession,
  sessionChanged,
} from './authSlice';
import { startIdleTimer } from './idleTimer';
import { LockScreen } from './LockScreen';
import { SignInScreen } from './SignInScreen';

/**
 * Renders the app only for an active session; otherwise the sign-in or lock screen INSTEAD of
 * it. Runs the idle timer while the app is shown.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const screen = useAppSelector(selectScreen);
  const session = useAppSelector(selectSession);
  const loadError = useAppSelector(selectAuthLoadError);
  const dispatch = useAppDispatch();
  const minutes = session?.idleLockMinutes ?? 5;

  useEffect(() => {
    if (screen !== 'app') return undefined;
    return startIdleTimer({
      minutes,
      onIdle: () => {
        dispatch(idleTimedOut());
        void unwrap('auth:lock-session', clerkApi().auth.lockSession({ reason: 'idle' }))
          .then((view) => dispatch(sessionChanged(view)))
          .catch(() => undefined);
      },
      onActivity: () => {
        void clerkApi().auth.touchSession({});
      },
    });
  }, [screen, minutes, dispatch]);

  if (screen === 'app') return <>{children}</>;
  if (screen === 'locked') {
    return <LockScreen user={session?.user ?? null} reason={session?.lockedReason ?? 'idle'} />;
  }
  if (screen === 'sign-in') return <SignInScreen workstationId={session?.workstationId ?? ''} />;
  return (
    <main className="auth-screen" aria-busy="true" data-testid="auth-starting">
      <p style={{ color: '#fff' }} role={loadError ? 'alert' : undefined}>
        {loadError ? `The workstation did not answer: ${loadError}` : 'Starting…'}
      </p>
    </main>
  );
}
