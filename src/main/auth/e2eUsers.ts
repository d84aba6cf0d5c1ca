/**
 * Known accounts for the end-to-end suite. Seeded ONLY when the host runs with CLERK_E2E=1 and
 * the account file is empty: a real workstation never has them.
 */
import type { Role } from '../../shared/auth/roles';

/** The e2e court (the fixtures' DV court). */
export const E2E_COURT = 'CA034999J';

/** user name = role; passwords are public test data. */
export const e2eUsers: readonly {
  readonly username: Role;
  readonly password: string;
  readonly displayName: string;
  readonly courtroom: string;
}[] = [
  { username: 'clerk', password: 'clerk-e2e-pass', displayName: 'Casey Clerk', courtroom: '' },
  {
    username: 'courtroom',
    password: 'courtroom-e2e-pass',
    displayName: 'Robin Courtroom',
    courtroom: 'Dept 12',
  },
  {
    username: 'supervisor',
    password: 'supervisor-e2e-pass',
    displayName: 'Sam Supervisor',
    courtroom: '',
  },
  { username: 'admin', password: 'admin-e2e-pass', displayName: 'Alex Admin', courtroom: '' },
];
