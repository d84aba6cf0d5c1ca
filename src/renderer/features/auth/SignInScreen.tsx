import { useEffect, useRef, useState } from 'react';

import { useAppDispatch } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';

import { AuthCard } from './AuthCard';
import { sessionChanged } from './authSlice';
import { SystemUseNotice } from './SystemUseNotice';
import { PasswordEntry, usePasswordAttempt } from './PasswordEntry';
import './auth.css';

/** The sign-in screen: nothing of the app is rendered until main says the session is active. */
export function SignInScreen({ workstationId }: { workstationId: string }) {
  const dispatch = useAppDispatch();
  const [username, setUsername] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const attempt = usePasswordAttempt(async (password) => {
    const view = await unwrap('auth:sign-in', clerkApi().auth.signIn({ username, password }));
    dispatch(sessionChanged(view));
  });

  return (
    <AuthCard
      testId="sign-in-screen"
      titleId="sign-in-title"
      title="Sign in"
      subtitle={<>CCPOR Clerk Workstation · workstation {workstationId.slice(0, 8)}</>}
      onSubmit={(e) => void attempt.submit(e)}
    >
      <label htmlFor="sign-in-user">User name</label>
      <input
        id="sign-in-user"
        ref={first}
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
      />
      <PasswordEntry
        id="sign-in-password"
        attempt={attempt}
        errorTestId="sign-in-error"
        submitLabel="Sign in"
      />
      <SystemUseNotice />
    </AuthCard>
  );
}
