/**
 * The order record (issue 3 item 2). Key names are a contract with the UI, sync and relay code.
 * The schema is strict: an unknown key (a typo such as `hieght`) is an error, never ignored.
 * The confidential CLETS-001/002 data is NOT part of this record (see confidential.ts).
 */
import { z } from 'zod';
import { isKnownOrderType, orderTypeCodes } from '../catalog';
import { petitionerRoleCodes, petitionerRoles } from '../catalog/parties';
import { dateField, instantField, needs, needsKind, text } from './fields';
import { personSchema, protectedPersonSchema } from './person';
import { conductTermSchema } from './terms';

/** Issuing court: NCIC ORI (9 characters, UNVERIFIED length), name and branch. */
export const courtSchema = z.strictObject({
  ori: z
    .string(needs('Court ORI', 'text'))
    .regex(
      /^[A-Z]{2}[A-Z0-9]{7}$/,
      'Court ORI must be 9 capital letters and digits starting with the state, e.g. CA019015J.',
    ),
  name: text('Court name', 100),
  branch: text('Court branch', 100).optional(),
});

/** Who asked for the order: a person or an organisation (an employer in WV, a school in SV). */
export const petitionerSchema = z.strictObject({
  role: z.enum(petitionerRoleCodes, {
    error: `Petitioner role must be one of: ${petitionerRoles.map((r) => r.code).join(', ')}.`,
  }),
  name: text('Petitioner name', 100),
  /** When the petitioner is also a protected person, their index in `protected`. */
  protectedIndex: z.number().int().min(0).optional(),
});

/**
 * When the order ends. `date` is a date written without a time; only types whose form says
 * so (JV-255) accept it and end at the end of that day. `none` only where the law allows a
 * permanent order; `unspecified` takes the type's default (e.g. DV: 3 years).
 */
export const expirationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('at'), at: instantField('Expiration date-time') }),
    z.strictObject({ kind: z.literal('date'), date: dateField('Expiration date') }),
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('unspecified') }),
  ],
  needsKind('Expiration', 'Expiration kind must be at (date and time), date, none or unspecified.'),
);

const serverName = text('Name of the person who served', 100);
const servingAgency = text('Serving agency', 100).optional();

/** How and when the restrained person was served (Fam. Code §6384). */
export const serviceSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('not-served') }),
    /** The restrained person was present when the order was made. */
    z.strictObject({ method: z.literal('in-court'), at: instantField('Service date-time') }),
    z.strictObject({
      method: z.literal('personal'),
      at: instantField('Service date-time'),
      servedBy: serverName,
      agency: servingAgency,
    }),
    /** Only after hearing, when the TRO was personally served and the terms are unchanged. */
    z.strictObject({
      method: z.literal('mail'),
      at: instantField('Mailing date-time'),
      servedBy: serverName,
      agency: servingAgency,
      troPersonallyServed: z.boolean(needs('TRO personally served', 'yes or no')),
      sameAsTroExceptExpiry: z.boolean(needs('Same as the TRO except expiry', 'yes or no')),
    }),
  ],
  needsKind('Service', 'Service method must be not-served, in-court, personal or mail.'),
);

/** Lifecycle status; `expired` is set by the registry when the expiry passes. */
export const orderStatuses = ['active', 'terminated', 'expired', 'entered-in-error'] as const;

/** A protective order as keyed from the signed form. */
export const orderSchema = z.strictObject({
  id: z.uuid({ error: 'Order id must be a UUID, e.g. 3f2b8c1e-0d4a-4f6b-9a7e-2c1d5e8f9a0b.' }),
  orderType: z
    .string(needs('Order type', 'a catalog code'))
    .refine(isKnownOrderType, `Order type must be one of: ${orderTypeCodes.join(', ')}.`),
  caseNumber: z
    .string(needs('Case number', 'text'))
    .regex(
      /^[A-Z0-9][A-Z0-9-]{0,19}$/,
      'Case number must be 1 to 20 capital letters, digits and hyphens, e.g. 26FL001234.',
    ),
  court: courtSchema,
  judicialOfficer: text('Judicial officer', 80),
  issuedAt: instantField('Issue date-time'),
  hearingAt: instantField('Hearing date-time').optional(),
  expiration: expirationSchema,
  restrained: personSchema,
  protected: z
    .array(protectedPersonSchema)
    .max(50, 'Enter at most 50 protected persons on one order.')
    .default([]),
  petitioner: petitionerSchema.optional(),
  terms: z.array(conductTermSchema).max(50, 'Enter at most 50 conduct terms on one order.'),
  service: serviceSchema,
  status: z.enum(orderStatuses, {
    error: `Status must be one of: ${orderStatuses.join(', ')}.`,
  }),
  /** Law-enforcement case number (EPO-001 header); CLETS OCA. Defaults to the case number. */
  agencyCaseNumber: z
    .string()
    .regex(
      /^[A-Z0-9][A-Z0-9-]{0,19}$/,
      'Agency case number must be 1 to 20 capital letters, digits and hyphens.',
    )
    .optional(),
  /** Whether the restrained person attended the hearing (for the Brady suggestion). */
  restrainedPresentAtHearing: z.boolean().optional(),
  /** The clerk-confirmed Brady indicator; when absent the suggestion is used. */
  bradyIndicator: z
    .enum(['Y', 'N', 'U'], { error: 'Brady indicator must be Y, N or U.' })
    .optional(),
  /** DOJ File Control Number, 13 digits, once CARPOS acknowledged the entry. */
  fcn: z
    .string()
    .regex(/^\d{13}$/, 'FCN must be the 13 digits DOJ returned.')
    .optional(),
  /** The order this one replaces (an OAH replacing its TRO, a renewal of an order). */
  replaces: z.uuid({ error: 'Replaced order id must be a UUID.' }).optional(),
});

/** A protective order (output of the schema: defaults applied). */
export type Order = z.infer<typeof orderSchema>;
/** A protective order as input (defaulted fields may be left out). */
export type OrderInput = z.input<typeof orderSchema>;
/** The order's expiration. */
export type Expiration = z.infer<typeof expirationSchema>;
/** The order's service record. */
export type Service = z.infer<typeof serviceSchema>;
/** The order's petitioner. */
export type Petitioner = z.infer<typeof petitionerSchema>;
/** A lifecycle status. */
export type OrderStatus = (typeof orderStatuses)[number];
