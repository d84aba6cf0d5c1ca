import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';

import type { Principal } from '../../../../shared/auth/principal';
import { roleLabels, roles, type Role } from '../../../../shared/auth/roles';
import type { UserView } from '../../../../shared/ipc/contracts/auth';
import { ActionsTableHead } from '../../../components/ActionsTableHead';
import { LabelledField } from '../../../components/LabelledField';
import { clerkApi, unwrap } from '../../../platform/clerk';

/** Roles a supervisor may give (the matrix: clerk and courtroom); an admin may give any. */
function assignable(actor: Principal): readonly Role[] {
  return actor.role === 'admin' ? roles : ['clerk', 'courtroom'];
}

const columns = ['User name', 'Name', 'Role', 'Court', 'Status'];

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
  // A text box of the new-account form; only the first password is typed as a password.
  const input = (key: 'username' | 'displayName' | 'courtroom' | 'password', id: string) => (
    <input
      id={id}
      type={key === 'password' ? 'password' : undefined}
      autoComplete={key === 'password' ? 'new-password' : 'off'}
      value={form[key]}
      onChange={(e) => set(key)(e.target.value)}
    />
  );

  return (
    <section className="panel" aria-labelledby="accounts-heading" data-testid="accounts">
      <h2 id="accounts-heading">Accounts</h2>
      {users && (
        <table className="accounts-table">
          <caption className="visually-hidden">Accounts on this workstation</caption>
          <ActionsTableHead columns={columns} />
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
        <LabelledField id="new-username" label="User name">
          {input('username', 'new-username')}
        </LabelledField>
        <LabelledField id="new-display" label="Name">
          {input('displayName', 'new-display')}
        </LabelledField>
        <LabelledField id="new-role" label="Role" width="narrow">
          <select id="new-role" value={form.role} onChange={(e) => set('role')(e.target.value)}>
            {assignable(actor).map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </LabelledField>
        <LabelledField id="new-courtroom" label="Courtroom" width="narrow">
          {input('courtroom', 'new-courtroom')}
        </LabelledField>
        <LabelledField id="new-password" label="First password">
          {input('password', 'new-password')}
        </LabelledField>
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
