/**
 * The expiry the order will get, worked out while the clerk keys the dates (issue 4 item 2:
 * "the computed expiry shown with the rule that produced it"), so a wrong issue or hearing date
 * shows up in the Dates section rather than only on review.
 */
import type { CourtRules } from '../../../../shared/ipc/contracts/calendar';
import { deriveExpiry } from '../../../../shared/orders';
import { courtDateTime } from '../../../app/courtTime';

/** What the Dates section says about the expiry right now. */
export type ExpiryPreview =
  | { readonly state: 'waiting'; readonly text: string }
  | { readonly state: 'computed'; readonly text: string; readonly explanation: string }
  | { readonly state: 'problem'; readonly text: string };

/** The expiry input the built order carries (see `valuesToOrder`). */
type DatesOf = {
  readonly orderType?: unknown;
  readonly issuedAt?: unknown;
  readonly hearingAt?: unknown;
  readonly expiration?: unknown;
};

type ExpiryInput = Parameters<typeof deriveExpiry>[0];

/** The expiration choice when it is complete enough to compute from, else null. */
function expirationOf(value: unknown): ExpiryInput['expiration'] | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as { kind?: unknown; at?: unknown; date?: unknown };
  if (e.kind === 'unspecified' || e.kind === 'none') return { kind: e.kind };
  if (e.kind === 'at' && typeof e.at === 'string') return { kind: 'at', at: e.at };
  if (e.kind === 'date' && typeof e.date === 'string') return { kind: 'date', date: e.date };
  return null;
}

/**
 * The computed expiry of a built (possibly incomplete) order: waiting while the dates it
 * depends on are missing, the expiry and its rule once computable, or why it cannot be.
 * `rules`: the court's closures and close of business (an EPO's 5th court day counts them).
 */
export function expiryPreview(order: DatesOf, rules?: CourtRules): ExpiryPreview {
  const expiration = expirationOf(order.expiration);
  if (typeof order.orderType !== 'string' || typeof order.issuedAt !== 'string') {
    return { state: 'waiting', text: 'Enter the issued date and time to see the expiry.' };
  }
  if (!expiration) {
    return { state: 'waiting', text: 'Enter the expiry written on the order to check it.' };
  }
  const input: ExpiryInput = {
    orderType: order.orderType,
    issuedAt: order.issuedAt,
    ...(typeof order.hearingAt === 'string' ? { hearingAt: order.hearingAt } : {}),
    expiration,
  } as ExpiryInput;
  let result;
  try {
    result = deriveExpiry(input, rules);
  } catch {
    // Half-keyed dates the schema would reject: validation reports them at their fields.
    return { state: 'waiting', text: 'Finish the dates to see the expiry.' };
  }
  if (!result.ok) return { state: 'problem', text: result.message };
  return {
    state: 'computed',
    text:
      result.expiresAt === null
        ? 'No expiration'
        : `Expires ${courtDateTime(result.expiresAt)} (Pacific)`,
    explanation: result.explanation,
  };
}
