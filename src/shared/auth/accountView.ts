/**
 * An account as shown outside its store (no password hash; lock time as ISO text): the same view
 * for the workstation's accounts (`auth:list-users`) and the registry's (`/v1/users`).
 */
import type { Role } from './roles';

/** What both account stores keep that the view shows. */
export type AccountRecord = {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly courtOri: string;
  readonly courtroom: string;
  readonly disabled: boolean;
  readonly failedCount: number;
  /** Epoch ms until which sign-in is refused, or null. */
  readonly lockedUntil: number | null;
};

/** The account's public view. */
export function accountView(u: AccountRecord) {
  return {
    userId: u.userId,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    courtOri: u.courtOri,
    courtroom: u.courtroom,
    disabled: u.disabled,
    failedSignIns: u.failedCount,
    lockedUntil: u.lockedUntil === null ? null : new Date(u.lockedUntil).toISOString(),
  };
}
