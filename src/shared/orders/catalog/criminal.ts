/**
 * Catalog data: criminal protective orders (CR-160, CR-161) and juvenile restraining orders
 * (JV-250 temporary, JV-255 after hearing). Source: domain.md §1.1, §2.3.
 *
 * CR-160 and CR-161 have two versions: from 1 January 2026 the prosecution files the
 * confidential CLETS-002 with the request (CRC 1.51, 2026 version).
 */
import { catalogBaseline, civilDefaults, dvTerms, hearingHeld } from './common';
import type { OrderTypeEntry } from './schema';

const cpoBase = {
  ...civilDefaults,
  jurisdiction: 'criminal',
  family: 'CPO',
  phase: 'after-hearing',
  cletsNickname: 'CLETS-CPO',
  // The People are the moving party; the record need not name a petitioner.
  petitioner: { required: false, roles: ['prosecutor'] },
  protected: { min: 1, max: null },
  restrainedLabel: 'Defendant',
  hearing: hearingHeld,
  // §136.2(i): post-conviction orders up to 10 years; pre-trial orders last while pending.
  maxDuration: 'P10Y',
  defaultExpiry: { rule: 'must-be-written' },
  renewal: null,
  conductTerms: [
    'personal-conduct',
    'no-contact',
    'stay-away',
    'firearms',
    'animals',
    'custody',
    'electronic-monitoring',
    'other',
  ],
  serviceMethods: ['not-served', 'in-court', 'personal'],
} as const satisfies Partial<OrderTypeEntry>;

const cr160 = {
  ...cpoBase,
  code: 'CR-160',
  name: 'Criminal Protective Order—Domestic Violence',
  statute: [
    'Pen. Code §136.2',
    'Pen. Code §273.5(j)',
    'Pen. Code §368(l)',
    'Pen. Code §646.9(k)',
    'Pen. Code §1203.097(a)(2)',
  ],
  forms: ['CR-160'],
  unverified: ['Duration when none is written not confirmed: the expiration must be entered.'],
} as const satisfies Partial<OrderTypeEntry>;

const cr161 = {
  ...cpoBase,
  code: 'CR-161',
  name: 'Criminal Protective Order—Other Than Domestic Violence',
  statute: ['Pen. Code §136.2', 'Pen. Code §646.9(k)'],
  forms: ['CR-161', 'CR-165'],
  unverified: [
    'Form numbers CR-161 and CR-165 (termination) are UNVERIFIED.',
    'Duration when none is written not confirmed: the expiration must be entered.',
  ],
} as const satisfies Partial<OrderTypeEntry>;

const juvenileBase = {
  ...civilDefaults,
  family: 'JUV',
  statute: ['Welf. & Inst. Code §213.5', 'Cal. Rules of Court, rule 5.630'],
  petitioner: {
    required: false,
    roles: [
      'social-worker',
      'probation-officer',
      'prosecutor',
      'parent-guardian',
      'child',
      'court',
      'protected-person',
    ],
  },
  protected: { min: 1, max: null },
  restrainedLabel: 'Restrained person',
  conductTerms: dvTerms,
} as const satisfies Partial<OrderTypeEntry>;

/** CR and JV entries. */
export const criminalEntries: readonly OrderTypeEntry[] = [
  { ...cr160, effectiveFrom: catalogBaseline, effectiveTo: '2025-12-31', confidentialForm: null },
  { ...cr160, effectiveFrom: '2026-01-01', effectiveTo: null, confidentialForm: 'CLETS-002' },
  { ...cr161, effectiveFrom: catalogBaseline, effectiveTo: '2025-12-31', confidentialForm: null },
  { ...cr161, effectiveFrom: '2026-01-01', effectiveTo: null, confidentialForm: 'CLETS-002' },
  {
    ...juvenileBase,
    code: 'JV-250',
    name: 'Notice of Hearing and Temporary Restraining Order—Juvenile',
    phase: 'temporary',
    forms: ['JV-250', 'JV-245', 'JV-258'],
    cletsNickname: null,
    hearing: { kind: 'scheduled', withinDays: null, withinDaysGoodCause: null },
    maxDuration: null,
    defaultExpiry: { rule: 'until-hearing' },
    renewal: null,
    serviceMethods: ['not-served', 'in-court', 'personal'],
    unverified: ['Hearing deadline and maximum length of a juvenile TRO not confirmed.'],
  },
  {
    ...juvenileBase,
    code: 'JV-255',
    name: 'Restraining Order—Juvenile',
    phase: 'after-hearing',
    forms: ['JV-255', 'JV-245', 'JV-250'],
    cletsNickname: 'CLETS-JUV',
    hearing: hearingHeld,
    maxDuration: 'P3Y',
    // JV-255 face: 3 years after the hearing date; with no time written, ends at midnight.
    defaultExpiry: { rule: 'from-hearing', duration: 'P3Y' },
    endOfDayIfNoTime: true,
    renewal: null,
    serviceMethods: ['not-served', 'in-court', 'personal', 'mail'],
    unverified: ['Renewal of juvenile orders not modelled.'],
  },
];
