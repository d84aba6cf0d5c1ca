/**
 * The CJIS figures the workstation and the registry both apply (reliability-security.md §4),
 * as pure data and functions so each side enforces the same numbers.
 *
 * - AC-7 (5.5.3): 5 consecutive failed sign-ins lock the account for 10 minutes.
 * - AC-11 (5.5.5): the session locks after inactivity, at most 30 minutes; 5 at the counter.
 * - IA-5(1) (5.6.2.1, legacy text): passwords of at least 8 characters, not the user name.
 */

/** Consecutive failures that lock an account. */
export const MAX_FAILED_SIGN_INS = 5;
/** How long a locked account stays locked (an administrator may release it earlier). */
export const LOCKOUT_MS = 10 * 60 * 1000;

export const IDLE_LOCK_DEFAULT_MINUTES = 5;
export const IDLE_LOCK_MIN_MINUTES = 1;
export const IDLE_LOCK_MAX_MINUTES = 30;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The sign-in counters kept per account. */
export type LockoutRecord = {
  readonly failedCount: number;
  /** Epoch ms until which sign-in is refused, or null. */
  readonly lockedUntil: number | null;
};

/** True while the account is locked out at `now`. */
export function isLockedOut(record: LockoutRecord, now: number): boolean {
  return record.lockedUntil !== null && now < record.lockedUntil;
}

/**
 * The counters after one failed attempt at `now`. The count restarts once an earlier lockout
 * has run out, so a user who waited gets five fresh attempts.
 */
export function afterFailure(record: LockoutRecord, now: number): LockoutRecord {
  const expired = record.lockedUntil !== null && now >= record.lockedUntil;
  const failedCount = (expired ? 0 : record.failedCount) + 1;
  return {
    failedCount,
    lockedUntil: failedCount >= MAX_FAILED_SIGN_INS ? now + LOCKOUT_MS : null,
  };
}

/** The counters after a successful sign-in (or an administrator's release). */
export const cleared: LockoutRecord = { failedCount: 0, lockedUntil: null };

/** Attempts left before a lockout, for the sign-in screen. */
export function attemptsLeft(record: LockoutRecord): number {
  return Math.max(0, MAX_FAILED_SIGN_INS - record.failedCount);
}

/** The idle-lock minutes to use for a configured value (whole minutes, 1…30; default 5). */
export function clampIdleMinutes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return IDLE_LOCK_DEFAULT_MINUTES;
  return Math.min(IDLE_LOCK_MAX_MINUTES, Math.max(IDLE_LOCK_MIN_MINUTES, Math.round(value)));
}

/** Why a new password is not acceptable, or undefined when it is. */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`;
  }
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) {
    return 'The password must not be the user name.';
  }
  if (/^(.)\1*$/.test(password)) return 'The password must not be one repeated character.';
  return undefined;
}
