/**
 * reliability-security.md §5.2 transcribed by hand, independently of src/shared/auth/matrix.ts:
 * Y = ✓, N = ✗, C = ✓ only under the row's condition. The admin column and the workstation
 * rows are docs/security-roles.md's additions. Tests compare the code against this table.
 */
import type { Action } from '../../../../src/shared/auth/actions';
import type { Role } from '../../../../src/shared/auth/roles';

export type Mark = 'Y' | 'N' | 'C';

//                                  clerk courtroom supervisor admin
const rows: Record<Action, [Mark, Mark, Mark, Mark]> = {
  'session.unlock-own': ['Y', 'Y', 'Y', 'Y'],
  'draft.create': ['Y', 'C', 'Y', 'N'],
  'draft.edit-own': ['C', 'C', 'C', 'N'],
  'draft.edit-others': ['N', 'N', 'C', 'N'],
  'order.submit': ['Y', 'Y', 'Y', 'N'],
  'service.record': ['N', 'Y', 'Y', 'N'],
  'confidential.view': ['C', 'C', 'Y', 'N'],
  'registry.search': ['C', 'C', 'Y', 'N'],
  'order.change': ['Y', 'Y', 'Y', 'N'],
  'order.change-approve': ['N', 'N', 'C', 'N'],
  'correction.request': ['Y', 'Y', 'Y', 'N'],
  'correction.approve': ['N', 'N', 'C', 'N'],
  'order.void-request': ['N', 'N', 'C', 'N'],
  'order.void-approve': ['N', 'N', 'C', 'N'],
  'queue.work': ['N', 'N', 'Y', 'N'],
  'clets.force-resend': ['N', 'N', 'Y', 'N'],
  'report.export': ['N', 'N', 'Y', 'N'],
  'audit.view': ['N', 'N', 'Y', 'N'],
  'users.manage': ['N', 'N', 'C', 'C'],
  'record.hard-delete': ['N', 'N', 'N', 'N'],
  'audit.edit': ['N', 'N', 'N', 'N'],
  'device.use': ['Y', 'Y', 'Y', 'Y'],
  'device.configure': ['N', 'N', 'Y', 'Y'],
  'order.print': ['Y', 'Y', 'Y', 'N'],
  'workstation.configure': ['N', 'N', 'Y', 'Y'],
  'workstation.status': ['Y', 'Y', 'Y', 'Y'],
  'sync.run': ['Y', 'Y', 'Y', 'N'],
  'audit.append': ['Y', 'Y', 'Y', 'Y'],
  'calendar.manage': ['N', 'N', 'N', 'Y'],
};

const order: Role[] = ['clerk', 'courtroom', 'supervisor', 'admin'];

/** The expected mark of one cell. */
export function expectedMark(action: Action, role: Role): Mark {
  return rows[action][order.indexOf(role)] ?? 'N';
}

/**
 * A scope under which the conditional cell (action, role) holds, for an actor `actorId` of
 * court `court`; each key of it is a fact whose removal must turn the answer into "no".
 */
export function satisfyingScope(
  action: Action,
  role: Role,
  actorId: string,
  court: string,
): Record<string, unknown> {
  switch (action) {
    case 'draft.create':
      return { ownCourtroom: true };
    case 'draft.edit-own':
      return { entryAuthor: actorId };
    case 'draft.edit-others':
    case 'order.change-approve':
    case 'correction.approve':
    case 'order.void-approve':
      return { entryAuthor: 'someone-else' };
    case 'confidential.view':
      return role === 'clerk' ? { keying: true } : { onCalendar: true };
    case 'registry.search':
      return role === 'clerk' ? { searchBy: 'case-number' } : { onCalendar: true };
    case 'order.void-request':
      return { reasonGiven: true };
    case 'users.manage':
      return role === 'admin'
        ? { targetUserId: 'another-user', targetCourt: 'CA999999J' }
        : { targetUserId: 'another-user', assignedRole: 'clerk', targetCourt: court };
    default:
      return {};
  }
}
