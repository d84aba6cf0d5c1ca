import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';
import { roleLabels } from '../../../shared/auth/roles';

import { idleTimedOut, selectPrincipal, sessionChanged } from './authSlice';
import './auth.css';

/** Who is signed in, with Lock and Sign out, for the title bar. */
export function SessionMenu() {
  const user = useAppSelector(selectPrincipal);
  const dispatch = useAppDispatch();
  if (!user) return null;
  const call = (lock: boolean) => {
    if (lock) dispatch(idleTimedOut());
    const p = lock
      ? clerkApi().auth.lockSession({ reason: 'manual' })
      : clerkApi().auth.signOut({});
    void unwrap(lock ? 'auth:lock-session' : 'auth:sign-out', p)
      .then((view) => dispatch(sessionChanged(view)))
      .catch(() => undefined);
  };
  return (
    <div className="session-menu" data-testid="session-menu">
      <span>
        {user.displayName || user.username} · {roleLabels[user.role]}
      </span>
      <button type="button" onClick={() => call(true)}>
        Lock
      </button>
      <button type="button" onClick={() => call(false)}>
        Sign out
      </button>
    </div>
  );
}
