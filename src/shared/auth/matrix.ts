/**
 * The role matrix of reliability-security.md §5.2 as data: one cell per (action, role).
 *
 * A cell is `deny`, `allow`, or `allow when` a list of conditions that must ALL hold for the
 * resource at hand (conditions.ts). Every allowed cell is also limited to the actor's own court
 * unless it says `anyCourt`. Anything not written here is denied (decide.ts).
 */
import type { Action } from './actions';
import type { Condition } from './conditions';
import type { Role } from './roles';

/** One cell of the matrix. */
export type Cell =
  | { readonly allow: false }
  | {
      readonly allow: true;
      /** All must hold (a missing fact counts as not holding). */
      readonly when?: readonly Condition[];
      /** The court scope does not apply (admin account management only). */
      readonly anyCourt?: true;
    };

const deny: Cell = { allow: false };
const allow: Cell = { allow: true };
const when = (...conditions: Condition[]): Cell => ({ allow: true, when: conditions });

/** The matrix: a row per action, a cell per role. */
export const roleMatrix: Readonly<Record<Action, Readonly<Record<Role, Cell>>>> = {
  'session.unlock-own': { clerk: allow, courtroom: allow, supervisor: allow, admin: allow },
  'draft.create': {
    clerk: allow,
    courtroom: when('own-courtroom'),
    supervisor: allow,
    admin: deny,
  },
  'draft.edit-own': {
    clerk: when('own-entry'),
    courtroom: when('own-entry'),
    supervisor: when('own-entry'),
    admin: deny,
  },
  'draft.edit-others': {
    clerk: deny,
    courtroom: deny,
    supervisor: when('not-own-entry'),
    admin: deny,
  },
  'order.submit': { clerk: allow, courtroom: allow, supervisor: allow, admin: deny },
  'service.record': { clerk: deny, courtroom: allow, supervisor: allow, admin: deny },
  'confidential.view': {
    clerk: when('keying-or-correcting'),
    courtroom: when('on-own-calendar'),
    supervisor: allow,
    admin: deny,
  },
  'registry.search': {
    clerk: when('by-case-number'),
    courtroom: when('on-own-calendar'),
    supervisor: allow,
    admin: deny,
  },
  'order.change': { clerk: allow, courtroom: allow, supervisor: allow, admin: deny },
  'order.change-approve': {
    clerk: deny,
    courtroom: deny,
    supervisor: when('not-own-entry'),
    admin: deny,
  },
  'correction.request': { clerk: allow, courtroom: allow, supervisor: allow, admin: deny },
  'correction.approve': {
    clerk: deny,
    courtroom: deny,
    supervisor: when('not-own-entry'),
    admin: deny,
  },
  'order.void-request': {
    clerk: deny,
    courtroom: deny,
    supervisor: when('reason-given'),
    admin: deny,
  },
  'order.void-approve': {
    clerk: deny,
    courtroom: deny,
    supervisor: when('not-own-entry'),
    admin: deny,
  },
  'queue.work': { clerk: deny, courtroom: deny, supervisor: allow, admin: deny },
  'clets.force-resend': { clerk: deny, courtroom: deny, supervisor: allow, admin: deny },
  'report.export': { clerk: deny, courtroom: deny, supervisor: allow, admin: deny },
  'audit.view': { clerk: deny, courtroom: deny, supervisor: allow, admin: deny },
  'users.manage': {
    clerk: deny,
    courtroom: deny,
    supervisor: when('not-self', 'assigns-counter-roles'),
    admin: { allow: true, when: ['not-self'], anyCourt: true },
  },
  // "Hard delete anything, or edit audit records": nobody, not even admin.
  'record.hard-delete': { clerk: deny, courtroom: deny, supervisor: deny, admin: deny },
  'audit.edit': { clerk: deny, courtroom: deny, supervisor: deny, admin: deny },
  // Workstation actions (not rows of §5.2; least privilege, see docs/security-roles.md).
  'device.use': { clerk: allow, courtroom: allow, supervisor: allow, admin: allow },
  'device.configure': { clerk: deny, courtroom: deny, supervisor: allow, admin: allow },
  'order.print': { clerk: allow, courtroom: allow, supervisor: allow, admin: deny },
  'workstation.configure': { clerk: deny, courtroom: deny, supervisor: allow, admin: allow },
  'workstation.status': { clerk: allow, courtroom: allow, supervisor: allow, admin: allow },
  'sync.run': { clerk: allow, courtroom: allow, supervisor: allow, admin: deny },
  'audit.append': { clerk: allow, courtroom: allow, supervisor: allow, admin: allow },
  // Registry administration (docs/registry-api.md "Court calendar"): the court closures and
  // close of business every workstation and the relay compute deadlines with.
  'calendar.manage': { clerk: deny, courtroom: deny, supervisor: deny, admin: allow },
};

/**
 * Actions whose SUCCESS is recorded too (denials always are): sign-ins, views of confidential
 * data, changes, submissions, prints, audit reads and account changes (CJIS 5.4.1.1, R-AUD-5).
 */
export const auditedOnSuccess: ReadonlySet<Action> = new Set<Action>([
  'session.unlock-own',
  'draft.edit-others',
  'order.submit',
  'service.record',
  'confidential.view',
  'registry.search',
  'order.change',
  'order.change-approve',
  'correction.request',
  'correction.approve',
  'order.void-request',
  'order.void-approve',
  'queue.work',
  'clets.force-resend',
  'report.export',
  'audit.view',
  'users.manage',
  'device.configure',
  'order.print',
  'workstation.configure',
  'calendar.manage',
]);
