/**
 * Which matrix action each registry mutation kind performs, as data (the registry's push path
 * and the workstation's sync use it). A kind missing here is refused.
 */
import type { Action } from './actions';

/** Mutation kind → action. */
export const kindActions: Readonly<Record<string, Action>> = {
  'order.submit': 'order.submit',
  'order.modify': 'order.change',
  'service.record': 'service.record',
  'audit.append': 'audit.append',
};

/** The action of a kind, or undefined (refuse). */
export function kindAction(kind: string): Action | undefined {
  return Object.prototype.hasOwnProperty.call(kindActions, kind) ? kindActions[kind] : undefined;
}
