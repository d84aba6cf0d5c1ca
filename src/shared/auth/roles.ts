/**
 * The four roles of the workstation and the registry (issue 9, reliability-security.md §5.2).
 *
 * clerk, courtroom and supervisor are the matrix's three columns; admin is the separate
 * account-administration role ("admin role separate"): it manages users and workstation setup
 * and, by least privilege, touches no order data.
 */
export const roles = ['clerk', 'courtroom', 'supervisor', 'admin'] as const;

/** One of the four roles. */
export type Role = (typeof roles)[number];

/** Words a clerk reads on screen for each role. */
export const roleLabels: Readonly<Record<Role, string>> = {
  clerk: 'Counter clerk',
  courtroom: 'Courtroom staff',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};

/** True for a known role name (input from files, headers and the database is checked). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
