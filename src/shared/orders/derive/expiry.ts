/**
 * When an order ends (issue 3 item 5; domain.md §1.1, §5, §9.2): the written expiry checked
 * against the type's limits, or the type's default when none is written.
 */
import { addCourtDays, DEFAULT_CLOSE_OF_BUSINESS } from '../../calendar';
import { addDays } from '../../time/dates';
import { COURT_ZONE, zonedDateTimeToIso } from '../../time/zoned';
import { aType, cap, orderTypeAt } from '../catalog';
import type { OrderTypeEntry } from '../catalog/schema';
import { addDuration, courtDateOf, describeDuration, endOfDayIso, instantMs } from '../dates';
import type { Order } from '../model/order';

/** Settings that change derived dates: court closures and the EPO close of business. */
export type DeriveOptions = {
  /** Court-specific closure dates (YYYY-MM-DD) on top of the holiday table. */
  closures?: readonly string[];
  /** Close of judicial business, `HH:MM` Pacific; UNVERIFIED default 17:00 (domain.md §5.2). */
  closeOfBusiness?: string;
};

/** The outcome of {@link deriveExpiry}: the expiry (null = no expiration) and why. */
export type ExpiryResult =
  | { ok: true; expiresAt: string | null; rule: string; explanation: string }
  | { ok: false; path: string; message: string };

/** Default close of judicial business (UNVERIFIED; per court in the calendar's settings table). */
export { DEFAULT_CLOSE_OF_BUSINESS };

type ExpiryInput = Pick<Order, 'orderType' | 'issuedAt' | 'hearingAt' | 'expiration'>;

/**
 * Fam. Code §6256: an EPO ends at the EARLIER of close of judicial business on the 5th court
 * day after issuance and the end of the 7th calendar day after issuance.
 */
export function epoExpiry(
  issuedAt: string,
  options: DeriveOptions = {},
): { at: string; explanation: string } {
  // The result depends only on the Pacific issue date, the closing time and the closures.
  const closures = options.closures ?? NO_CLOSURES;
  let byKey = epoCaches.get(closures);
  if (!byKey) {
    byKey = new Map();
    epoCaches.set(closures, byKey);
  }
  const issued = courtDateOf(issuedAt);
  const key = `${issued}|${options.closeOfBusiness ?? DEFAULT_CLOSE_OF_BUSINESS}`;
  let hit = byKey.get(key);
  if (!hit) {
    hit = epoExpiryUncached(issued, options);
    if (byKey.size >= 4096) byKey.clear();
    byKey.set(key, hit);
  }
  return hit;
}

const NO_CLOSURES: readonly string[] = [];
const epoCaches = new WeakMap<
  readonly string[],
  Map<string, { at: string; explanation: string }>
>();

function epoExpiryUncached(
  issued: string,
  options: DeriveOptions,
): { at: string; explanation: string } {
  const fifth = addCourtDays(issued, 5, options.closures);
  const cob = options.closeOfBusiness ?? DEFAULT_CLOSE_OF_BUSINESS;
  const byCourtDays = zonedDateTimeToIso(fifth, cob, COURT_ZONE);
  const seventh = addDays(issued, 7);
  const byCalendar = endOfDayIso(seventh);
  const courtFirst = instantMs(byCourtDays) <= instantMs(byCalendar);
  return {
    at: courtFirst ? byCourtDays : byCalendar,
    explanation: `EPO ends at the earlier of close of business (${cob}) on the 5th court day after issuance (${fifth}) and the end of the 7th calendar day (${seventh}) (Fam. Code §6256): ${courtFirst ? 'the 5th court day' : 'the 7th calendar day'} comes first.`,
  };
}

/** The latest instant an order of this type issued at `issuedAt` may run to, or null. */
export function latestExpiry(entry: OrderTypeEntry, issuedAt: string): string | null {
  if (!entry.maxDuration) return null;
  return endOfDayIso(addDuration(courtDateOf(issuedAt), entry.maxDuration));
}

function unspecified(
  order: ExpiryInput,
  entry: OrderTypeEntry,
  options: DeriveOptions,
): ExpiryResult {
  const d = entry.defaultExpiry;
  const needHearing = (what: string): ExpiryResult => ({
    ok: false,
    path: 'hearingAt',
    message: `Enter the hearing date-time: with no expiration written, ${aType(entry.code)} ${what}.`,
  });
  switch (d.rule) {
    case 'from-issuance': {
      const date = addDuration(courtDateOf(order.issuedAt), d.duration);
      return {
        ok: true,
        expiresAt: endOfDayIso(date),
        rule: 'default-from-issuance',
        explanation: `No expiration written: ${aType(entry.code)} lasts ${describeDuration(d.duration)} from issuance, to the end of ${date}.`,
      };
    }
    case 'from-hearing': {
      if (!order.hearingAt)
        return needHearing(`ends ${describeDuration(d.duration)} after the hearing`);
      const date = addDuration(courtDateOf(order.hearingAt), d.duration);
      return {
        ok: true,
        expiresAt: endOfDayIso(date),
        rule: 'default-from-hearing',
        explanation: `No expiration written: ${aType(entry.code)} ends ${describeDuration(d.duration)} after the hearing, at midnight ending ${date}.`,
      };
    }
    case 'until-hearing': {
      if (!order.hearingAt) return needHearing('lasts until the hearing');
      const date = courtDateOf(order.hearingAt);
      return {
        ok: true,
        expiresAt: endOfDayIso(date),
        rule: 'until-hearing',
        explanation: `A temporary order lasts until the hearing; recorded as the end of the hearing date ${date}.`,
      };
    }
    case 'epo': {
      const epo = epoExpiry(order.issuedAt, options);
      return { ok: true, expiresAt: epo.at, rule: 'epo', explanation: epo.explanation };
    }
    case 'must-be-written':
      return {
        ok: false,
        path: 'expiration',
        message: `Enter the expiration date and time written on the ${entry.code}: this order type has no default duration.`,
      };
  }
}

function fromWritten(order: ExpiryInput, entry: OrderTypeEntry): ExpiryResult {
  const e = order.expiration;
  if (e.kind === 'none') {
    if (entry.noExpirationAllowed) {
      return {
        ok: true,
        expiresAt: null,
        rule: 'none',
        explanation: 'The order has no expiration.',
      };
    }
    return {
      ok: false,
      path: 'expiration',
      message: `${cap(aType(entry.code))} must have an expiration: only permanent renewals (DV-730) and registered foreign orders may have none.`,
    };
  }
  if (e.kind === 'date') {
    if (!entry.endOfDayIfNoTime) {
      return {
        ok: false,
        path: 'expiration',
        message: `Enter the expiration time as written on the ${entry.code}: only orders whose form says so (JV-255) end at midnight when no time is written.`,
      };
    }
    return {
      ok: true,
      expiresAt: endOfDayIso(e.date),
      rule: 'end-of-day',
      explanation: `No time written: the order ends at midnight ending ${e.date}.`,
    };
  }
  const at = e.kind === 'at' ? e.at : '';
  return { ok: true, expiresAt: at, rule: 'written', explanation: 'As written on the order.' };
}

/** Checks a computed or written expiry against the type's limits. */
function withinLimits(
  order: ExpiryInput,
  entry: OrderTypeEntry,
  result: ExpiryResult,
  options: DeriveOptions,
): ExpiryResult {
  if (!result.ok || result.expiresAt === null) return result;
  const at = instantMs(result.expiresAt);
  const fail = (message: string): ExpiryResult => ({ ok: false, path: 'expiration', message });
  if (at <= instantMs(order.issuedAt)) {
    return fail(`Expiration (${result.expiresAt}) must be after the issue date-time.`);
  }
  if (entry.defaultExpiry.rule === 'epo') {
    const epo = epoExpiry(order.issuedAt, options);
    if (at > instantMs(epo.at))
      return fail(`Expiration is too late: latest is ${epo.at}. ${epo.explanation}`);
  }
  const latest = latestExpiry(entry, order.issuedAt);
  if (latest && at > instantMs(latest)) {
    return fail(
      `${cap(aType(entry.code))} can last at most ${describeDuration(entry.maxDuration ?? '')}: the expiration must be on or before ${latest}.`,
    );
  }
  if (entry.minDuration) {
    const earliest = addDuration(courtDateOf(order.issuedAt), entry.minDuration);
    if (courtDateOf(result.expiresAt) < earliest) {
      return fail(
        `${cap(aType(entry.code))} lasts at least ${describeDuration(entry.minDuration)}: the expiration must be on or after ${earliest}.`,
      );
    }
  }
  return result;
}

/**
 * The order's expiry: the written one (checked against the type's maximum, minimum and, for
 * an EPO, §6256), or the type's default when none is written. `expiresAt` is null only for a
 * lawful "no expiration". Never throws for a schema-valid order.
 */
export function deriveExpiry(order: ExpiryInput, options: DeriveOptions = {}): ExpiryResult {
  const entry = orderTypeAt(order.orderType, order.issuedAt);
  if (!entry) {
    return {
      ok: false,
      path: 'orderType',
      message: `No ${order.orderType} definition was in force on ${courtDateOf(order.issuedAt)}: check the order type and issue date.`,
    };
  }
  const result =
    order.expiration.kind === 'unspecified'
      ? unspecified(order, entry, options)
      : fromWritten(order, entry);
  return withinLimits(order, entry, result, options);
}
