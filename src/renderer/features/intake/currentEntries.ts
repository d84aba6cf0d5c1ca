import { orderTypeAt, orderTypeCodes } from '../../../shared/orders';
import type { OrderTypeEntry } from '../../../shared/orders';
import { zonedDateOf } from '../../../shared/time';

/** The version of each order type in force today (Pacific), in catalog order. */
export function currentEntries(now = new Date().toISOString()): OrderTypeEntry[] {
  const today = zonedDateOf(now);
  return orderTypeCodes.flatMap((code) => {
    const e = orderTypeAt(code, today);
    return e ? [e] : [];
  });
}

export function entryFor(code: string, at = new Date().toISOString()): OrderTypeEntry | undefined {
  return orderTypeAt(code, zonedDateOf(at));
}
