/**
 * Builds the NCIC-style CLETS records of an order event: one record per protected person (a
 * GVRO, which protects nobody, gives one), each an ordered list of `{ tag, value }` that the
 * codec in src/shared/clets turns into `TAG/value.` text. Which tags an event carries comes
 * from the lifecycle table. Absent data is left out, never sent empty.
 */
import { cletsCodeOf, raceCodes, sexCodes } from './catalog/codes';
import { COURT_ZONE, toZonedIso } from '../time/zoned';
import { courtDateOf, instantMs, ncicDate } from './dates';
import { suggestBrady } from './derive/brady';
import type { DeriveOptions } from './derive/expiry';
import { deriveExpiry } from './derive/expiry';
import { derivePco } from './derive/pco';
import { lifecycleEventDef, type CletsTag, type LifecycleEvent } from './lifecycle';
import type { Order, Service } from './model/order';
import type { Person, ProtectedPerson } from './model/person';
import { normaliseName } from './names';

/** One field of a CLETS record (shared with the codec in src/shared/clets). */
export type CletsField = { tag: string; value: string };

/** Expiry value for an order with no expiration (UNVERIFIED convention, domain.md §3.2). */
export const NO_EXPIRY = 'NONEXP';

function ncicName(person: Person, who: string): string {
  const result = normaliseName(person.name);
  if (!result.ok) {
    throw new RangeError(
      `The ${who}'s name cannot be sent: ${result.errors.map((e) => e.message).join(' ')}`,
    );
  }
  return result.value;
}

function stamp(iso: string): string {
  // NCIC-style date and 24-hour time in Pacific wall time, e.g. 20260310 1430.
  const wall = toZonedIso(instantMs(iso), COURT_ZONE);
  return `${ncicDate(wall.slice(0, 10))} ${wall.slice(11, 13)}${wall.slice(14, 16)}`;
}

/** The proof-of-service statement that a service update carries in MIS. */
export function serviceStatement(service: Service): string {
  switch (service.method) {
    case 'not-served':
      throw new RangeError('The order has not been served: record the service before sending it.');
    case 'in-court':
      return `SERVED IN COURT ${stamp(service.at)}`;
    case 'personal':
      return `SERVED PERSONALLY ${stamp(service.at)} BY ${service.servedBy}${service.agency ? ` ${service.agency}` : ''}`.toUpperCase();
    case 'mail':
      return `SERVED BY MAIL ${stamp(service.at)} BY ${service.servedBy}${service.agency ? ` ${service.agency}` : ''}`.toUpperCase();
  }
}

function personNotes(person: Person, who: string): string[] {
  const notes: string[] = [];
  if (person.sex === 'X') notes.push(`${who} SEX NONBINARY`);
  if (!person.dob && person.estimatedAge !== undefined) {
    notes.push(`${who} AGE ABOUT ${person.estimatedAge}`);
  }
  return notes;
}

/**
 * The records for `event` on a valid order (one that passed checkOrder). Throws a RangeError
 * naming the problem when the order cannot be sent (e.g. an expiry that cannot be derived).
 */
export function orderToCletsRecords(
  order: Order,
  event: LifecycleEvent,
  options: DeriveOptions & { enteringOri?: string } = {},
): CletsField[][] {
  const def = lifecycleEventDef(event);
  const r = order.restrained;
  const expiry = deriveExpiry(order, options);
  if (!expiry.ok) throw new RangeError(`${expiry.path}: ${expiry.message}`);
  const pco = derivePco(order);
  const common = new Map<CletsTag, string[]>([
    ['ORI', [options.enteringOri ?? order.court.ori]],
    ['NAM', [ncicName(r, 'restrained person')]],
    ['SEX', [cletsCodeOf(sexCodes, r.sex)]],
    ['RAC', [cletsCodeOf(raceCodes, r.race)]],
    ['DOB', r.dob ? [ncicDate(r.dob)] : []],
    ['HGT', r.height ? [`${r.height.feet}${String(r.height.inches).padStart(2, '0')}`] : []],
    ['WGT', r.weight ? [String(r.weight).padStart(3, '0')] : []],
    ['EYE', r.eye ? [r.eye] : []],
    ['HAI', r.hair ? [r.hair] : []],
    ['SKN', r.skin ? [r.skin] : []],
    ['OLN', r.licence ? [r.licence.number] : []],
    ['OLS', r.licence ? [r.licence.state] : []],
    ['PNO', [order.caseNumber]],
    ['BRD', [order.bradyIndicator ?? suggestBrady(order).value]],
    ['ISD', [ncicDate(courtDateOf(order.issuedAt))]],
    ['EXP', [expiry.expiresAt === null ? NO_EXPIRY : ncicDate(courtDateOf(expiry.expiresAt))]],
    ['CTI', [order.court.ori]],
    ['PCO', pco.codes],
    ['OCA', [order.agencyCaseNumber ?? order.caseNumber]],
  ]);
  const restrainedNotes = personNotes(r, 'RESTRAINED');
  const people: (ProtectedPerson | null)[] = order.protected.length > 0 ? order.protected : [null];
  return people.map((p, i) => {
    const values = new Map(common);
    if (p) {
      values.set('PPN', [ncicName(p, `protected person ${i + 1}`)]);
      values.set('PSX', [cletsCodeOf(sexCodes, p.sex)]);
      values.set('PPR', [cletsCodeOf(raceCodes, p.race)]);
      values.set('PPB', p.dob ? [ncicDate(p.dob)] : []);
    }
    const mis =
      def.transaction === 'service'
        ? [serviceStatement(order.service)]
        : [...pco.mis, ...restrainedNotes, ...(p ? personNotes(p, 'PROTECTED') : [])];
    values.set('MIS', mis.length > 0 ? [mis.join('; ')] : []);
    return def.recordTags.flatMap((tag) =>
      (values.get(tag) ?? []).map((value) => ({ tag, value })),
    );
  });
}
