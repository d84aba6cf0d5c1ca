/**
 * The one pure decision every enforcement point uses: the workstation's IPC gate, its handlers,
 * the registry's route guard and its push path. Deny by default.
 */
import { actionList, isAction, type Action } from './actions';
import { conditionRules, type AccessScope } from './conditions';
import { roleMatrix } from './matrix';
import { isRole, roleLabels, type Role } from './roles';

/** Allowed, or refused with a reason a clerk can read. */
export type Decision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const meaning = new Map<string, string>(actionList.map((a) => [a.id, a.means]));

function refuse(reason: string): Decision {
  return { allowed: false, reason };
}

/** The decision for `role` doing `action` on the resource described by `scope`. */
export function decide(role: unknown, action: unknown, scope: AccessScope = {}): Decision {
  if (!isRole(role)) return refuse('You are not signed in with a known role.');
  if (!isAction(action)) return refuse(`"${String(action)}" is not an action this system knows.`);
  const cell = roleMatrix[action][role];
  const what = (meaning.get(action) ?? action).replace(/\.$/, '').toLowerCase();
  if (!cell.allow) return refuse(`A ${roleLabels[role].toLowerCase()} may not ${what}.`);
  if (!cell.anyCourt) {
    if (!scope.actorCourt) return refuse('Your account has no court, so it may not do this.');
    if (scope.targetCourt !== undefined && scope.targetCourt !== scope.actorCourt) {
      return refuse(
        `This belongs to court ${scope.targetCourt}; you work for ${scope.actorCourt}.`,
      );
    }
  }
  for (const condition of cell.when ?? []) {
    const rule = conditionRules[condition];
    if (!rule.test(scope)) return refuse(`Not allowed: ${rule.failing}.`);
  }
  return { allowed: true };
}

/** True when the matrix allows `role` to do `action` on the resource described by `scope`. */
export function isAllowed(role: Role, action: Action, scope: AccessScope = {}): boolean {
  return decide(role, action, scope).allowed;
}

/**
 * True when some resource exists on which `role` may do `action` (the cell is not a plain ✗).
 * Used by gates that cannot see the resource; the handler then decides with the full scope.
 */
export function mayAttempt(role: Role, action: Action): boolean {
  return roleMatrix[action][role].allow;
}
