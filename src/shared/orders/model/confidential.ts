/**
 * The confidential CLETS-001 / CLETS-002 block (CRC 1.51), kept apart from the order record:
 * never in the court file, visible only to authorised roles, and purged once the order is in
 * CARPOS. The current form's field list was NOT retrieved (domain.md §2.3, UNVERIFIED): this
 * schema carries the descriptive data the order omits and is expected to change.
 */
import { z } from 'zod';
import { dateField, instantField, needs, text } from './fields';
import { licenceSchema, vehicleSchema } from './person';

/** Confidential data filed with the request, linked to the order by id. */
export const cletsConfidentialSchema = z.strictObject({
  orderId: z.uuid({ error: 'Order id must be a UUID.' }),
  form: z.enum(['CLETS-001', 'CLETS-002'], { error: 'Form must be CLETS-001 or CLETS-002.' }),
  filedAt: instantField('Filing date-time'),
  /** True when this is an amended form (the petitioner may amend at any time). */
  amended: z.boolean(needs('Amended', 'yes or no')).default(false),
  restrained: z.strictObject({
    ssn: z
      .string()
      .regex(/^\d{9}$/, 'Social security number must be 9 digits without dashes.')
      .optional(),
    licence: licenceSchema.optional(),
    vehicles: z.array(vehicleSchema).max(5, 'Enter at most 5 vehicles.').default([]),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{7,20}$/, 'Phone must be digits, e.g. (916) 555-0134.')
      .optional(),
    employer: text('Employer', 100).optional(),
    identifyingMarks: text('Scars, marks and tattoos', 200).optional(),
    firearmsDescription: text('Known firearms', 300).optional(),
  }),
  protected: z
    .array(
      z.strictObject({
        index: z.number().int().min(0),
        dob: dateField('Date of birth').optional(),
        phone: z
          .string()
          .regex(/^\+?[0-9 ()-]{7,20}$/, 'Phone must be digits.')
          .optional(),
      }),
    )
    .default([]),
  /** When the data was entered into CARPOS and the form must be destroyed (CRC 1.51(e)). */
  purgeDueAt: instantField('Purge date-time').optional(),
});

/** The confidential CLETS-001/002 block. */
export type CletsConfidential = z.infer<typeof cletsConfidentialSchema>;
