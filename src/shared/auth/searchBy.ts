/**
 * How a registry search looks things up, as the role matrix reads it (clerks may search by case
 * number only): decided the same way by main before it sends a search and by the registry's
 * route rule when it receives one.
 */
import type { AccessScope } from './conditions';

const keyed = ['name', 'first', 'dob', 'licence', 'fcn'] as const;

/** `case-number` when only a case number is given; else the first person key given. */
export function searchByOf(
  query: Readonly<Record<string, unknown>>,
): NonNullable<AccessScope['searchBy']> {
  const given = keyed.filter((k) => typeof query[k] === 'string' && query[k] !== '');
  if (given.length === 0 && typeof query.caseNumber === 'string' && query.caseNumber !== '') {
    return 'case-number';
  }
  const first = given[0];
  return first === 'dob' || first === 'licence' || first === 'fcn' ? first : 'name';
}
