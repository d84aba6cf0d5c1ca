/**
 * NCIC code tables (SEX, RAC, EYE, HAI, SKN) and the other small lists the order model uses,
 * as data with human labels, so a change from DOJ is a data edit, not a code change.
 *
 * Source: domain.md §3.4 (NIEM FBI/NCIC code lists). `cletsCode` is what the CLETS record
 * carries; where it differs from `code` the mapping is UNVERIFIED and says why.
 */

/** One row of a code table. */
export type CodeRow = {
  readonly code: string;
  readonly label: string;
  /** The value sent in CLETS records when it differs from `code` (UNVERIFIED mapping). */
  readonly cletsCode?: string;
  readonly note?: string;
};

/** SEX / PSX. `X` (nonbinary) is on current DV forms; NCIC has no such code (domain.md §8 q2). */
export const sexCodes = [
  { code: 'M', label: 'Male' },
  { code: 'F', label: 'Female' },
  {
    code: 'X',
    label: 'Nonbinary',
    cletsCode: 'U',
    note: 'UNVERIFIED: NCIC has no nonbinary code; sent as U with MIS text until DOJ says otherwise.',
  },
  { code: 'U', label: 'Unknown' },
] as const satisfies readonly CodeRow[];

/** RAC / PPR. Hispanic is an ethnicity, not a race code. */
export const raceCodes = [
  { code: 'A', label: 'Asian' },
  { code: 'B', label: 'Black' },
  { code: 'I', label: 'American Indian or Alaskan Native' },
  {
    code: 'P',
    label: 'Native Hawaiian or Other Pacific Islander',
    cletsCode: 'A',
    note: 'UNVERIFIED whether CARPOS accepts P; older NCIC folds Pacific Islander into A.',
  },
  { code: 'W', label: 'White' },
  { code: 'U', label: 'Unknown' },
] as const satisfies readonly CodeRow[];

/** EYE. NIEM 4.0's `BR0` (zero) is a typo for `BRO`. */
export const eyeCodes = [
  { code: 'BLK', label: 'Black' },
  { code: 'BLU', label: 'Blue' },
  { code: 'BRO', label: 'Brown' },
  { code: 'GRN', label: 'Green' },
  { code: 'GRY', label: 'Gray' },
  { code: 'HAZ', label: 'Hazel' },
  { code: 'MAR', label: 'Maroon' },
  { code: 'MUL', label: 'Multicolored' },
  { code: 'PNK', label: 'Pink' },
  { code: 'XXX', label: 'Unknown' },
] as const satisfies readonly CodeRow[];

/** HAI. NCIC has no bald code: bald is `XXX`. */
export const hairCodes = [
  { code: 'BLK', label: 'Black' },
  { code: 'BLN', label: 'Blond or strawberry' },
  { code: 'BLU', label: 'Blue' },
  { code: 'BRO', label: 'Brown' },
  { code: 'GRN', label: 'Green' },
  { code: 'GRY', label: 'Gray or partially gray' },
  { code: 'ONG', label: 'Orange' },
  { code: 'PLE', label: 'Purple' },
  { code: 'PNK', label: 'Pink' },
  { code: 'RED', label: 'Red or auburn' },
  { code: 'SDY', label: 'Sandy' },
  { code: 'WHI', label: 'White' },
  { code: 'XXX', label: 'Unknown or completely bald' },
] as const satisfies readonly CodeRow[];

/** SKN. There is no "unknown" skin code: leave the field empty instead. */
export const skinCodes = [
  { code: 'ALB', label: 'Albino' },
  { code: 'BLK', label: 'Black' },
  { code: 'DBR', label: 'Dark brown' },
  { code: 'DRK', label: 'Dark' },
  { code: 'FAR', label: 'Fair' },
  { code: 'LBR', label: 'Light brown' },
  { code: 'LGT', label: 'Light' },
  { code: 'MBR', label: 'Medium brown' },
  { code: 'MED', label: 'Medium' },
  { code: 'OLV', label: 'Olive' },
  { code: 'RUD', label: 'Ruddy' },
  { code: 'SAL', label: 'Sallow' },
  { code: 'YEL', label: 'Yellow' },
] as const satisfies readonly CodeRow[];

/** The five NCIC person-descriptor tables by their NCIC field name. */
export const ncicCodeTables = {
  SEX: sexCodes,
  RAC: raceCodes,
  EYE: eyeCodes,
  HAI: hairCodes,
  SKN: skinCodes,
} as const;

/** US states, DC, territories and Canadian provinces: the 2-letter codes OLS and addresses use. */
export const stateCodes = {
  us: 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY',
  territories: 'AS GU MP PR VI',
  canada: 'AB BC MB NB NL NS NT NU ON PE QC SK YT',
} as const;

/** Every accepted 2-letter state or province code. */
export const allStateCodes: readonly string[] = Object.values(stateCodes).flatMap((s) =>
  s.split(' '),
);

/** Canadian province codes (postal codes there look like `A1A 1A1`). */
export const canadianProvinceCodes: readonly string[] = stateCodes.canada.split(' ');

/** Label of a code in a table, or undefined when the code is not in it. */
export function codeLabel(table: readonly CodeRow[], code: string): string | undefined {
  return table.find((row) => row.code === code)?.label;
}

/** The code CLETS carries for a table value (the mapped `cletsCode` when there is one). */
export function cletsCodeOf(table: readonly CodeRow[], code: string): string {
  const row = table.find((r) => r.code === code);
  return row?.cletsCode ?? code;
}

/** "BRO (Brown), BLU (Blue), …" for messages that list the allowed codes. */
export function describeCodes(table: readonly CodeRow[]): string {
  return table.map((row) => `${row.code} (${row.label})`).join(', ');
}
