/**
 * Person fields, from the NCIC code tables in the catalog (data, not code).
 */
import {
  allStateCodes,
  eyeCodes,
  hairCodes,
  raceCodes,
  sexCodes,
  skinCodes,
} from '../../../../shared/orders/catalog/codes';
import type { CodeRow } from '../../../../shared/orders/catalog/codes';
import { relationships } from '../../../../shared/orders/catalog/parties';

import type { Field, Option } from './fieldTypes';

export const codeOptions = (table: readonly CodeRow[]): Option[] =>
  table.map((r) => ({ value: r.code, label: `${r.code} — ${r.label}` }));

const stateOptions: Option[] = allStateCodes.map((c) => ({ value: c, label: c }));
const relationshipOptions: Option[] = relationships.map((r) => ({ value: r.code, label: r.label }));

/** Name and the CARPOS minimum (sex, race, DOB or age) for any person. */
function coreFields(p: string): Field[] {
  return [
    { key: `${p}.name.last`, label: 'Last name', kind: 'text', required: true },
    { key: `${p}.name.first`, label: 'First name', kind: 'text', required: true },
    { key: `${p}.name.middle`, label: 'Middle name', kind: 'text' },
    {
      key: `${p}.name.suffix`,
      label: 'Suffix',
      kind: 'text',
      width: 'narrow',
      hint: 'JR, SR, III',
    },
    {
      key: `${p}.sex`,
      label: 'Sex',
      kind: 'select',
      required: true,
      options: codeOptions(sexCodes),
    },
    {
      key: `${p}.race`,
      label: 'Race',
      kind: 'select',
      required: true,
      options: codeOptions(raceCodes),
    },
    {
      key: `${p}.dob`,
      label: 'Date of birth',
      kind: 'date',
      hint: 'MM/DD/YYYY — or give an estimated age',
    },
    { key: `${p}.estimatedAge`, label: 'Estimated age', kind: 'number', width: 'narrow' },
  ];
}

/** Everything CARPOS can take about the restrained person. */
export function restrainedFields(p = 'restrained'): Field[] {
  return [
    ...coreFields(p),
    {
      key: `${p}.aliases`,
      label: 'Aliases',
      kind: 'textarea',
      width: 'wide',
      hint: 'One per line: LAST, FIRST MIDDLE',
    },
    { key: `${p}.height.feet`, label: 'Height (ft)', kind: 'number', width: 'narrow' },
    { key: `${p}.height.inches`, label: 'Height (in)', kind: 'number', width: 'narrow' },
    { key: `${p}.weight`, label: 'Weight (lb)', kind: 'number', width: 'narrow' },
    { key: `${p}.hair`, label: 'Hair colour', kind: 'select', options: codeOptions(hairCodes) },
    { key: `${p}.eye`, label: 'Eye colour', kind: 'select', options: codeOptions(eyeCodes) },
    { key: `${p}.skin`, label: 'Skin tone', kind: 'select', options: codeOptions(skinCodes) },
    { key: `${p}.address.street`, label: 'Street', kind: 'text', width: 'wide' },
    { key: `${p}.address.city`, label: 'City', kind: 'text' },
    {
      key: `${p}.address.state`,
      label: 'State',
      kind: 'select',
      options: stateOptions,
      width: 'narrow',
    },
    { key: `${p}.address.postalCode`, label: 'ZIP', kind: 'text', width: 'narrow' },
    { key: `${p}.licence.number`, label: "Driver's licence no.", kind: 'code' },
    {
      key: `${p}.licence.state`,
      label: 'Licence state',
      kind: 'select',
      options: stateOptions,
      width: 'narrow',
    },
    {
      key: `${p}.relationship`,
      label: 'Relationship to protected person',
      kind: 'select',
      options: relationshipOptions,
    },
  ];
}

/** A protected person (repeated): the core plus their relationship to the restrained person. */
export function protectedFields(p = 'protected.{i}'): Field[] {
  return [
    ...coreFields(p),
    {
      key: `${p}.relationship`,
      label: 'Relationship to restrained person',
      kind: 'select',
      required: true,
      options: relationshipOptions,
    },
  ];
}
