/**
 * Maps a parsed driver's licence onto the restrained person's form fields, and says what it
 * filled and what it could not map to an NCIC code.
 */
import type { AamvaParseResult } from '../../../shared/aamva';

import type { FieldValue } from './form/fieldTypes';

export type LicenceFill = {
  readonly values: Record<string, FieldValue>;
  readonly filledLabels: readonly string[];
  readonly unmapped: readonly string[];
};

export function licenceToValues(result: AamvaParseResult, prefix = 'restrained'): LicenceFill {
  const l = result.licence;
  const values: Record<string, FieldValue> = {};
  const filled: string[] = [];
  const put = (key: string, value: string | null | undefined, label: string) => {
    if (value === null || value === undefined || value === '') return;
    values[`${prefix}.${key}`] = value;
    if (!filled.includes(label)) filled.push(label);
  };
  put('name.last', l.familyName, 'name');
  put('name.first', l.givenName, 'name');
  put('name.middle', l.middleName, 'name');
  put('name.suffix', l.suffix, 'name');
  put('dob', l.dob, 'date of birth');
  put('sex', l.sex, 'sex');
  put('eye', l.eyeColor, 'eye colour');
  put('hair', l.hairColor, 'hair colour');
  if (l.height) {
    put('height.feet', String(l.height.feet), 'height');
    put('height.inches', String(l.height.inches), 'height');
  }
  put('weight', l.weight === null ? null : String(l.weight), 'weight');
  put('address.street', l.street, 'address');
  put('address.city', l.city, 'address');
  put('address.state', l.state, 'address');
  put('address.postalCode', l.postalCode, 'address');
  put('licence.number', l.licenseNumber, 'licence number');
  put('licence.state', l.jurisdiction, 'licence state');
  const unmapped = result.unmapped.map((u) => `${u.field}: "${u.raw}" (${u.reason})`);
  return { values, filledLabels: filled, unmapped };
}
