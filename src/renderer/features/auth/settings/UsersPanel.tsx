import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';

import type { Principal } from '../../../../shared/auth/principal';
import { roleLabels, roles, type Role } from '../../../../shared/auth/roles';
import type { UserView } from '../../../../shared/ipc/contracts/auth';
import { clerkApi, unwrap } from '../../../platform/clerk';

/** Roles a supervisor may give (the matrix: clerk and courtroom); an admin may give any. */
function assignable(actor: Principal): readonly Role[] {
  return actor.role === 'admin' ? roles : ['clerk', 'courtroom'];
}

/** Settings → Accounts (supervisors: their court's counter accounts; administrators: all). */
export function UsersPanel({ actor }: { actor: Principal }) {
  const [users, setUsers] = useState<readonly UserView[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    role: 'clerk' as Role,
    courtroom: '',
    password: '',
  });

  const load = useCallback(async () => {
    try {
      setUsers((await unwrap('auth:list-users', clerkApi().auth.listUsers({}))).users);
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (what: () => Promise<unknown>, ok: string) => {
    setMessage(null);
    try {
      await what();
      setMessage({ ok: true, text: ok });
      await load();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    void act(
      () =>
        unwrap(
          'auth:save-user',
          clerkApi().auth.saveUser({ ...form, courtOri: actor.courtOri, disabled: false }),
        ),
      `Account ${form.username} created.`,
    ).then(() => setForm((f) => ({ ...f, username: '', displayName: '', password: '' })));
  };

  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  return (
    <section className="panel" aria-labelledby="accounts-heading" data-testid="accounts">
      <h2 id="accounts-heading">Accounts</h2>
      {users && (
        <table className="accounts-table">
          <caption className="visually-hidden">Accounts on this workstation</caption>
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Court</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.userId}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{roleLabels[u.role]}</td>
                <td>{u.courtOri}</td>
                <td>
                  {u.disabled
                    ? 'Disabled'
                    : u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()
                      ? `Locked until ${new Date(u.lockedUntil).toLocaleTimeString()}`
                      : 'Active'}
                </td>
                <td>
                  {u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() && (
                    <button
                      type="button"
                      onClick={() =>
                        void act(
                          () =>
                            unwrap(
                              'auth:release-lockout',
                              clerkApi().auth.releaseLockout({ userId: u.userId }),
                            ),
                          `${u.username} may sign in again.`,
                        )
                      }
                    >
                      Release lock for {u.username}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={create} className="form-actions" aria-label="Add an account">
        <div className="field">
          <label htmlFor="new-username">User name</label>
          <input
            id="new-username"
            autoComplete="off"
            value={form.username}
            onChange={(e) => set('username')(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-display">Name</label>
          <input
            id="new-display"
            autoComplete="off"
            value={form.displayName}
            onChange={(e) => set('displayName')(e.target.value)}
          />
        </div>
        <div className="field field-narrow">
          <label htmlFor="new-role">Role</label>
          <select id="new-role" value={form.role} onChange={(e) => set('role')(e.target.value)}>
            {assignable(actor).map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor="new-courtroom">Courtroom</label>
          <input
            id="new-courtroom"
            autoComplete="off"
            value={form.courtroom}
            onChange={(e) => set('courtroom')(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-password">First password</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set('password')(e.target.value)}
          />
        </div>
        <button type="submit" disabled={form.username === '' || form.password === ''}>
          Add account
        </button>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'error-text'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
