/**
 * The parsed-licence shapes, as zod schemas so the IPC contract and the CLI share them.
 *
 * `AamvaLicence` is the clerk-facing record (what `ccpor aamva parse` prints): every value is
 * normalised (ISO dates, NCIC codes, feet/inches, pounds) or null when the card lacks it.
 * `AamvaParseResult` wraps it with what was filled, what could not be mapped, and the raw
 * elements, so the form can show the clerk exactly what the scan did.
 */
import { z } from 'zod';

import { ncicEyeCodes, ncicHairCodes } from './codes';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The normalised licence record. Key order is the order the CLI prints. */
export const aamvaLicenceSchema = z.object({
  version: z.number().int().min(0).max(99),
  jurisdiction: z.string().nullable(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  middleName: z.string().nullable(),
  suffix: z.string().nullable(),
  dob: isoDate.nullable(),
  sex: z.enum(['M', 'F', 'X', 'U']).nullable(),
  eyeColor: z.enum(ncicEyeCodes).nullable(),
  hairColor: z.enum(ncicHairCodes).nullable(),
  height: z
    .object({ feet: z.number().int().min(0), inches: z.number().int().min(0).max(11) })
    .nullable(),
  weight: z.number().int().positive().nullable(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  licenseNumber: z.string().nullable(),
  expires: isoDate.nullable(),
});

/** A person/licence field of the record (everything but `version`). */
export const licenceFieldSchema = z.enum([
  'jurisdiction',
  'familyName',
  'givenName',
  'middleName',
  'suffix',
  'dob',
  'sex',
  'eyeColor',
  'hairColor',
  'height',
  'weight',
  'street',
  'city',
  'state',
  'postalCode',
  'licenseNumber',
  'expires',
]);

/** A value on the card that could not be turned into a field value (shown to the clerk). */
export const unmappedValueSchema = z.object({
  field: licenceFieldSchema,
  element: z.string(),
  raw: z.string(),
  reason: z.string(),
});

/** Where a subfile listed in the header was found. */
export const subfileInfoSchema = z.object({
  type: z.string(),
  offset: z.number().int(),
  length: z.number().int(),
  foundBy: z.enum(['directory', 'search', 'missing']),
});

export const aamvaParseResultSchema = z.object({
  licence: aamvaLicenceSchema,
  filled: z.array(licenceFieldSchema),
  unmapped: z.array(unmappedValueSchema),
  /** Oddities that did not stop the parse (fallbacks used, truncation flags, …). */
  warnings: z.array(z.string()),
  country: z.enum(['USA', 'CAN', 'MEX']).nullable(),
  header: z.object({
    fileType: z.enum(['ANSI', 'AAMVA']),
    iin: z.string(),
    version: z.number().int(),
    jurisdictionVersion: z.number().int().nullable(),
    subfiles: z.array(subfileInfoSchema),
  }),
  /** The DL/ID subfile's elements as read (ID → trimmed value). */
  elements: z.record(z.string(), z.string()),
});

export type AamvaLicence = z.infer<typeof aamvaLicenceSchema>;
export type LicenceField = z.infer<typeof licenceFieldSchema>;
export type UnmappedValue = z.infer<typeof unmappedValueSchema>;
export type SubfileInfo = z.infer<typeof subfileInfoSchema>;
export type AamvaParseResult = z.infer<typeof aamvaParseResultSchema>;
