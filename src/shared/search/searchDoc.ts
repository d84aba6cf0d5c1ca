/**
 * Builds the search projection of an order record. Lenient on purpose: cached orders are the
 * registry's (already validated there) and this only reads the fields search needs, so an order
 * from an older or newer model version is still found by what it has.
 */
import type { SearchDoc, SearchName } from './searchTypes';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const dobOf = (v: unknown): string | null =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;

function namesOf(person: Obj, role: 'restrained' | 'protected'): SearchName[] {
  const dob = dobOf(person.dob);
  const name = obj(person.name);
  const out: SearchName[] = [];
  if (str(name.last) !== '') out.push({ role, last: str(name.last), first: str(name.first), dob });
  for (const alias of Array.isArray(person.aliases) ? person.aliases : []) {
    if (typeof alias === 'string') {
      const [last, first] = alias.split(',', 2);
      if ((last ?? '').trim() !== '') {
        out.push({ role: 'alias', last: (last ?? '').trim(), first: (first ?? '').trim(), dob });
      }
    } else if (str(obj(alias).last) !== '') {
      out.push({ role: 'alias', last: str(obj(alias).last), first: str(obj(alias).first), dob });
    }
  }
  return out;
}

/** The order's search projection; `meta` supplies what the record itself does not hold. */
export function searchDocOf(
  order: unknown,
  meta: {
    readonly status: string;
    readonly updatedAt: string;
    readonly fcn?: string | null | undefined;
  },
): SearchDoc {
  const o = obj(order);
  const restrained = obj(o.restrained);
  const persons = [restrained, ...(Array.isArray(o.protected) ? o.protected.map(obj) : [])];
  const licences = persons.map((p) => str(obj(p.licence).number)).filter((n) => n.trim() !== '');
  return {
    id: str(o.id),
    caseNumber: str(o.caseNumber),
    orderType: str(o.orderType),
    status: meta.status,
    updatedAt: meta.updatedAt,
    fcn: meta.fcn ?? null,
    names: [
      ...namesOf(restrained, 'restrained'),
      ...persons.slice(1).flatMap((p) => namesOf(p, 'protected')),
    ],
    licences,
  };
}
