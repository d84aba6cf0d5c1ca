/**
 * Every action the role matrix decides, as data: its id, what it means, and the row of
 * reliability-security.md §5.2 it comes from (or "workstation" for the actions the matrix does
 * not list but the workstation needs: device set-up, printing, the idle-lock setting, sync;
 * "registry" for registry administration: the court calendar).
 *
 * Ids are `domain.verb`; channels (channelActions.ts), registry routes and mutation kinds map
 * onto these ids, never onto roles directly.
 */
export const actionList = [
  {
    id: 'session.unlock-own',
    row: 'Log in / unlock own session',
    means: 'Sign in, unlock, change one’s own password, sign out.',
  },
  {
    id: 'draft.create',
    row: 'Create draft order from paper; scan/attach pages',
    means: 'Start a draft, scan or attach its pages, read a licence into it.',
  },
  { id: 'draft.edit-own', row: 'Edit own draft before submit', means: 'Change a draft one keyed.' },
  {
    id: 'draft.edit-others',
    row: 'Edit another user’s draft',
    means: 'Change a draft someone else keyed.',
  },
  {
    id: 'order.submit',
    row: 'Submit draft to outbox (attest that it matches the signed order)',
    means: 'Attest and queue an order for the registry.',
  },
  {
    id: 'service.record',
    row: 'Record "served in court" / proof of service',
    means: 'Record how the restrained person was served.',
  },
  {
    id: 'confidential.view',
    row: 'View CLETS-001 confidential victim locating data',
    means: 'See the protected person’s locating data.',
  },
  { id: 'registry.search', row: 'Search the registry', means: 'Find and open orders.' },
  {
    id: 'order.change',
    row: 'Modify/extend/terminate a transmitted order (new signed order)',
    means: 'Key the change a new signed order makes.',
  },
  {
    id: 'order.change-approve',
    row: 'Modify/extend/terminate a transmitted order (new signed order)',
    means: 'Second-person check of a change before it is relayed.',
  },
  {
    id: 'correction.request',
    row: 'Correct a keying error on a transmitted order',
    means: 'Ask for a keying error to be corrected.',
  },
  {
    id: 'correction.approve',
    row: 'Correct a keying error on a transmitted order',
    means: 'Approve someone else’s correction.',
  },
  {
    id: 'order.void-request',
    row: 'Void an erroneous entry',
    means: 'Propose voiding an entry, with a reason.',
  },
  {
    id: 'order.void-approve',
    row: 'Void an erroneous entry',
    means: 'Second supervisor’s approval of a void.',
  },
  {
    id: 'queue.work',
    row: 'Work the rejection/conflict queue',
    means: 'Review rejections and conflicts, return work to a clerk.',
  },
  { id: 'clets.force-resend', row: 'Force re-send to CLETS', means: 'Send a transaction again.' },
  {
    id: 'report.export',
    row: 'Reports, bulk export',
    means: 'Daily report, bulk export (court-scoped, watermarked).',
  },
  { id: 'audit.view', row: 'View audit log', means: 'Read the court’s audit trail.' },
  {
    id: 'users.manage',
    row: 'Manage users/roles',
    means: 'Create users, assign roles, release a lockout.',
  },
  {
    id: 'record.hard-delete',
    row: 'Hard delete anything, or edit audit records',
    means: 'Delete a record for good.',
  },
  {
    id: 'audit.edit',
    row: 'Hard delete anything, or edit audit records',
    means: 'Change or delete an audit record.',
  },
  {
    id: 'device.use',
    row: 'workstation',
    means: 'List and check printers, scanners and readers; test page; test scan.',
  },
  {
    id: 'device.configure',
    row: 'workstation',
    means: 'Add, change or remove printers and scanners.',
  },
  {
    id: 'order.print',
    row: 'workstation',
    means: 'Print service packets; see and manage print jobs.',
  },
  {
    id: 'workstation.configure',
    row: 'workstation',
    means: 'Idle-lock time, registry address, enrolment.',
  },
  {
    id: 'workstation.status',
    row: 'workstation',
    means: 'See the registry link status.',
  },
  {
    id: 'sync.run',
    row: 'workstation',
    means: 'Send queued work to the registry and fetch its changes.',
  },
  {
    id: 'audit.append',
    row: 'workstation',
    means: 'Record an audit event about one’s own work; hand events to the outbox.',
  },
  {
    id: 'calendar.manage',
    row: 'registry',
    means: 'Read and replace the registry’s court calendar (closures, close of business).',
  },
] as const;

/** An action id. */
export type Action = (typeof actionList)[number]['id'];

/** Every action id, in matrix order. */
export const actions: readonly Action[] = actionList.map((a) => a.id);

/** True for a known action id (input from the renderer and the network is checked). */
export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (actions as readonly string[]).includes(value);
}
