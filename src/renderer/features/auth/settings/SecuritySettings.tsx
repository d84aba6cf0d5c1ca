import { useState } from 'react';
import type { FormEvent } from 'react';

import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../../../../shared/auth/policy';
import { useAppDispatch, useAppSelector } from '../../../app/hooks';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { useCan } from '../access';
import { selectPrincipal, selectSession, sessionChanged } from '../authSlice';
import '../auth.css';

import { UsersPanel } from './UsersPanel';

type Message = { readonly ok: boolean; readonly text: string } | null;

function Note({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'error-text'}>
      {message.text}
    </p>
  );
}

/** Settings → Sign-in and lock: the idle lock (supervisor, admin), one's own password, accounts. */
export function SecuritySettings() {
  const session = useAppSelector(selectSession);
  const user = useAppSelector(selectPrincipal);
  const dispatch = useAppDispatch();
  const canConfigure = useCan('workstation.configure');
  const canManage = user?.role === 'supervisor' || user?.role === 'admin';
  const [minutes, setMinutes] = useState('');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [lockMessage, setLockMessage] = useState<Message>(null);
  const [passwordMessage, setPasswordMessage] = useState<Message>(null);
  if (!session || !user) return null;

  const saveMinutes = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const view = await unwrap(
        'auth:set-idle-lock',
        clerkApi().auth.setIdleLock({ minutes: Number(minutes) }),
      );
      dispatch(sessionChanged(view));
      setMinutes('');
      setLockMessage({
        ok: true,
        text: `The workstation now locks after ${view.idleLockMinutes} minutes without use.`,
      });
    } catch (error) {
      setLockMessage({ ok: false, text: (error as Error).message });
    }
  };

  const changePassword = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await unwrap('auth:change-password', clerkApi().auth.changePassword({ current, next }));
      setPasswordMessage({ ok: true, text: 'Your password was changed.' });
    } catch (error) {
      setPasswordMessage({ ok: false, text: (error as Error).message });
    } finally {
      setCurrent('');
      setNext('');
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="lock-heading" data-testid="security-settings">
        <h2 id="lock-heading">Sign-in and lock</h2>
        <dl className="facts">
          <dt>Signed in as</dt>
          <dd>
            {user.displayName || user.username} ({user.username}), court {user.courtOri}
          </dd>
          <dt>Idle lock</dt>
          <dd data-testid="idle-lock-minutes">
            Locks after {session.idleLockMinutes} minutes without use
          </dd>
        </dl>
        {canConfigure && (
          <form
            onSubmit={(e) => void saveMinutes(e)}
            className="form-actions"
            aria-label="Idle lock"
          >
            <div className="field field-narrow">
              <label htmlFor="idle-minutes">
                Minutes ({IDLE_LOCK_MIN_MINUTES}–{IDLE_LOCK_MAX_MINUTES})
              </label>
              <input
                id="idle-minutes"
                type="number"
                min={IDLE_LOCK_MIN_MINUTES}
                max={IDLE_LOCK_MAX_MINUTES}
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
            </div>
            <button type="submit" disabled={minutes === ''}>
              Save idle lock
            </button>
          </form>
        )}
        <Note message={lockMessage} />
        <form
          onSubmit={(e) => void changePassword(e)}
          className="form-actions"
          aria-label="Change my password"
        >
          <div className="field">
            <label htmlFor="password-current">Current password</label>
            <input
              id="password-current"
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password-next">New password (8 or more characters)</label>
            <input
              id="password-next"
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
          </div>
          <button type="submit" disabled={current === '' || next === ''}>
            Change password
          </button>
        </form>
        <Note message={passwordMessage} />
      </section>
      {canManage && <UsersPanel actor={user} />}
    </>
  );
}
