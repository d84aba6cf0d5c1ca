/**
 * A person on an order (restrained person, subject, protected person): the NCIC descriptors
 * CARPOS needs (domain.md §2.1, §3.2) with per-field rules and clerk-readable messages.
 */
import { z } from 'zod';
import {
  allStateCodes,
  canadianProvinceCodes,
  eyeCodes,
  hairCodes,
  raceCodes,
  sexCodes,
  skinCodes,
} from '../catalog/codes';
import { relationshipCodes, relationships } from '../catalog/parties';
import { codeField, dateField, nameSchema, needs, text } from './fields';

const stateField = (label: string) =>
  z.enum(allStateCodes as [string, ...string[]], {
    error: (iss) =>
      iss.input === undefined
        ? `${label} is required.`
        : `${label} must be a 2-letter state or province code in capitals, e.g. CA, NV or BC.`,
  });

/** Height as feet and inches (NCIC HGT, e.g. 5 ft 10 in is `510`). */
export const heightSchema = z.strictObject(
  {
    feet: z
      .number(needs('Height feet', 'a number'))
      .int('Height must be feet and inches, e.g. 5 ft 10 in: feet must be a whole number.')
      .min(1, 'Height must be feet and inches, e.g. 5 ft 10 in: feet must be 1 to 8.')
      .max(8, 'Height must be feet and inches, e.g. 5 ft 10 in: feet must be 1 to 8.'),
    inches: z
      .number(needs('Height inches', 'a number'))
      .int('Height must be feet and inches, e.g. 5 ft 10 in: inches must be a whole number.')
      .min(0, 'Height must be feet and inches, e.g. 5 ft 10 in: inches must be 0 to 11.')
      .max(11, 'Height must be feet and inches, e.g. 5 ft 10 in: inches must be 0 to 11.'),
  },
  { error: 'Height must be feet and inches, e.g. 5 ft 10 in.' },
);

/** A postal address; US ZIP or Canadian postal code according to the state. */
export const addressSchema = z
  .strictObject({
    street: text('Street', 100).optional(),
    city: text('City', 50),
    state: stateField('State'),
    postalCode: z
      .string(needs('Postal code', 'text'))
      .max(10, 'Postal code must be at most 10 characters.')
      .optional(),
  })
  .superRefine((a, ctx) => {
    if (a.postalCode === undefined) return;
    const canadian = canadianProvinceCodes.includes(a.state);
    const ok = canadian
      ? /^[A-Z]\d[A-Z] \d[A-Z]\d$/.test(a.postalCode)
      : /^\d{5}(-\d{4})?$/.test(a.postalCode);
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['postalCode'],
        message: canadian
          ? 'Postal code must look like K1A 0B1 for a Canadian province.'
          : 'ZIP code must be 5 digits, or 5+4 digits like 95814-1234.',
      });
    }
  });

/** Driver-licence number (OLN) and issuing state (OLS). */
export const licenceSchema = z.strictObject({
  number: z
    .string(needs('Licence number', 'text'))
    .regex(
      /^[A-Z0-9]{1,20}$/,
      'Licence number must be 1 to 20 capital letters and digits, no spaces, e.g. D1234567.',
    ),
  state: stateField('Licence state'),
});

/** The restrained person's vehicle, as far as known. */
export const vehicleSchema = z.strictObject({
  plate: z
    .string(needs('Licence plate', 'text'))
    .regex(
      /^[A-Z0-9]{1,10}$/,
      'Licence plate must be 1 to 10 capital letters and digits, no spaces.',
    )
    .optional(),
  plateState: stateField('Plate state').optional(),
  make: text('Vehicle make', 30).optional(),
  model: text('Vehicle model', 30).optional(),
  year: z
    .number(needs('Vehicle year', 'a number'))
    .int('Vehicle year must be a whole year, e.g. 2019.')
    .min(1900, 'Vehicle year must be 1900 or later.')
    .max(2100, 'Vehicle year must be 2100 or earlier.')
    .optional(),
  colour: text('Vehicle colour', 30).optional(),
  vin: z
    .string(needs('VIN', 'text'))
    .regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'VIN must be 17 capital letters and digits (no I, O or Q).')
    .optional(),
});

const relationshipList = relationships.map((r) => r.code).join(', ');

/** Relationship of a protected person TO the restrained person. */
export const relationshipSchema = z.enum(relationshipCodes, {
  error: (iss) =>
    iss.input === undefined
      ? 'Relationship is required.'
      : `Relationship must be one of: ${relationshipList}.`,
});

/** A person: the NCIC descriptors, each optional except name, sex and race. */
export const personSchema = z.strictObject({
  name: nameSchema,
  aliases: z.array(nameSchema).max(10, 'Enter at most 10 aliases.').default([]),
  sex: codeField(sexCodes, 'Sex'),
  race: codeField(
    raceCodes,
    'Race',
    ' Hispanic is an ethnicity, not a race: choose the race, or U if unknown.',
  ),
  dob: dateField('Date of birth').optional(),
  estimatedAge: z
    .number(needs('Estimated age', 'a number'))
    .int('Estimated age must be whole years.')
    .min(0, 'Estimated age must be 0 to 120 years.')
    .max(120, 'Estimated age must be 0 to 120 years.')
    .optional(),
  height: heightSchema.optional(),
  weight: z
    .number(needs('Weight', 'a number'))
    .int('Weight must be whole pounds from 1 to 999.')
    .min(1, 'Weight must be whole pounds from 1 to 999.')
    .max(999, 'Weight must be whole pounds from 1 to 999.')
    .optional(),
  hair: codeField(hairCodes, 'Hair colour').optional(),
  eye: codeField(eyeCodes, 'Eye colour').optional(),
  skin: codeField(skinCodes, 'Skin tone').optional(),
  address: addressSchema.optional(),
  licence: licenceSchema.optional(),
  vehicle: vehicleSchema.optional(),
  relationship: relationshipSchema.optional(),
});

/** A person on an order. */
export type Person = z.infer<typeof personSchema>;

/** A term id, referenced from a protected person's `coveredBy`. */
export const termIdSchema = z
  .string(needs('Term id', 'text'))
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'Term id must be lower-case letters, digits and hyphens, e.g. stay-away-1.',
  );

/** A protected person: a person plus their relationship and the terms that protect them. */
export const protectedPersonSchema = personSchema.extend({
  relationship: relationshipSchema,
  coveredBy: z
    .array(termIdSchema)
    .max(50, 'A person can be covered by at most 50 terms.')
    .default([]),
});

/** A protected person. */
export type ProtectedPerson = z.infer<typeof protectedPersonSchema>;
