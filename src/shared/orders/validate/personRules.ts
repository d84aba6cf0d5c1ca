/**
 * Cross-field rules on the people of an order: dates of birth against today and the issue
 * date, the CARPOS minimum (name, sex, race, DOB or age), and the restrained person's sex.
 */
import type { OrderTypeEntry } from '../catalog/schema';
import { ageOn } from '../dates';
import type { Person } from '../model/person';
import type { FieldError } from './issues';

/** Dates the person rules compare against (Pacific wall dates). */
export type PersonRuleDates = { today: string; issued: string };

/** Errors for one person at `path` (`restrained`, `protected.0`). */
export function personErrors(
  person: Person,
  path: string,
  role: 'restrained' | 'protected',
  entry: OrderTypeEntry,
  dates: PersonRuleDates,
): FieldError[] {
  const errors: FieldError[] = [];
  const who = role === 'restrained' ? entry.restrainedLabel.toLowerCase() : 'protected person';
  if (person.dob !== undefined) {
    if (person.dob > dates.today) {
      errors.push({
        path: `${path}.dob`,
        message: 'Date of birth cannot be in the future: check the year.',
      });
    } else if (person.dob > dates.issued) {
      errors.push({
        path: `${path}.dob`,
        message: `Date of birth (${person.dob}) is after the order was issued (${dates.issued}): check the dates.`,
      });
    } else if (ageOn(person.dob, dates.today) > 120) {
      errors.push({
        path: `${path}.dob`,
        message: 'Date of birth gives an age over 120: check the year.',
      });
    }
  } else if (entry.clets && person.estimatedAge === undefined) {
    errors.push({
      path: `${path}.dob`,
      message: `Enter the ${who}'s date of birth or, if unknown, an estimated age: CARPOS requires one.`,
    });
  }
  if (role === 'restrained' && entry.clets && person.sex === 'U') {
    errors.push({
      path: `${path}.sex`,
      message: `CARPOS requires the ${who}'s sex: enter M, F or X (nonbinary) as on the order; NCIC keeps U for unidentified persons.`,
    });
  }
  return errors;
}
