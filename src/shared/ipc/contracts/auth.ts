/**
 * Contract of the `auth` and `audit` domains: sign-in, the idle lock, accounts, and the
 * workstation's audit journal (issue 9; docs/security-roles.md).
 *
 * Main owns the session: the renderer learns its state from `auth:get-session` and the
 * `auth:session-changed` event, and every other channel is checked in main against the role
 * matrix (src/shared/auth). Renderer-side checks are cosmetic only (R-EL-5).
 */
import { z } from 'zod';

import { actions } from '../../auth/actions';
import {
  auditOutcomes,
  auditSubjectSchema,
  workstationAuditEventSchema,
} from '../../auth/auditEvent';
import {
  IDLE_LOCK_MAX_MINUTES,
  IDLE_LOCK_MIN_MINUTES,
  PASSWORD_MAX_LENGTH,
} from '../../auth/policy';
import { principalSchema, usernameSchema } from '../../auth/principal';
import { roles } from '../../auth/roles';

const noInput = z.object({}).strict();
const password = z.string().min(1, 'Enter the password.').max(PASSWORD_MAX_LENGTH);
const courtOri = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{5,12}$/, 'A court ORI is 5–12 capital letters or digits, e.g. CA034999J.');

/** What the renderer may know about the session. */
export const sessionViewSchema = z.object({
  /** signed-out: sign-in screen; locked: lock screen (nothing of the app rendered); active. */
  state: z.enum(['signed-out', 'active', 'locked']),
  user: principalSchema.nullable(),
  lockedReason: z.enum(['idle', 'manual']).nullable(),
  idleLockMinutes: z.number().int().min(IDLE_LOCK_MIN_MINUTES).max(IDLE_LOCK_MAX_MINUTES),
  /** This workstation's id, shown on the sign-in screen and written into every audit event. */
  workstationId: z.string(),
  /** Main's seal of the signed-in user, stamped on the outbox rows they make (actorSeal.ts). */
  actorSeal: z.string().optional(),
});

export const signInInputSchema = z
  .object({ username: z.string().trim().min(1, 'Enter your user name.').max(64), password })
  .strict();

export const unlockInputSchema = z.object({ password }).strict();

export const changePasswordInputSchema = z.object({ current: password, next: password }).strict();

/** Facts about the resource, for `auth:check-access` (see src/shared/auth/conditions.ts). */
export const accessScopeInputSchema = z
  .object({
    targetCourt: z.string().max(12).optional(),
    entryAuthor: z.string().max(64).optional(),
    keying: z.boolean().optional(),
    onCalendar: z.boolean().optional(),
    ownCourtroom: z.boolean().optional(),
    searchBy: z.enum(['case-number', 'order-id', 'name', 'dob', 'licence', 'fcn']).optional(),
    reasonGiven: z.boolean().optional(),
    targetUserId: z.string().max(64).optional(),
    targetCurrentRole: z.enum(roles).optional(),
    assignedRole: z.enum(roles).optional(),
  })
  .strict();

export const checkAccessInputSchema = z
  .object({
    action: z.enum(actions),
    scope: accessScopeInputSchema.default({}),
    /** Recorded with the decision (ids only, never names). */
    subject: auditSubjectSchema.optional(),
  })
  .strict();

export const checkAccessOutputSchema = z.object({
  allowed: z.boolean(),
  reason: z.string().optional(),
});

/** An account as an administrator or supervisor sees it (never the password hash). */
export const userViewSchema = principalSchema.extend({
  disabled: z.boolean(),
  failedSignIns: z.number().int().min(0),
  /** ISO time until which sign-in is refused, or null. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const saveUserInputSchema = z
  .object({
    /** Absent: create a new account (then `password` is required). */
    userId: z.string().max(64).optional(),
    username: usernameSchema,
    displayName: z.string().trim().max(100).default(''),
    role: z.enum(roles),
    courtOri,
    courtroom: z.string().trim().max(40).default(''),
    password: password.optional(),
    disabled: z.boolean().default(false),
  })
  .strict();

export const idleLockInputSchema = z
  .object({
    minutes: z
      .number()
      .int('Whole minutes only.')
      .min(IDLE_LOCK_MIN_MINUTES, `At least ${IDLE_LOCK_MIN_MINUTES} minute.`)
      .max(IDLE_LOCK_MAX_MINUTES, `At most ${IDLE_LOCK_MAX_MINUTES} minutes (CJIS 5.5.5).`),
  })
  .strict();

export const authContract = {
  'auth:get-session': { input: noInput, output: sessionViewSchema },
  'auth:sign-in': { input: signInInputSchema, output: sessionViewSchema },
  'auth:unlock-session': { input: unlockInputSchema, output: sessionViewSchema },
  'auth:sign-out': { input: noInput, output: sessionViewSchema },
  'auth:lock-session': {
    input: z.object({ reason: z.enum(['idle', 'manual']).default('manual') }).strict(),
    output: sessionViewSchema,
  },
  'auth:touch-session': { input: noInput, output: sessionViewSchema },
  'auth:change-password': { input: changePasswordInputSchema, output: sessionViewSchema },
  'auth:check-access': { input: checkAccessInputSchema, output: checkAccessOutputSchema },
  'auth:list-users': { input: noInput, output: z.object({ users: z.array(userViewSchema) }) },
  'auth:save-user': { input: saveUserInputSchema, output: userViewSchema },
  'auth:release-lockout': {
    input: z.object({ userId: z.string().min(1).max(64) }).strict(),
    output: userViewSchema,
  },
  'auth:set-idle-lock': { input: idleLockInputSchema, output: sessionViewSchema },
} as const;

export const authEvents = {
  'auth:session-changed': sessionViewSchema,
} as const;

/** What the renderer may record itself (main adds who, when and where). */
export const recordEventInputSchema = z
  .object({
    action: z.enum(actions),
    outcome: z.enum(auditOutcomes),
    subject: auditSubjectSchema.optional(),
    reason: z.string().max(300).optional(),
  })
  .strict();

export const auditContract = {
  'audit:record-event': {
    input: recordEventInputSchema,
    output: z.object({ seq: z.number().int() }),
  },
  /** Journal events not yet written to the outbox, oldest first. */
  'audit:list-pending': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ events: z.array(workstationAuditEventSchema) }),
  },
  /** The renderer wrote every pending event up to `upToSeq` into the outbox. */
  'audit:confirm-queued': {
    input: z.object({ upToSeq: z.number().int().min(1) }).strict(),
    output: z.object({ queuedUpTo: z.number().int().min(0) }),
  },
  /** This workstation's journal, newest first (supervisors). */
  'audit:list-events': {
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeSeq: z.number().int().min(1).optional(),
      })
      .strict(),
    output: z.object({ events: z.array(workstationAuditEventSchema) }),
  },
} as const;

export const auditEvents = {} as const;

export type SessionView = z.infer<typeof sessionViewSchema>;
export type UserView = z.infer<typeof userViewSchema>;
export type SaveUserInput = z.infer<typeof saveUserInputSchema>;
export type CheckAccessInput = z.infer<typeof checkAccessInputSchema>;
