/**
 * Catalog data: domestic violence (DV-110, DV-130, DV-730 renewal) and civil harassment
 * (CH-110, CH-130). Facts and sources: domain.md §1.1.
 */
import {
  civilDefaults,
  dvTerms,
  hearingHeld,
  hearingWithin21,
  serviceAfterHearing,
  serviceTemporary,
} from './common';
import type { OrderTypeEntry } from './schema';

const dvParties = {
  family: 'DV',
  statute: ['Fam. Code §6200 ff. (DVPA)', 'Fam. Code §6320', 'Fam. Code §§6340–6345'],
  petitioner: { required: true, roles: ['protected-person', 'guardian-ad-litem'] },
  protected: { min: 1, max: null },
  restrainedLabel: 'Restrained person',
  conductTerms: dvTerms,
} as const satisfies Partial<OrderTypeEntry>;

const chParties = {
  family: 'CH',
  statute: ['Code Civ. Proc. §527.6'],
  petitioner: { required: true, roles: ['protected-person', 'guardian-ad-litem'] },
  protected: { min: 1, max: null },
  restrainedLabel: 'Restrained person',
  conductTerms: ['personal-conduct', 'no-contact', 'stay-away', 'firearms', 'animals', 'other'],
} as const satisfies Partial<OrderTypeEntry>;

/** DV and CH entries. */
export const domesticEntries: readonly OrderTypeEntry[] = [
  {
    ...civilDefaults,
    ...dvParties,
    code: 'DV-110',
    name: 'Temporary Restraining Order (Domestic Violence)',
    phase: 'temporary',
    statute: [...dvParties.statute, 'Fam. Code §242'],
    forms: ['DV-110', 'DV-100', 'DV-109'],
    cletsNickname: 'CLETS-TRO',
    hearing: hearingWithin21,
    maxDuration: 'P25D',
    defaultExpiry: { rule: 'until-hearing' },
    renewal: null,
    serviceMethods: serviceTemporary,
    unverified: [
      'Maximum is the §242 hearing window (25 days with good cause); reissue restarts it.',
    ],
  },
  {
    ...civilDefaults,
    ...dvParties,
    code: 'DV-130',
    name: 'Domestic Violence Restraining Order After Hearing',
    phase: 'after-hearing',
    forms: ['DV-130', 'DV-100', 'DV-109', 'DV-110'],
    cletsNickname: 'CLETS-OAH',
    hearing: hearingHeld,
    maxDuration: 'P5Y',
    defaultExpiry: { rule: 'from-issuance', duration: 'P3Y' },
    renewal: { window: 'P3M', maxRenewal: null },
    serviceMethods: serviceAfterHearing,
    unverified: [],
  },
  {
    ...civilDefaults,
    ...dvParties,
    code: 'DV-730',
    name: 'Order to Renew Domestic Violence Restraining Order',
    phase: 'renewal',
    forms: ['DV-730', 'DV-700', 'DV-710'],
    cletsNickname: null,
    hearing: hearingHeld,
    // §6345(a): renewed "for five or more years or permanently", so no upper bound.
    maxDuration: null,
    minDuration: 'P5Y',
    defaultExpiry: { rule: 'must-be-written' },
    noExpirationAllowed: true,
    renewal: { window: 'P3M', maxRenewal: null },
    serviceMethods: serviceAfterHearing,
    unverified: ['CLETS nickname printed on DV-730 not confirmed.'],
  },
  {
    ...civilDefaults,
    ...chParties,
    code: 'CH-110',
    name: 'Temporary Restraining Order (Civil Harassment)',
    phase: 'temporary',
    forms: ['CH-110', 'CH-100', 'CH-109'],
    cletsNickname: 'CLETS-TCH',
    hearing: hearingWithin21,
    maxDuration: 'P25D',
    defaultExpiry: { rule: 'until-hearing' },
    renewal: null,
    serviceMethods: serviceTemporary,
    unverified: ['Animal-protection item on CH forms not confirmed.'],
  },
  {
    ...civilDefaults,
    ...chParties,
    code: 'CH-130',
    name: 'Civil Harassment Restraining Order After Hearing',
    phase: 'after-hearing',
    forms: ['CH-130', 'CH-100', 'CH-109', 'CH-110', 'CH-700', 'CH-600'],
    cletsNickname: 'CLETS-CHO',
    hearing: hearingHeld,
    maxDuration: 'P5Y',
    defaultExpiry: { rule: 'from-issuance', duration: 'P3Y' },
    renewal: { window: 'P3M', maxRenewal: 'P5Y' },
    serviceMethods: serviceAfterHearing,
    unverified: ['3-year default (§527.6(j)) from a secondary source only (S-2).'],
  },
];
