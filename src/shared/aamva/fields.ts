/**
 * Turns the DL/ID subfile's elements into the normalised licence record, applying the
 * per-version rules of devices.md §3.4:
 * - names: v01 `DAA` "LAST,FIRST,MIDDLE,SUFFIX" (or `DAB`/`DAC`/`DAD`/`DAE`); v02–03 `DCS` +
 *   `DCT` "FIRST,MIDDLE"; v04+ `DCS`/`DAC`/`DAD` with truncation flags `DDE`/`DDF`/`DDG`;
 * - dates: v01 CCYYMMDD; v02+ MMDDCCYY in the USA and CCYYMMDD in Canada, decided by `DCG`;
 * - height `DAU` (v01 feet+inches, later "069 IN"/"175 CM") or v01 `DAV` (cm);
 * - weight `DAW` (lb), `DAX` (kg) or only a range `DCE`.
 */
import { canadianProvinces, issuersByIin } from './jurisdictions';
import type { AamvaCountry } from './jurisdictions';
import type { AamvaLicence } from './schema';
import {
  isNoValue,
  normaliseDate,
  normaliseEye,
  normaliseHair,
  normaliseHeight,
  normalisePostal,
  normaliseSex,
  normaliseWeight,
} from './values';
import type { DateOrder, Notes } from './values';

type Elements = Readonly<Record<string, string>>;

function clean(v: string | undefined): string | null {
  if (v === undefined) return null;
  const t = v.trim().replace(/\s+/g, ' ');
  return t === '' || isNoValue(t) ? null : t;
}

type Names = Pick<AamvaLicence, 'familyName' | 'givenName' | 'middleName' | 'suffix'>;

function readNames(el: Elements, notes: Notes): Names {
  let familyName = clean(el.DCS) ?? clean(el.DAB);
  let givenName = clean(el.DAC);
  let middleName = clean(el.DAD)?.replace(/\s*,\s*/g, ' ') ?? null;
  let suffix = clean(el.DCU) ?? clean(el.DAE);
  const dct = clean(el.DCT);
  if (givenName === null && dct !== null) {
    // v02–03: "FIRST,MIDDLE" (some cards use a space instead of the comma).
    const parts = (dct.includes(',') ? dct.split(',') : dct.split(' '))
      .map((p) => p.trim())
      .filter((p) => p !== '' && !isNoValue(p));
    givenName = parts[0] ?? null;
    middleName ??= parts.slice(1).join(' ') || null;
  }
  const daa = clean(el.DAA);
  if ((familyName === null || givenName === null) && daa !== null) {
    // v01 full name: LAST,FIRST,MIDDLE,SUFFIX ('$' and '@' are seen as separators too).
    const parts = daa.split(/[,$@]/).map((p) => clean(p));
    if (parts.length >= 2) {
      familyName ??= parts[0] ?? null;
      givenName ??= parts[1] ?? null;
      middleName ??= parts[2] ?? null;
      suffix ??= parts[3] ?? null;
    } else {
      familyName ??= daa;
      notes.warnings.push(
        `The full name "${daa}" has no separators; it was put in the family name.`,
      );
    }
  }
  const flags: ReadonlyArray<readonly [string, string]> = [
    ['DDE', 'family name'],
    ['DDF', 'first name'],
    ['DDG', 'middle name'],
  ];
  for (const [id, what] of flags) {
    if (el[id]?.trim().toUpperCase() === 'T') {
      notes.warnings.push(`The card says the ${what} is truncated; check it against the card.`);
    }
  }
  return { familyName, givenName, middleName, suffix };
}

/** The card's country: `DCG` if present, else the issuer's, else a Canadian province in DAJ. */
export function decideCountry(el: Elements, iin: string): AamvaCountry | null {
  const dcg = el.DCG?.trim().toUpperCase();
  if (dcg === 'USA' || dcg === 'CAN' || dcg === 'MEX') return dcg;
  const issuer = issuersByIin.get(iin);
  if (issuer) return issuer.country;
  const state = el.DAJ?.trim().toUpperCase();
  if (state) return canadianProvinces.has(state) ? 'CAN' : 'USA';
  return null;
}

/** Builds the normalised record from one subfile's elements. */
export function buildLicence(
  el: Elements,
  version: number,
  iin: string,
  country: AamvaCountry | null,
  notes: Notes,
): AamvaLicence {
  const order: DateOrder = version <= 1 || country === 'CAN' ? 'YMD' : 'MDY';
  const date = (id: string, field: 'dob' | 'expires'): string | null => {
    const v = clean(el[id]);
    return v === null ? null : normaliseDate(v, order, field, id, notes);
  };

  const state = clean(el.DAJ)?.toUpperCase() ?? null;
  let jurisdiction = issuersByIin.get(iin)?.code ?? null;
  if (jurisdiction === null && state !== null) {
    jurisdiction = state;
    notes.warnings.push(
      `Issuer number ${iin} is not in the list; the licence state was taken from the address (${state}).`,
    );
  }

  let licenseNumber = clean(el.DAQ);
  if (licenseNumber === null && version <= 1 && clean(el.DBJ) !== null) {
    licenseNumber = clean(el.DBJ);
    notes.warnings.push(
      'The licence number was read from DBJ (customer identifier): this card has no DAQ.',
    );
  }

  const heightId = clean(el.DAU) !== null ? 'DAU' : clean(el.DAV) !== null ? 'DAV' : null;
  const weightId = ['DAW', 'DAX', 'DCE'].find((id) => clean(el[id]) !== null) ?? null;
  const sexRaw = clean(el.DBC);
  const eyeRaw = clean(el.DAY);
  const hairRaw = clean(el.DAZ);
  const street = [clean(el.DAG), clean(el.DAH)].filter((s) => s !== null).join(', ') || null;
  const postalRaw = clean(el.DAK);

  return {
    version,
    jurisdiction,
    ...readNames(el, notes),
    dob: date('DBB', 'dob'),
    sex: sexRaw === null ? null : normaliseSex(sexRaw, notes),
    eyeColor: eyeRaw === null ? null : normaliseEye(eyeRaw, notes),
    hairColor: hairRaw === null ? null : normaliseHair(hairRaw, notes),
    height:
      heightId === null ? null : normaliseHeight(el[heightId] ?? '', heightId, version, notes),
    weight: weightId === null ? null : normaliseWeight(el[weightId] ?? '', weightId, notes),
    street,
    city: clean(el.DAI),
    state,
    postalCode: postalRaw === null ? null : normalisePostal(postalRaw, country),
    licenseNumber,
    expires: date('DBA', 'expires'),
  };
}
