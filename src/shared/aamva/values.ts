/**
 * Normalisers for single AAMVA element values: dates, sex, height, weight, colours, postal
 * codes. Each returns null (and records why in `notes.unmapped`) instead of guessing.
 */
import { eyeToNcic, hairToNcic, weightRangesLb } from './codes';
import type { NcicEyeCode, NcicHairCode } from './codes';
import type { LicenceField, UnmappedValue } from './schema';

/** Where normalisers report values they could not map and repairs they made. */
export type Notes = { readonly unmapped: UnmappedValue[]; readonly warnings: string[] };

/** Field order of a date element: US cards from v02 on are MMDDCCYY, Canada and v01 CCYYMMDD. */
export type DateOrder = 'MDY' | 'YMD';

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function readDate(digits: string, order: DateOrder): string | null {
  const [y, m, d] =
    order === 'YMD'
      ? [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)]
      : [digits.slice(4, 8), digits.slice(0, 2), digits.slice(2, 4)];
  return validDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : null;
}

/**
 * Reads an 8-digit date in the expected order; if that is not a real date but the other order
 * is, uses that (the two can never both be valid) and says so.
 */
export function normaliseDate(
  raw: string,
  order: DateOrder,
  field: LicenceField,
  element: string,
  notes: Notes,
): string | null {
  const digits = raw.replace(/[-/ ]/g, '');
  if (/^\d{8}$/.test(digits)) {
    const primary = readDate(digits, order);
    if (primary) return primary;
    const other: DateOrder = order === 'MDY' ? 'YMD' : 'MDY';
    const fallback = readDate(digits, other);
    if (fallback) {
      notes.warnings.push(
        `${element} "${raw}" is not a valid ${order === 'MDY' ? 'MMDDCCYY' : 'CCYYMMDD'} date; read it as ${other === 'MDY' ? 'MMDDCCYY' : 'CCYYMMDD'}.`,
      );
      return fallback;
    }
  }
  notes.unmapped.push({ field, element, raw, reason: `"${raw}" is not a valid date.` });
  return null;
}

/** DBC: 1 male, 2 female, 9 not specified (shown as X on the card); letters seen on old cards. */
export function normaliseSex(raw: string, notes: Notes): 'M' | 'F' | 'X' | 'U' {
  const v = raw.trim().toUpperCase();
  if (v === '1' || v === 'M') return 'M';
  if (v === '2' || v === 'F') return 'F';
  if (v === '9' || v === 'X') return 'X';
  notes.unmapped.push({
    field: 'sex',
    element: 'DBC',
    raw,
    reason: `Sex code "${raw}" is not 1, 2 or 9; recorded as U (unknown). Check the card.`,
  });
  return 'U';
}

/** An NCIC colour code for an eye or hair value, or null (recorded as unmapped). */
export function normaliseEye(raw: string, notes: Notes): NcicEyeCode | null {
  const code = eyeToNcic[raw.trim().toUpperCase()];
  if (code) return code;
  notes.unmapped.push({
    field: 'eyeColor',
    element: 'DAY',
    raw,
    reason: `Eye colour "${raw}" has no NCIC EYE code; choose one from the card.`,
  });
  return null;
}

export function normaliseHair(raw: string, notes: Notes): NcicHairCode | null {
  const code = hairToNcic[raw.trim().toUpperCase()];
  if (code) return code;
  notes.unmapped.push({
    field: 'hairColor',
    element: 'DAZ',
    raw,
    reason: `Hair colour "${raw}" has no NCIC HAI code; choose one from the card.`,
  });
  return null;
}

const MIN_IN = 24;
const MAX_IN = 107;

function toFeet(totalInches: number): { feet: number; inches: number } | null {
  if (!Number.isFinite(totalInches) || totalInches < MIN_IN || totalInches > MAX_IN) return null;
  return { feet: Math.floor(totalInches / 12), inches: totalInches % 12 };
}

/**
 * Height. v02+ writes "069 IN" or "175 CM"; v01 writes feet and inches ("510", "5-10") in DAU
 * and centimetres in DAV. A bare number is read the version's way first, the other way second.
 */
export function normaliseHeight(
  raw: string,
  element: string,
  version: number,
  notes: Notes,
): { feet: number; inches: number } | null {
  const v = raw.trim().toUpperCase();
  let m = /^(\d{1,3})\s*(IN|CM)\.?$/.exec(v);
  let result: { feet: number; inches: number } | null = null;
  if (m) {
    const n = Number(m[1]);
    result = toFeet(m[2] === 'CM' ? Math.round(n / 2.54) : n);
  } else if ((m = /^(\d)\s*(?:'|FT|-)\s*-?\s*(\d{1,2})\s*(?:"|IN)?$/.exec(v))) {
    const inches = Number(m[2]);
    result = inches < 12 ? toFeet(Number(m[1]) * 12 + inches) : null;
  } else if (/^\d{2,3}$/.test(v)) {
    const n = Number(v);
    const asFeetInches = (): { feet: number; inches: number } | null =>
      v.length === 3 && n % 100 < 12 ? toFeet(Math.floor(n / 100) * 12 + (n % 100)) : null;
    if (element === 'DAV') result = toFeet(Math.round(n / 2.54));
    else if (version <= 1) result = asFeetInches() ?? toFeet(n);
    else result = toFeet(n) ?? asFeetInches();
  }
  if (!result) {
    notes.unmapped.push({
      field: 'height',
      element,
      raw,
      reason: `Height "${raw}" is not in a known format (e.g. "069 IN" or "175 cm").`,
    });
  }
  return result;
}

/** Weight in pounds from DAW (lb) or DAX (kg); DCE gives only a range and is reported. */
export function normaliseWeight(raw: string, element: string, notes: Notes): number | null {
  const v = raw.trim().toUpperCase();
  if (element === 'DCE') {
    const range = weightRangesLb[v];
    const text = range
      ? range[1] === null
        ? `${range[0]} lb or more`
        : `${range[0]}–${range[1]} lb`
      : 'an unknown range';
    notes.unmapped.push({
      field: 'weight',
      element,
      raw,
      reason: `The card gives only a weight range (${text}); enter the weight.`,
    });
    return null;
  }
  const m = /^(\d{1,3})\s*(LB|LBS|KG)?$/.exec(v);
  if (m) {
    const n = Number(m[1]);
    const pounds = element === 'DAX' || m[2] === 'KG' ? Math.round(n * 2.20462262) : n;
    if (pounds >= 20 && pounds <= 999) return pounds;
  }
  notes.unmapped.push({
    field: 'weight',
    element,
    raw,
    reason: `Weight "${raw}" is not a weight in pounds or kilograms.`,
  });
  return null;
}

/** US ZIP+4 (zeros dropped) or Canadian "A1A 1A1"; anything else is returned trimmed. */
export function normalisePostal(raw: string, country: string | null): string | null {
  const v = raw.trim().toUpperCase();
  if (v === '') return null;
  const ca = /^([A-Z]\d[A-Z])\s*-?\s*(\d[A-Z]\d)/.exec(v);
  if (ca && country !== 'USA') return `${ca[1]} ${ca[2]}`;
  const digits = v.replace(/[\s-]/g, '');
  if (/^\d{9}$/.test(digits)) {
    const plus4 = digits.slice(5);
    return plus4 === '0000' ? digits.slice(0, 5) : `${digits.slice(0, 5)}-${plus4}`;
  }
  if (/^\d{5}$/.test(digits)) return digits;
  return v.replace(/\s+/g, ' ');
}

/** AAMVA's "no value" spellings: NONE (no middle name), unavl/unavail (not available). */
export function isNoValue(v: string): boolean {
  return /^(NONE|UNAVL|UNAVAIL|UNAVAILABLE|N\/A)$/i.test(v.trim());
}
