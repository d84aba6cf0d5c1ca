/**
 * Known accounts for `npm start`'s demo mode and the end-to-end suite, one per role. They are
 * seeded ONLY into an empty account store of a workstation started with CLERK_DEMO=1 (by
 * `npm start` with its embedded registry) or of the e2e host (CLERK_E2E=1), and into a
 * registry started with `--demo-users`: a real workstation or registry never has them.
 * The passwords are public test data, printed by `npm start`.
 */
import type { Role } from './roles';

/** The demo court (the fixtures' DV court). */
export const DEMO_COURT = 'CA034999J';

/** One demo account: user name = role. */
export type DemoUser = {
  readonly username: Role;
  readonly password: string;
  readonly displayName: string;
  readonly courtroom: string;
};

/** clerk, courtroom, supervisor, admin. */
export const demoUsers: readonly DemoUser[] = [
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
