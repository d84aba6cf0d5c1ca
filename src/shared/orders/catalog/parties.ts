/**
 * Lists about parties and names that the law or NCIC defines: relationships, who may petition,
 * name rules and the markers of a business name. Data, so a rule change is a data edit.
 */

/**
 * What a protected person is TO the restrained person (e.g. `spouse` = the protected person is
 * the restrained person's spouse). `intimate` marks 18 U.S.C. §921(a)(32) intimate partners and
 * `child` the children §922(g)(8) also covers; both drive the Brady suggestion.
 */
export const relationships = [
  { code: 'spouse', label: 'Spouse', brady: 'intimate' },
  { code: 'former-spouse', label: 'Former spouse', brady: 'intimate' },
  { code: 'co-parent', label: 'Other parent of a child in common', brady: 'intimate' },
  { code: 'cohabitant', label: 'Lives with (intimate)', brady: 'intimate' },
  { code: 'former-cohabitant', label: 'Used to live with (intimate)', brady: 'intimate' },
  { code: 'dating', label: 'Dating or engaged', brady: 'maybe' },
  { code: 'former-dating', label: 'Used to date or be engaged', brady: 'maybe' },
  { code: 'child', label: 'Child of the restrained person', brady: 'child' },
  { code: 'child-of-partner', label: "Child of the restrained person's partner", brady: 'child' },
  { code: 'parent', label: 'Parent', brady: 'no' },
  { code: 'sibling', label: 'Brother or sister', brady: 'no' },
  { code: 'grandparent', label: 'Grandparent', brady: 'no' },
  { code: 'grandchild', label: 'Grandchild', brady: 'no' },
  { code: 'other-relative', label: 'Other relative', brady: 'no' },
  { code: 'household-member', label: 'Member of the same household', brady: 'maybe' },
  { code: 'employee', label: 'Employee or coworker', brady: 'no' },
  { code: 'student', label: 'Student', brady: 'no' },
  { code: 'neighbor', label: 'Neighbor', brady: 'no' },
  { code: 'roommate', label: 'Roommate (not intimate)', brady: 'no' },
  { code: 'caregiver', label: 'Cared for by the restrained person', brady: 'no' },
  { code: 'acquaintance', label: 'Acquaintance', brady: 'no' },
  { code: 'stranger', label: 'Stranger', brady: 'no' },
  { code: 'victim-witness', label: 'Victim or witness (criminal case)', brady: 'maybe' },
  { code: 'other', label: 'Other', brady: 'maybe' },
] as const;

/** A relationship code. */
export type RelationshipCode = (typeof relationships)[number]['code'];

/** Relationship codes as a tuple for zod. */
export const relationshipCodes = relationships.map((r) => r.code) as [
  RelationshipCode,
  ...RelationshipCode[],
];

/** Who may petition, across all order types; each catalog entry lists the roles it allows. */
export const petitionerRoles = [
  { code: 'protected-person', label: 'The protected person' },
  { code: 'guardian-ad-litem', label: 'Guardian ad litem for a minor or incapacitated person' },
  { code: 'conservator', label: 'Conservator' },
  { code: 'trustee', label: 'Trustee' },
  { code: 'attorney-in-fact', label: 'Attorney-in-fact' },
  { code: 'adult-protective-services', label: 'County Adult Protective Services' },
  { code: 'employer', label: 'Employer (on behalf of an employee)' },
  { code: 'school-officer', label: 'Chief administrative officer of the school (or designee)' },
  { code: 'law-enforcement', label: 'Law-enforcement officer or agency' },
  { code: 'family-member', label: 'Immediate family member' },
  { code: 'household-member', label: 'Household member' },
  { code: 'coworker', label: 'Coworker' },
  { code: 'school-employee', label: 'School employee' },
  { code: 'prosecutor', label: 'Prosecutor (People of the State of California)' },
  { code: 'social-worker', label: 'Social worker or child-welfare agency' },
  { code: 'probation-officer', label: 'Probation officer' },
  { code: 'parent-guardian', label: 'Parent, guardian or caretaker' },
  { code: 'child', label: 'The child (juvenile case)' },
  { code: 'court', label: 'The court on its own motion' },
] as const;

/** A petitioner-role code. */
export type PetitionerRole = (typeof petitionerRoles)[number]['code'];

/** Petitioner roles as a tuple for zod. */
export const petitionerRoleCodes = petitionerRoles.map((r) => r.code) as [
  PetitionerRole,
  ...PetitionerRole[],
];

/**
 * NCIC name rules (domain.md §3.2). The 30-character cap is commonly cited but UNVERIFIED;
 * it lives here so confirming it is a one-line change.
 */
export const nameRules = {
  maxLength: 30,
  maxPartLength: 30,
  /** Suffixes NCIC writes after the given names; spelled-out forms map to these. */
  suffixes: ['JR', 'SR', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'],
  suffixAliases: { JUNIOR: 'JR', SENIOR: 'SR', '2ND': 'II', '3RD': 'III', '4TH': 'IV' },
} as const;

/**
 * Words that mark a business rather than a person (Chelan clerk rule, domain.md §7: parties
 * must be people). Whole words only, so surnames such as CHURCH or BANKS still pass.
 */
export const businessNameMarkers = [
  'INC',
  'INCORPORATED',
  'LLC',
  'LLP',
  'PLLC',
  'LTD',
  'LIMITED',
  'CORP',
  'CORPORATION',
  'COMPANY',
  'DBA',
  'ASSOCIATION',
  'UNIVERSITY',
  'COLLEGE',
  'DEPARTMENT',
  'DISTRICT',
  'HOSPITAL',
  'ENTERPRISES',
  'HOLDINGS',
  'FOUNDATION',
  'SERVICES',
  'AGENCY',
] as const;
