/**
 * The NCIC-style field tags our CLETS records carry, as DATA: meaning, maximum length, format
 * and how sure we are of each (domain.md §3.2–3.4).
 *
 * The real CLETS/CARPOS formats are law-enforcement restricted (domain.md §4), so much of this is
 * marked UNVERIFIED or INFERRED; fix it here, in data, once DOJ supplies the interface spec.
 * These are the WIRE values: the order model's own tables (e.g. sex X for nonbinary) are mapped to
 * them before encoding (src/shared/orders).
 */

/** How sure we are of a tag's name and rules. */
export type TagConfidence = 'confirmed' | 'UNVERIFIED' | 'INFERRED';

/** The rule for one tag. */
export type CletsTagRule = {
  readonly tag: string;
  readonly meaning: string;
  /** Longest value allowed (characters). */
  readonly maxLength: number;
  /** Allowed values, when the tag takes a code. */
  readonly codes?: readonly string[];
  /** Shape the value must have, when it is not a code. */
  readonly pattern?: RegExp;
  /** The shape in words, for error messages. */
  readonly formatText: string;
  /** Whether the tag may appear more than once in a record. */
  readonly repeatable?: boolean;
  /** Confidence in the tag NAME and its length/format rules. */
  readonly confidence: TagConfidence;
  readonly note?: string;
};

const SEX = ['M', 'F', 'U'] as const;
const RACE = ['A', 'B', 'I', 'W', 'U'] as const;
const EYE = ['BLK', 'BLU', 'BRO', 'GRN', 'GRY', 'HAZ', 'MAR', 'MUL', 'PNK', 'XXX'] as const;
// prettier-ignore
const HAIR = [
  'BLK', 'BLN', 'BLU', 'BRO', 'GRN', 'GRY', 'ONG', 'PLE', 'PNK', 'RED', 'SDY', 'WHI', 'XXX',
] as const;
// prettier-ignore
const SKIN = [
  'ALB', 'BLK', 'DBR', 'DRK', 'FAR', 'LBR', 'LGT', 'MBR', 'MED', 'OLV', 'RUD', 'SAL', 'YEL',
] as const;

/** CCYYMMDD, e.g. 19511012 (the NCIC sample record's DOB). Calendar validity is checked too. */
const CCYYMMDD = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
/** `LAST, FIRST MIDDLE SUFFIX`: capitals, space, hyphen, apostrophe; one comma after the surname. */
const NAME = /^[A-Z][A-Z' -]*,( ?[A-Z][A-Z' -]*)?$/;
const NAME_TEXT = 'LAST, FIRST MIDDLE in capitals (letters, space, hyphen, apostrophe)';
const ORI_RE = /^[A-Z]{2}[A-Z0-9]{7}$/;
const ORI_TEXT = '9 characters: 2-letter state then 7 letters or digits, e.g. CA019015J';

/** Every tag the codec knows, in the order a record is usually written. */
export const CLETS_TAGS: readonly CletsTagRule[] = [
  {
    tag: 'MKE',
    meaning: 'Message key (transaction kind); first field of a record',
    maxLength: 4,
    pattern: /^[A-Z]{2,4}$/,
    formatText: '2 to 4 capital letters',
    confidence: 'INFERRED',
    note: 'POF keys (EPO, MPO, XPO, CPO …) are INFERRED (domain.md §3.3); the event→key table lives in src/shared/orders.',
  },
  {
    tag: 'ORI',
    meaning: 'Originating agency identifier (entering agency)',
    maxLength: 9,
    pattern: ORI_RE,
    formatText: ORI_TEXT,
    confidence: 'UNVERIFIED',
    note: 'Tag confirmed; the 9-character length is the NCIC standard, not confirmed from a public source.',
  },
  {
    tag: 'NAM',
    meaning: 'Restrained person name',
    maxLength: 30,
    pattern: NAME,
    formatText: NAME_TEXT,
    confidence: 'UNVERIFIED',
    note: 'Tag and LAST, FIRST MIDDLE shape confirmed (NCIC sample); the 30-character cap is UNVERIFIED.',
  },
  {
    tag: 'SEX',
    meaning: 'Sex of the restrained person',
    maxLength: 1,
    codes: SEX,
    formatText: 'M, F or U',
    confidence: 'confirmed',
  },
  {
    tag: 'RAC',
    meaning: 'Race of the restrained person',
    maxLength: 1,
    codes: RACE,
    formatText: 'A, B, I, W or U',
    confidence: 'confirmed',
    note: 'P (Pacific Islander) is UNVERIFIED for CARPOS and is not accepted here.',
  },
  {
    tag: 'DOB',
    meaning: 'Date of birth of the restrained person',
    maxLength: 8,
    pattern: CCYYMMDD,
    formatText: 'CCYYMMDD, e.g. 19511012',
    confidence: 'confirmed',
  },
  {
    tag: 'HGT',
    meaning: 'Height: feet then 2-digit inches',
    maxLength: 3,
    pattern: /^[1-9](0\d|1[01])$/,
    formatText: '3 digits, feet then inches 00–11, e.g. 510 for 5 ft 10 in',
    confidence: 'confirmed',
  },
  {
    tag: 'WGT',
    meaning: 'Weight in pounds',
    maxLength: 3,
    pattern: /^(?!000)\d{3}$/,
    formatText: '3 digits, pounds 001–999, e.g. 175',
    confidence: 'confirmed',
  },
  {
    tag: 'EYE',
    meaning: 'Eye colour',
    maxLength: 3,
    codes: EYE,
    formatText: 'an NCIC eye code',
    confidence: 'confirmed',
  },
  {
    tag: 'HAI',
    meaning: 'Hair colour',
    maxLength: 3,
    codes: HAIR,
    formatText: 'an NCIC hair code',
    confidence: 'confirmed',
  },
  {
    tag: 'SKN',
    meaning: 'Skin tone',
    maxLength: 3,
    codes: SKIN,
    formatText: 'an NCIC skin code',
    confidence: 'confirmed',
  },
  {
    tag: 'OLN',
    meaning: "Restrained person's driver licence number",
    maxLength: 20,
    pattern: /^[A-Z0-9]+$/,
    formatText: 'capital letters and digits only',
    confidence: 'UNVERIFIED',
    note: 'Tag confirmed (NCIC sample); the 20-character cap is UNVERIFIED.',
  },
  {
    tag: 'OLS',
    meaning: 'Driver licence issuing state',
    maxLength: 2,
    pattern: /^[A-Z]{2}$/,
    formatText: '2-letter state code, e.g. CA',
    confidence: 'confirmed',
  },
  {
    tag: 'PNO',
    meaning: 'Protection order number (court case number)',
    maxLength: 15,
    pattern: /^[A-Z0-9-]+$/,
    formatText: 'capital letters, digits and hyphens',
    confidence: 'UNVERIFIED',
    note: 'Tag name and 15-character cap are UNVERIFIED (domain.md §3.2).',
  },
  {
    tag: 'BRD',
    meaning: 'Brady indicator (federal firearms disqualifier)',
    maxLength: 1,
    codes: ['Y', 'N', 'U'],
    formatText: 'Y, N or U',
    confidence: 'confirmed',
  },
  {
    tag: 'ISD',
    meaning: 'Date the order was issued',
    maxLength: 8,
    pattern: CCYYMMDD,
    formatText: 'CCYYMMDD',
    confidence: 'UNVERIFIED',
    note: 'Tag name UNVERIFIED; the data (beginning date) is mandatory per the Wisconsin TIME manual.',
  },
  {
    tag: 'EXP',
    meaning: 'Expiration date of the order, or NONEXP',
    maxLength: 8,
    pattern: /^(\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])|NONEXP)$/,
    formatText: 'CCYYMMDD, or NONEXP for an order with no expiration',
    confidence: 'UNVERIFIED',
    note: 'Tag name and NONEXP are UNVERIFIED (domain.md §3.2).',
  },
  {
    tag: 'CTI',
    meaning: 'Court identifier (the issuing court ORI)',
    maxLength: 9,
    pattern: ORI_RE,
    formatText: ORI_TEXT,
    confidence: 'UNVERIFIED',
  },
  {
    tag: 'PCO',
    meaning: 'Protection order condition code 01–09; one field per condition',
    maxLength: 2,
    codes: ['01', '02', '03', '04', '05', '06', '07', '08', '09'],
    formatText: 'a 2-digit condition code 01 to 09',
    repeatable: true,
    confidence: 'confirmed',
    note: 'Codes confirmed (NIEM ncic:PCOCodeSimpleType); repeating the field for several conditions is INFERRED.',
  },
  {
    tag: 'PPN',
    meaning: 'Protected person name',
    maxLength: 30,
    pattern: NAME,
    formatText: NAME_TEXT,
    confidence: 'UNVERIFIED',
    note: 'Same rules as NAM.',
  },
  {
    tag: 'PSX',
    meaning: 'Sex of the protected person',
    maxLength: 1,
    codes: SEX,
    formatText: 'M, F or U',
    confidence: 'confirmed',
  },
  {
    tag: 'PPR',
    meaning: 'Race of the protected person',
    maxLength: 1,
    codes: RACE,
    formatText: 'A, B, I, W or U',
    confidence: 'confirmed',
  },
  {
    tag: 'PPB',
    meaning: 'Date of birth of the protected person',
    maxLength: 8,
    pattern: CCYYMMDD,
    formatText: 'CCYYMMDD',
    confidence: 'confirmed',
  },
  {
    tag: 'MIS',
    meaning: 'Miscellaneous text: terms not covered by PCO codes (PCO 08 points here)',
    maxLength: 500,
    pattern: /^[^\n\r]*$/,
    formatText: 'free text on one line',
    confidence: 'UNVERIFIED',
    note: 'Length UNVERIFIED (domain.md §3.2); 500 is a placeholder.',
  },
  {
    tag: 'OCA',
    meaning: 'Originating agency case number',
    maxLength: 20,
    pattern: /^[A-Z0-9-]+$/,
    formatText: 'capital letters, digits and hyphens',
    confidence: 'UNVERIFIED',
    note: 'Tag confirmed (NCIC sample); the 20-character cap is UNVERIFIED.',
  },
];

/** The tag rules by tag name. */
export const CLETS_TAG_RULES: ReadonlyMap<string, CletsTagRule> = new Map(
  CLETS_TAGS.map((rule) => [rule.tag, rule]),
);
