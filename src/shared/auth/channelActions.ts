/**
 * What each IPC channel needs, as data: public (no sign-in), or a signed-in user whose role
 * the matrix allows the channel's action. The dispatcher refuses a channel missing here.
 *
 * - `gate: 'matrix'` (default): the dispatcher decides with the actor's own court as the scope;
 *   conditional cells (own entry, on calendar, …) are refused there, as their facts are unknown.
 * - `gate: 'role'`: the dispatcher only checks the role may ever do the action; the handler
 *   (which knows the resource) must decide with the full scope.
 * - `whileLocked`: also allowed while the session is locked (background work that shows
 *   nothing: sync, the audit hand-over).
 */
import type { InvokeChannel } from '../ipc/channels';

import type { Action } from './actions';

export type ChannelRule =
  | { readonly access: 'public' }
  | {
      readonly access: 'signed-in';
      readonly action: Action;
      readonly gate?: 'matrix' | 'role';
      readonly whileLocked?: true;
    };

const open: ChannelRule = { access: 'public' };
const needs = (action: Action, extra: { gate?: 'role'; whileLocked?: true } = {}): ChannelRule => ({
  access: 'signed-in',
  action,
  ...extra,
});

/** One rule per channel. */
export const channelActions: Readonly<Partial<Record<InvokeChannel, ChannelRule>>> = {
  'app:get-info': open,
  'status:get-summary': open,

  'auth:get-session': open,
  'auth:sign-in': open,
  'auth:unlock-session': open,
  'auth:sign-out': open,
  'auth:lock-session': needs('session.unlock-own', { whileLocked: true }),
  'auth:touch-session': needs('session.unlock-own'),
  'auth:change-password': needs('session.unlock-own'),
  'auth:check-access': needs('session.unlock-own'),
  'auth:list-users': needs('users.manage', { gate: 'role' }),
  'auth:save-user': needs('users.manage', { gate: 'role' }),
  'auth:release-lockout': needs('users.manage', { gate: 'role' }),
  'auth:set-idle-lock': needs('workstation.configure'),

  'audit:record-event': needs('audit.append'),
  'audit:list-pending': needs('audit.append', { whileLocked: true }),
  'audit:confirm-queued': needs('audit.append', { whileLocked: true }),
  'audit:list-events': needs('audit.view'),

  'print:list-printers': needs('device.use'),
  'print:check-printer': needs('device.use'),
  'print:print-test-page': needs('device.use'),
  'print:save-printer': needs('device.configure'),
  'print:delete-printer': needs('device.configure'),
  'print:build-packet': needs('order.print'),
  'print:print-packets': needs('order.print'),
  'print:list-jobs': needs('order.print'),
  'print:retry-job': needs('order.print'),
  'print:cancel-job': needs('order.print'),
  'print:list-records': needs('order.print'),

  'scanner:list-scanners': needs('device.use'),
  'scanner:get-capabilities': needs('device.use'),
  'scanner:test-scan': needs('device.use'),
  'scanner:save-scanner': needs('device.configure'),
  'scanner:delete-scanner': needs('device.configure'),
  'scanner:save-defaults': needs('device.configure'),
  'scanner:save-sane-setup': needs('device.configure'),
  'scanner:discover-scanners': needs('device.configure'),
  // Scanning pages is part of creating a draft; courtroom staff may do so for their courtroom,
  // which the scanner cannot know, so the role is checked here and the courtroom at submit.
  'scanner:start-batch': needs('draft.create', { gate: 'role' }),
  'scanner:cancel-batch': needs('draft.create', { gate: 'role' }),
  'scanner:get-batch': needs('draft.create', { gate: 'role' }),
  'pages:rotate-page': needs('draft.create', { gate: 'role' }),
  'pages:detect-blank': needs('draft.create', { gate: 'role' }),

  'licence:list-readers': needs('device.use'),
  'licence:open-reader': needs('draft.create', { gate: 'role' }),
  'licence:close-reader': needs('draft.create', { gate: 'role' }),
  'licence:parse-payload': needs('draft.create', { gate: 'role' }),
  'licence:decode-image': needs('draft.create', { gate: 'role' }),

  'sync:get-status': needs('workstation.status', { whileLocked: true }),
  'sync:set-registry': needs('workstation.configure'),
  'sync:enrol-workstation': needs('workstation.configure'),
  'sync:push-batch': needs('sync.run', { whileLocked: true }),
  'sync:upload-page': needs('sync.run', { whileLocked: true }),
  'sync:pull-changes': needs('sync.run', { whileLocked: true }),

  // CLETS deadlines: the state of the court's queued work on its way to CLETS. `sync.run` has
  // the right columns (clerk, courtroom, supervisor: those who submit orders answer for the
  // one-court-day deadline; admin touches no order data) with no condition, so the matrix gate
  // decides with the court as scope. Not `order.submit`, which is audited on success: a panel
  // refreshed every minute must not flood the audit trail. Not while locked: it shows case data.
  'clets:list-deadlines': needs('sync.run'),

  // Supervisors' review: the registry decides "never one's own entry" with the full scope.
  'review:get-day': needs('queue.work'),
  'review:return-order': needs('queue.work'),
  'review:decide-approval': needs('correction.approve', { gate: 'role' }),
  'review:request-void': needs('order.void-request', { gate: 'role' }),

  // The daily report: supervisors only; `report.export` is audited on success by the gate.
  'report:build-daily': needs('report.export'),

  // The Search page: clerks may search the registry by case number or order id only, which the
  // dispatcher cannot see, so the role is checked here and the full scope in src/main/search.
  'search:search-registry': needs('registry.search', { gate: 'role' }),
  'search:get-order': needs('registry.search', { gate: 'role' }),
  'search:get-history': needs('registry.search', { gate: 'role' }),
  'search:get-page': needs('registry.search', { gate: 'role' }),

  // The court's closures and close of business (for expiry and due-by): public court facts,
  // not confidential, so any signed-in role (`workstation.status` is every role's, unaudited).
  'calendar:get-court-rules': needs('workstation.status'),
};

/** The rule for a channel; undefined means "not declared", which every gate refuses. */
export function channelRule(channel: string): ChannelRule | undefined {
  return Object.prototype.hasOwnProperty.call(channelActions, channel)
    ? channelActions[channel as InvokeChannel]
    : undefined;
}
