/**
 * Catalog data: emergency protective order (EPO-001) and gun violence restraining orders
 * (EPO-002 emergency, GV-110 temporary, GV-130 after hearing). Source: domain.md §1.1, §5.
 */
import { civilDefaults, hearingHeld, noHearing } from './common';
import type { OrderTypeEntry } from './schema';

const gvParties = {
  family: 'GV',
  statute: ['Pen. Code §§18100–18205'],
  // A GVRO restrains a "subject" and protects no named person.
  protected: { min: 0, max: 0 },
  restrainedLabel: 'Subject',
  conductTerms: ['firearms', 'other'],
  // CRC 2.503(c): GVRO records are available at the courthouse only.
  confidentiality: 'courthouse-only',
} as const satisfies Partial<OrderTypeEntry>;

const gvPetitioners = [
  'law-enforcement',
  'family-member',
  'household-member',
  'employer',
  'coworker',
  'school-employee',
] as const;

/** EPO and GV entries. */
export const emergencyEntries: readonly OrderTypeEntry[] = [
  {
    ...civilDefaults,
    code: 'EPO-001',
    name: 'Emergency Protective Order',
    family: 'EPO',
    phase: 'emergency',
    statute: ['Fam. Code §§6240–6275', 'Fam. Code §6256', 'Fam. Code §6253'],
    forms: ['EPO-001'],
    cletsNickname: 'CLETS-EPO',
    // Requested orally by a law-enforcement officer to an on-call judicial officer (§6241).
    petitioner: { required: true, roles: ['law-enforcement'] },
    protected: { min: 1, max: null },
    restrainedLabel: 'Restrained person',
    hearing: noHearing,
    // §6256: at most the end of the 7th calendar day; the 5th-court-day limit may be earlier.
    maxDuration: 'P7D',
    defaultExpiry: { rule: 'epo' },
    renewal: null,
    conductTerms: [
      'personal-conduct',
      'no-contact',
      'stay-away',
      'move-out',
      'firearms',
      'custody',
      'other',
    ],
    serviceMethods: ['not-served', 'personal'],
    confidentialForm: null,
    unverified: ['Close of judicial business is court-defined; default 17:00 is UNVERIFIED.'],
  },
  {
    ...civilDefaults,
    ...gvParties,
    code: 'EPO-002',
    name: 'Emergency Gun Violence Restraining Order',
    phase: 'emergency',
    statute: ['Pen. Code §§18125–18145'],
    forms: ['EPO-002'],
    cletsNickname: null,
    petitioner: { required: true, roles: ['law-enforcement'] },
    hearing: noHearing,
    // PC §18125(b): expires 21 days from the date of issue.
    maxDuration: 'P21D',
    defaultExpiry: { rule: 'from-issuance', duration: 'P21D' },
    renewal: null,
    serviceMethods: ['not-served', 'personal'],
    confidentialForm: null,
    unverified: ['Whether a CLETS-001 accompanies an EPO-002 is not confirmed.'],
  },
  {
    ...civilDefaults,
    ...gvParties,
    code: 'GV-110',
    name: 'Temporary Gun Violence Restraining Order',
    phase: 'temporary',
    forms: ['GV-110', 'GV-100', 'GV-109'],
    cletsNickname: null,
    petitioner: { required: true, roles: [...gvPetitioners] },
    hearing: { kind: 'scheduled', withinDays: 21, withinDaysGoodCause: null },
    maxDuration: 'P21D',
    defaultExpiry: { rule: 'until-hearing' },
    renewal: null,
    serviceMethods: ['not-served', 'in-court', 'personal'],
    unverified: [],
  },
  {
    ...civilDefaults,
    ...gvParties,
    code: 'GV-130',
    name: 'Gun Violence Restraining Order After Hearing',
    phase: 'after-hearing',
    statute: ['Pen. Code §§18100–18205', 'Pen. Code §18175'],
    forms: ['GV-130', 'GV-100', 'GV-109', 'GV-110'],
    cletsNickname: null,
    petitioner: { required: true, roles: [...gvPetitioners] },
    hearing: hearingHeld,
    maxDuration: 'P5Y',
    minDuration: 'P1Y',
    defaultExpiry: { rule: 'must-be-written' },
    renewal: { window: 'P3M', maxRenewal: 'P5Y' },
    serviceMethods: ['not-served', 'in-court', 'personal'],
    unverified: [
      '1–5 year range (PC §18175) from a secondary source (S-2).',
      'GV renewal window assumed as 3 months.',
    ],
  },
];
