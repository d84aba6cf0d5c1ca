/**
 * Fields for each structured conduct term kind the catalog allows for a type.
 */
import type { TermKind } from '../../../../shared/orders/catalog/schema';
import {
  conductActs,
  custodyHolders,
  noContactExceptions,
  stayAwayPlaces,
  termRules,
} from '../../../../shared/orders/catalog/terms';

import type { Field } from './fieldTypes';

export const termLabels: Record<TermKind, string> = {
  'personal-conduct': 'Personal conduct orders',
  'no-contact': 'No contact',
  'stay-away': 'Stay away',
  'move-out': 'Move out',
  firearms: 'Firearms, ammunition and body armour',
  animals: 'Animals',
  custody: 'Child custody and visitation',
  'electronic-monitoring': 'Electronic monitoring',
  other: 'Other orders',
};

const label = (s: string) => s.replace(/-/g, ' ');

/** The fields of one term kind; all hidden until the term is ticked. */
export function termFields(kind: TermKind): Field[] {
  const p = `terms.${kind}`;
  const on = { key: `${p}.on`, equals: true } as const;
  const toggle: Field = {
    key: `${p}.on`,
    label: termLabels[kind],
    kind: 'checkbox',
    width: 'full',
  };
  const f = (field: Omit<Field, 'when'>): Field => ({ ...field, when: on });
  switch (kind) {
    case 'personal-conduct':
      return [
        toggle,
        f({
          key: `${p}.acts`,
          label: 'Must not',
          kind: 'checkboxes',
          width: 'full',
          options: conductActs.map((a) => ({ value: a, label: label(a) })),
        }),
        f({
          key: `${p}.includesHousehold`,
          label: 'Also protects family or household members',
          kind: 'checkbox',
          width: 'wide',
        }),
      ];
    case 'no-contact':
      return [
        toggle,
        f({
          key: `${p}.exceptions`,
          label: 'Except',
          kind: 'checkboxes',
          width: 'full',
          options: noContactExceptions.map((e) => ({ value: e.code, label: e.label })),
        }),
      ];
    case 'stay-away':
      return [
        toggle,
        f({
          key: `${p}.yards`,
          label: 'Distance (yards)',
          kind: 'number',
          width: 'narrow',
          required: true,
        }),
        f({
          key: `${p}.places`,
          label: 'Away from',
          kind: 'checkboxes',
          width: 'full',
          options: stayAwayPlaces.map((pl) => ({ value: pl.code, label: pl.label })),
        }),
        f({ key: `${p}.otherPlaces`, label: 'Other places', kind: 'text', width: 'wide' }),
      ];
    case 'move-out':
      return [
        toggle,
        f({
          key: `${p}.address`,
          label: 'Address to move out of',
          kind: 'text',
          width: 'wide',
          required: true,
        }),
      ];
    case 'firearms':
      return [
        toggle,
        f({ key: `${p}.firearms`, label: 'Firearms', kind: 'checkbox' }),
        f({ key: `${p}.ammunition`, label: 'Ammunition', kind: 'checkbox' }),
        f({ key: `${p}.bodyArmour`, label: 'Body armour', kind: 'checkbox' }),
        f({
          key: `${p}.relinquishWithinHours`,
          label: 'Relinquish within (hours)',
          kind: 'number',
          width: 'narrow',
          hint: `At most ${termRules.firearmsRelinquishHours}`,
        }),
        f({
          key: `${p}.proofWithinHours`,
          label: 'Proof within (hours)',
          kind: 'number',
          width: 'narrow',
          hint: `At most ${termRules.firearmsProofHours}`,
        }),
      ];
    case 'animals':
      return [
        toggle,
        f({
          key: `${p}.animals`,
          label: 'Animals',
          kind: 'textarea',
          width: 'wide',
          hint: 'One per line: name — description',
          required: true,
        }),
      ];
    case 'custody':
      return [
        toggle,
        f({
          key: `${p}.reference`,
          label: 'Custody order reference',
          kind: 'text',
          width: 'wide',
          required: true,
          hint: 'e.g. DV-140 attached',
        }),
        f({
          key: `${p}.temporaryCustodyTo`,
          label: 'Temporary custody to',
          kind: 'select',
          options: custodyHolders.map((h) => ({ value: h, label: label(h) })),
          required: true,
        }),
        f({
          key: `${p}.restrainedVisitation`,
          label: 'Visitation for the restrained person',
          kind: 'checkbox',
        }),
      ];
    case 'electronic-monitoring':
      return [
        toggle,
        f({ key: `${p}.months`, label: 'Months', kind: 'number', width: 'narrow', required: true }),
        f({ key: `${p}.agency`, label: 'Monitoring agency', kind: 'text' }),
      ];
    case 'other':
      return [
        toggle,
        f({
          key: `${p}.text`,
          label: 'Order text',
          kind: 'textarea',
          width: 'full',
          required: true,
        }),
      ];
  }
}
