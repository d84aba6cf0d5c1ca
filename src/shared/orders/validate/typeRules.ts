/**
 * Rules that depend on the order type (catalog entry): parties, terms, hearing, service.
 */
import { aType, cap } from '../catalog';
import { petitionerRoles } from '../catalog/parties';
import type { OrderTypeEntry } from '../catalog/schema';
import { courtDateOf, instantMs } from '../dates';
import { daysBetween } from '../../time/dates';
import type { Order } from '../model/order';
import { normaliseName } from '../names';
import type { FieldError } from './issues';

const roleLabel = new Map<string, string>(petitionerRoles.map((r) => [r.code, r.label]));
const personTerms = new Set(['personal-conduct', 'no-contact', 'stay-away']);

/** Petitioner and protected-person rules (WV: employer petitions; GV: nobody protected). */
export function partyErrors(order: Order, entry: OrderTypeEntry): FieldError[] {
  const errors: FieldError[] = [];
  const allowed = entry.petitioner.roles.map((r) => roleLabel.get(r) ?? r).join('; ');
  if (!order.petitioner && entry.petitioner.required) {
    errors.push({
      path: 'petitioner',
      message: `Enter the petitioner: for ${aType(entry.code)} it is ${allowed}.`,
    });
  } else if (order.petitioner && !entry.petitioner.roles.includes(order.petitioner.role)) {
    errors.push({
      path: 'petitioner.role',
      message: `For ${aType(entry.code)} the petitioner must be: ${allowed}.`,
    });
  }
  const idx = order.petitioner?.protectedIndex;
  if (idx !== undefined && idx >= order.protected.length) {
    errors.push({
      path: 'petitioner.protectedIndex',
      message: `There is no protected person ${idx + 1}.`,
    });
  }
  const n = order.protected.length;
  if (entry.protected.max === 0 && n > 0) {
    errors.push({
      path: 'protected',
      message: `${cap(aType(entry.code))} restrains a ${entry.restrainedLabel.toLowerCase()} and protects no named person: remove the protected persons.`,
    });
  } else if (n < entry.protected.min) {
    errors.push({
      path: 'protected',
      message: `Add at least ${entry.protected.min} protected person.`,
    });
  } else if (entry.protected.max !== null && n > entry.protected.max) {
    errors.push({
      path: 'protected',
      message: `${cap(aType(entry.code))} allows at most ${entry.protected.max} protected persons.`,
    });
  }
  return errors;
}

/** Term rules: allowed kinds, unique ids, and who each term covers. */
export function termErrors(order: Order, entry: OrderTypeEntry): FieldError[] {
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  order.terms.forEach((t, i) => {
    if (!entry.conductTerms.includes(t.kind)) {
      errors.push({
        path: `terms.${i}.kind`,
        message: `${cap(aType(entry.code))} cannot carry a ${t.kind} term; it allows: ${entry.conductTerms.join(', ')}.`,
      });
    }
    if (ids.has(t.id))
      errors.push({ path: `terms.${i}.id`, message: `Term id "${t.id}" is used twice.` });
    ids.add(t.id);
    const covered = order.protected.some((p) => p.coveredBy.includes(t.id));
    if (personTerms.has(t.kind) && order.protected.length > 0 && !covered) {
      errors.push({
        path: `terms.${i}`,
        message: `This ${t.kind} term protects nobody: add its id "${t.id}" to the covered-by list of each protected person it protects.`,
      });
    }
  });
  if (order.terms.length === 0) {
    errors.push({ path: 'terms', message: 'Enter the conduct terms the order imposes.' });
  }
  order.protected.forEach((p, i) => {
    p.coveredBy.forEach((id, j) => {
      if (!ids.has(id)) {
        errors.push({
          path: `protected.${i}.coveredBy.${j}`,
          message: `No term has the id "${id}".`,
        });
      }
    });
    if (p.coveredBy.length === 0) {
      errors.push({
        path: `protected.${i}.coveredBy`,
        message:
          'Tick the terms that protect this person: every protected person must be covered by a term.',
      });
    }
  });
  return errors;
}

/** Hearing date rules by the type's hearing kind. */
export function hearingErrors(order: Order, entry: OrderTypeEntry, nowMs: number): FieldError[] {
  const h = entry.hearing;
  if (h.kind === 'none') {
    return order.hearingAt
      ? [
          {
            path: 'hearingAt',
            message: `${cap(aType(entry.code))} has no hearing: remove the hearing date-time.`,
          },
        ]
      : [];
  }
  if (!order.hearingAt) {
    return h.kind === 'scheduled'
      ? [{ path: 'hearingAt', message: `Enter the hearing date-time set on the ${entry.code}.` }]
      : [];
  }
  const issued = courtDateOf(order.issuedAt);
  const hearing = courtDateOf(order.hearingAt);
  if (h.kind === 'held') {
    if (instantMs(order.hearingAt) > nowMs) {
      return [
        {
          path: 'hearingAt',
          message: 'The hearing of an order after hearing cannot be in the future.',
        },
      ];
    }
    return hearing > issued
      ? [
          {
            path: 'hearingAt',
            message: `The hearing (${hearing}) cannot be after the order was issued (${issued}).`,
          },
        ]
      : [];
  }
  if (instantMs(order.hearingAt) <= instantMs(order.issuedAt)) {
    return [
      { path: 'hearingAt', message: 'The hearing must be after the temporary order was issued.' },
    ];
  }
  const limit = h.withinDaysGoodCause ?? h.withinDays;
  const days = daysBetween(issued, hearing);
  if (limit !== null && days > limit) {
    const good = h.withinDaysGoodCause ? ` (${h.withinDaysGoodCause} with good cause)` : '';
    return [
      {
        path: 'hearingAt',
        message: `The hearing must be within ${h.withinDays} days of issuance${good}; ${hearing} is ${days} days after. Record a reissue to move it.`,
      },
    ];
  }
  return [];
}

/** Service rules: allowed method, mail conditions, server, dates. */
export function serviceErrors(order: Order, entry: OrderTypeEntry, nowMs: number): FieldError[] {
  const s = order.service;
  const errors: FieldError[] = [];
  if (!entry.serviceMethods.includes(s.method)) {
    errors.push({
      path: 'service.method',
      message: `${cap(aType(entry.code))} cannot be served ${s.method === 'mail' ? 'by mail' : s.method}: allowed are ${entry.serviceMethods.join(', ')}.`,
    });
  }
  if (s.method === 'not-served') return errors;
  if (instantMs(s.at) > nowMs)
    errors.push({ path: 'service.at', message: 'Service cannot be in the future.' });
  // A registered foreign order was served before it was registered here.
  if (entry.phase !== 'registration' && courtDateOf(s.at) < courtDateOf(order.issuedAt)) {
    errors.push({ path: 'service.at', message: 'Service cannot be before the order was issued.' });
  }
  if (s.method === 'mail' && !(s.troPersonallyServed && s.sameAsTroExceptExpiry)) {
    errors.push({
      path: 'service',
      message:
        'Service by mail is allowed only when the temporary order was personally served and this order is the same except the expiration date (Fam. Code §6384).',
    });
  }
  if (s.method === 'personal' || s.method === 'mail') {
    const server = s.servedBy.toUpperCase().replace(/[^A-Z]/g, '');
    const isProtected = order.protected.some((p) => {
      const n = normaliseName(p.name);
      if (!n.ok) return false;
      const parts = n.parts;
      return [`${parts.first}${parts.last}`, `${parts.last}${parts.first}`].some(
        (k) => k.replace(/[^A-Z]/g, '') === server,
      );
    });
    if (isProtected) {
      errors.push({
        path: 'service.servedBy',
        message: 'A protected person cannot serve the order: it must be served by another adult.',
      });
    }
  }
  return errors;
}
