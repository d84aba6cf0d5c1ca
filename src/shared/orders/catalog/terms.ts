/**
 * Limits and vocabularies of the structured conduct terms (domain.md §2.1), as data.
 */

/** Statutory limits the term schemas check. */
export const termRules = {
  /** Surrender or sell firearms within 24 hours of service (DV-800 rules). */
  firearmsRelinquishHours: 24,
  /** File proof of relinquishment within 48 hours. */
  firearmsProofHours: 48,
  /** Electronic monitoring up to one year (Pen. Code §136.2(a)(1)(G)(iv)). */
  electronicMonitoringMaxMonths: 12,
  /** Largest stay-away distance accepted, a typo guard rather than a legal limit. */
  stayAwayMaxYards: 1000,
  /** Free-text length for "other" terms and references. */
  maxTextLength: 500,
} as const;

/** Acts a personal-conduct order forbids (DV-110 item 6 wording). */
export const conductActs = [
  'harass',
  'intimidate',
  'molest',
  'attack',
  'strike',
  'stalk',
  'threaten',
  'assault',
  'hit',
  'abuse',
  'destroy-property',
  'disturb-peace',
  'follow',
  'surveil',
  'impersonate',
  'block-movements',
  'obtain-address',
] as const;

/** Acts that make an order restrain "harassing, stalking, or threatening" (18 U.S.C. §922(g)(8)(B)). */
export const bradyActs: readonly string[] = [
  'harass',
  'stalk',
  'threaten',
  'intimidate',
  'attack',
  'strike',
  'assault',
  'hit',
  'abuse',
];

/** Places a stay-away order can name (DV-110 stay-away list). */
export const stayAwayPlaces = [
  { code: 'person', label: 'the person' },
  { code: 'home', label: 'home' },
  { code: 'workplace', label: 'job or workplace' },
  { code: 'school', label: 'school' },
  { code: 'childrens-school', label: "children's school" },
  { code: 'childcare', label: "children's child care" },
  { code: 'vehicle', label: 'vehicle' },
  { code: 'other', label: 'other places' },
] as const;

/** Exceptions a no-contact order can allow. */
export const noContactExceptions = [
  { code: 'legal-papers', label: 'peaceful written contact through a lawyer or process server' },
  { code: 'court-visitation', label: 'contact for court-ordered visitation' },
  { code: 'child-exchange', label: 'brief peaceful contact to exchange children' },
] as const;

/** Who gets temporary custody under a custody term. */
export const custodyHolders = ['protected', 'restrained', 'shared', 'none'] as const;
