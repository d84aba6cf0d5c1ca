/**
 * Catalog data: elder or dependent adult abuse (EA-110, EA-130), workplace violence (WV-110,
 * WV-130) and private postsecondary school violence (SV-110, SV-130). Source: domain.md §1.1.
 */
import {
  civilDefaults,
  hearingHeld,
  hearingWithin21,
  serviceAfterHearing,
  serviceTemporary,
} from './common';
import type { OrderTypeEntry } from './schema';

const eaParties = {
  family: 'EA',
  statute: ['Welf. & Inst. Code §15657.03'],
  petitioner: {
    required: true,
    roles: [
      'protected-person',
      'conservator',
      'trustee',
      'attorney-in-fact',
      'guardian-ad-litem',
      'adult-protective-services',
    ],
  },
  protected: { min: 1, max: null },
  restrainedLabel: 'Restrained person',
  conductTerms: [
    'personal-conduct',
    'no-contact',
    'stay-away',
    'move-out',
    'firearms',
    'animals',
    'other',
  ],
} as const satisfies Partial<OrderTypeEntry>;

const wvParties = {
  family: 'WV',
  statute: ['Code Civ. Proc. §527.8'],
  // The employer petitions on behalf of the employee; the employee is the protected person.
  petitioner: { required: true, roles: ['employer'] },
  protected: { min: 1, max: null },
  restrainedLabel: 'Restrained person',
  conductTerms: ['personal-conduct', 'no-contact', 'stay-away', 'firearms', 'other'],
} as const satisfies Partial<OrderTypeEntry>;

const svParties = {
  family: 'SV',
  statute: ['Code Civ. Proc. §527.85'],
  // The chief administrative officer (or designee) petitions on behalf of a student.
  petitioner: { required: true, roles: ['school-officer'] },
  protected: { min: 1, max: null },
  restrainedLabel: 'Restrained person',
  conductTerms: ['personal-conduct', 'no-contact', 'stay-away', 'firearms', 'other'],
} as const satisfies Partial<OrderTypeEntry>;

const temporary = {
  phase: 'temporary',
  hearing: hearingWithin21,
  maxDuration: 'P25D',
  defaultExpiry: { rule: 'until-hearing' },
  renewal: null,
  serviceMethods: serviceTemporary,
} as const satisfies Partial<OrderTypeEntry>;

const afterHearing = {
  phase: 'after-hearing',
  hearing: hearingHeld,
  defaultExpiry: { rule: 'must-be-written' },
  serviceMethods: serviceAfterHearing,
} as const satisfies Partial<OrderTypeEntry>;

/** EA, WV and SV entries. */
export const workplaceEntries: readonly OrderTypeEntry[] = [
  {
    ...civilDefaults,
    ...eaParties,
    ...temporary,
    code: 'EA-110',
    name: 'Temporary Restraining Order (Elder or Dependent Adult Abuse)',
    forms: ['EA-110', 'EA-100', 'EA-109'],
    cletsNickname: null,
    unverified: ['CLETS nickname on EA-110 not confirmed.'],
  },
  {
    ...civilDefaults,
    ...eaParties,
    ...afterHearing,
    code: 'EA-130',
    name: 'Elder or Dependent Adult Abuse Restraining Order After Hearing',
    forms: ['EA-130', 'EA-100', 'EA-109', 'EA-110', 'EA-700'],
    cletsNickname: null,
    maxDuration: 'P5Y',
    renewal: { window: 'P3M', maxRenewal: 'P5Y' },
    unverified: [
      'Duration when none is written not confirmed: the expiration must be entered.',
      'Renewal window and length for EA not confirmed (assumed as DV/CH).',
    ],
  },
  {
    ...civilDefaults,
    ...wvParties,
    ...temporary,
    code: 'WV-110',
    name: 'Temporary Restraining Order (Workplace Violence)',
    forms: ['WV-110', 'WV-100', 'WV-109'],
    cletsNickname: null,
    unverified: ['Hearing window for WV assumed as §242 (21/25 days).'],
  },
  {
    ...civilDefaults,
    ...wvParties,
    ...afterHearing,
    code: 'WV-130',
    name: 'Workplace Violence Restraining Order After Hearing',
    forms: ['WV-130', 'WV-100', 'WV-109', 'WV-110', 'WV-700'],
    cletsNickname: null,
    maxDuration: 'P3Y',
    renewal: { window: 'P3M', maxRenewal: 'P3Y' },
    unverified: ['Duration when none is written not confirmed: the expiration must be entered.'],
  },
  {
    ...civilDefaults,
    ...svParties,
    ...temporary,
    code: 'SV-110',
    name: 'Temporary Restraining Order (Private Postsecondary School Violence)',
    forms: ['SV-110', 'SV-100', 'SV-109'],
    cletsNickname: null,
    unverified: ['Hearing window for SV assumed as §242 (21/25 days).'],
  },
  {
    ...civilDefaults,
    ...svParties,
    ...afterHearing,
    code: 'SV-130',
    name: 'Private Postsecondary School Violence Restraining Order After Hearing',
    forms: ['SV-130', 'SV-100', 'SV-109', 'SV-110'],
    cletsNickname: null,
    maxDuration: 'P3Y',
    renewal: null,
    unverified: [
      'Renewal rules for SV not confirmed.',
      'Duration when none is written not confirmed: the expiration must be entered.',
    ],
  },
];
