/**
 * Cloning an order (CCPOR's "clone"): the new draft copies the parties, court and case. Whether
 * it also *replaces* the source is a legal fact the clerk confirms, not something to assume, so
 * the draft carries the source (`clonedFrom`) and a suggestion for `replaces` that the form shows
 * as a visible, changeable choice. The suggestion follows the order's life: an order after
 * hearing replaces the emergency or temporary order of its family; a renewal replaces the order
 * after hearing it renews.
 */
import type { OrderTypeEntry } from '../../../../shared/orders';

/** Draft value keys the clone adds beside the copied fields. */
export const CLONED_FROM = 'clonedFrom';
export const CLONED_FROM_LABEL = 'clonedFromLabel';
export const REPLACES = 'replaces';

/** True when an order of type `next` normally replaces one of type `source`. */
export function normallyReplaces(
  source: OrderTypeEntry | undefined,
  next: OrderTypeEntry,
): boolean {
  if (!source || source.family !== next.family) return false;
  if (next.phase === 'after-hearing') {
    return source.phase === 'emergency' || source.phase === 'temporary';
  }
  return next.phase === 'renewal' && source.phase === 'after-hearing';
}

/** The clone's link values: which order it came from, and whether it replaces that order. */
export function cloneLink(
  source: { readonly id: string; readonly orderType: string; readonly caseNumber: string },
  sourceEntry: OrderTypeEntry | undefined,
  next: OrderTypeEntry,
): Record<string, string> {
  return {
    [CLONED_FROM]: source.id,
    [CLONED_FROM_LABEL]: `${source.orderType} · case ${source.caseNumber}`,
    [REPLACES]: normallyReplaces(sourceEntry, next) ? source.id : '',
  };
}
