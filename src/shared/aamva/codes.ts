/**
 * AAMVA (ANSI D-20) eye and hair colour codes → NCIC EYE / HAI codes, as data.
 *
 * NCIC tables: domain.md §3.4. AAMVA has codes NCIC lacks (DIC, BAL, UNK) and NCIC has codes
 * AAMVA lacks (MUL, ONG, PLE …); NCIC files "bald" and "unknown" hair under XXX. A value with
 * no row here is reported to the clerk as unmapped instead of being guessed.
 */

/** NCIC eye colour codes (EYE). */
export const ncicEyeCodes = [
  'BLK',
  'BLU',
  'BRO',
  'GRN',
  'GRY',
  'HAZ',
  'MAR',
  'MUL',
  'PNK',
  'XXX',
] as const;

/** NCIC hair colour codes (HAI). */
export const ncicHairCodes = [
  'BLK',
  'BLN',
  'BLU',
  'BRO',
  'GRN',
  'GRY',
  'ONG',
  'PLE',
  'PNK',
  'RED',
  'SDY',
  'WHI',
  'XXX',
] as const;

export type NcicEyeCode = (typeof ncicEyeCodes)[number];
export type NcicHairCode = (typeof ncicHairCodes)[number];

/**
 * Eye values seen on cards → NCIC. The AAMVA codes first, then NCIC's own codes (some cards
 * use them), then spelled-out words and the common non-standard "BRN".
 */
export const eyeToNcic: Readonly<Record<string, NcicEyeCode>> = {
  BLK: 'BLK',
  BLU: 'BLU',
  BRO: 'BRO',
  GRY: 'GRY',
  GRN: 'GRN',
  HAZ: 'HAZ',
  MAR: 'MAR',
  PNK: 'PNK',
  DIC: 'MUL',
  UNK: 'XXX',
  MUL: 'MUL',
  XXX: 'XXX',
  BRN: 'BRO',
  BLACK: 'BLK',
  BLUE: 'BLU',
  BROWN: 'BRO',
  GRAY: 'GRY',
  GREY: 'GRY',
  GREEN: 'GRN',
  HAZEL: 'HAZ',
  MAROON: 'MAR',
  PINK: 'PNK',
  DICHROMATIC: 'MUL',
  MULTICOLORED: 'MUL',
  UNKNOWN: 'XXX',
};

/** Hair values seen on cards → NCIC. Bald has no NCIC code of its own: NCIC files it as XXX. */
export const hairToNcic: Readonly<Record<string, NcicHairCode>> = {
  BAL: 'XXX',
  BLK: 'BLK',
  BLN: 'BLN',
  BRO: 'BRO',
  GRY: 'GRY',
  RED: 'RED',
  SDY: 'SDY',
  WHI: 'WHI',
  UNK: 'XXX',
  BLU: 'BLU',
  GRN: 'GRN',
  ONG: 'ONG',
  PLE: 'PLE',
  PNK: 'PNK',
  XXX: 'XXX',
  BRN: 'BRO',
  BALD: 'XXX',
  BLACK: 'BLK',
  BLOND: 'BLN',
  BLONDE: 'BLN',
  BROWN: 'BRO',
  GRAY: 'GRY',
  GREY: 'GRY',
  AUBURN: 'RED',
  SANDY: 'SDY',
  WHITE: 'WHI',
  UNKNOWN: 'XXX',
  BLUE: 'BLU',
  GREEN: 'GRN',
  ORANGE: 'ONG',
  PURPLE: 'PLE',
  PINK: 'PNK',
};

/** AAMVA DCE weight ranges in pounds (the card gives only the range, not the weight). */
export const weightRangesLb: Readonly<Record<string, readonly [number, number | null]>> = {
  '0': [0, 70],
  '1': [71, 100],
  '2': [101, 130],
  '3': [131, 160],
  '4': [161, 190],
  '5': [191, 220],
  '6': [221, 250],
  '7': [251, 280],
  '8': [281, 320],
  '9': [321, null],
};
