/**
 * The conditions a matrix cell can put on an allowed action, and the facts they read.
 *
 * Deny by default: a condition whose fact is missing from the scope does not hold. A caller
 * that does not know whether the order is on the user's calendar gets "no".
 */
import type { Role } from './roles';

/** What is known about the resource an action touches (all optional; missing = unknown). */
export type AccessScope = {
  /** Who is acting (user id) and the court (ORI) their account belongs to. */
  readonly actorId?: string;
  readonly actorCourt?: string;
  /** The court (ORI) of the resource; absent = the actor's own court. */
  readonly targetCourt?: string;
  /** Who keyed or proposed the entry being acted on (user id). */
  readonly entryAuthor?: string;
  /** The actor is keying or correcting this very order now. */
  readonly keying?: boolean;
  /** The case is on the calendar of the actor's courtroom. */
  readonly onCalendar?: boolean;
  /** The order is issued in the actor's courtroom. */
  readonly ownCourtroom?: boolean;
  /** How a search looks things up. */
  readonly searchBy?: 'case-number' | 'order-id' | 'name' | 'dob' | 'licence' | 'fcn';
  /** A void carries the reason for it. */
  readonly reasonGiven?: boolean;
  /** Account management: whose account, its current role and the role being given. */
  readonly targetUserId?: string;
  readonly targetCurrentRole?: Role;
  readonly assignedRole?: Role;
};

/** The condition names a cell may use. */
export type Condition =
  | 'own-entry'
  | 'not-own-entry'
  | 'keying-or-correcting'
  | 'on-own-calendar'
  | 'own-courtroom'
  | 'by-case-number'
  | 'reason-given'
  | 'not-self'
  | 'assigns-counter-roles';

const counterRoles: ReadonlySet<Role> = new Set<Role>(['clerk', 'courtroom']);

/** Each condition as a pure test of actor and scope, with the reason shown when it fails. */
export const conditionRules: Readonly<
  Record<Condition, { test(scope: AccessScope): boolean; failing: string }>
> = {
  'own-entry': {
    test: (s) => s.entryAuthor !== undefined && s.entryAuthor === s.actorId,
    failing: 'it is not your own entry',
  },
  'not-own-entry': {
    test: (s) =>
      s.entryAuthor !== undefined && s.actorId !== undefined && s.entryAuthor !== s.actorId,
    failing: 'a second person must do this: it cannot be done on your own entry',
  },
  'keying-or-correcting': {
    test: (s) => s.keying === true,
    failing: 'you are not keying or correcting this order',
  },
  'on-own-calendar': {
    test: (s) => s.onCalendar === true,
    failing: 'the case is not on your courtroom’s calendar',
  },
  'own-courtroom': {
    test: (s) => s.ownCourtroom === true,
    failing: 'the order is not issued in your courtroom',
  },
  'by-case-number': {
    test: (s) => s.searchBy === 'case-number' || s.searchBy === 'order-id',
    failing: 'your role searches by case number only',
  },
  'reason-given': {
    test: (s) => s.reasonGiven === true,
    failing: 'a reason is required',
  },
  'not-self': {
    test: (s) =>
      s.targetUserId !== undefined && s.actorId !== undefined && s.targetUserId !== s.actorId,
    failing: 'nobody changes their own account’s role or access (no self-elevation)',
  },
  'assigns-counter-roles': {
    test: (s) =>
      s.assignedRole !== undefined &&
      counterRoles.has(s.assignedRole) &&
      (s.targetCurrentRole === undefined || counterRoles.has(s.targetCurrentRole)),
    failing: 'supervisors manage clerk and courtroom accounts only; ask an administrator',
  },
};
