/**
 * Structured conduct terms (domain.md §2.1): each has an `id` that protected persons cite in
 * `coveredBy`, and a `kind`. PCO codes and MIS text are derived from these (derive/pco.ts).
 */
import { z } from 'zod';
import {
  conductActs,
  custodyHolders,
  noContactExceptions,
  stayAwayPlaces,
  termRules,
} from '../catalog/terms';
import { termKinds } from '../catalog/schema';
import { needs, needsKind, text } from './fields';
import { termIdSchema } from './person';

const id = termIdSchema;
const codesOf = <T extends readonly { code: string }[]>(rows: T) =>
  rows.map((r) => r.code) as [T[number]['code'], ...T[number]['code'][]];

/** Personal conduct: the acts the restrained person must not do. */
export const personalConductSchema = z.strictObject({
  id,
  kind: z.literal('personal-conduct'),
  acts: z
    .array(z.enum(conductActs, { error: `Act must be one of: ${conductActs.join(', ')}.` }))
    .min(1, 'Tick at least one act the restrained person must not do.'),
  /** The order also protects family or household members from threats (PCO 02). */
  includesHousehold: z.boolean(needs('Includes household', 'yes or no')).default(false),
});

/** No contact, with the exceptions the order allows. */
export const noContactSchema = z.strictObject({
  id,
  kind: z.literal('no-contact'),
  exceptions: z
    .array(
      z.enum(codesOf(noContactExceptions), {
        error: `Exception must be one of: ${noContactExceptions.map((e) => e.code).join(', ')}.`,
      }),
    )
    .default([]),
});

/** Stay away at least `yards` from the listed places. */
export const stayAwaySchema = z
  .strictObject({
    id,
    kind: z.literal('stay-away'),
    yards: z
      .number(needs('Stay-away distance', 'a number of yards'))
      .int('Stay-away distance must be whole yards, e.g. 100.')
      .min(1, `Stay-away distance must be 1 to ${termRules.stayAwayMaxYards} yards.`)
      .max(
        termRules.stayAwayMaxYards,
        `Stay-away distance must be 1 to ${termRules.stayAwayMaxYards} yards.`,
      ),
    places: z
      .array(
        z.enum(codesOf(stayAwayPlaces), {
          error: `Place must be one of: ${stayAwayPlaces.map((p) => p.code).join(', ')}.`,
        }),
      )
      .min(1, 'Tick at least one place to stay away from.'),
    otherPlaces: text('Other places', termRules.maxTextLength).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.places.includes('other') && !t.otherPlaces) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherPlaces'],
        message: 'Describe the other places to stay away from.',
      });
    }
  });

/** Move out of the residence (residence exclusion). */
export const moveOutSchema = z.strictObject({
  id,
  kind: z.literal('move-out'),
  address: text('Address to move out of', 200),
});

/** Firearms, ammunition and body armour: prohibition and relinquishment deadlines. */
export const firearmsSchema = z
  .strictObject({
    id,
    kind: z.literal('firearms'),
    firearms: z.boolean(needs('Firearms', 'yes or no')),
    ammunition: z.boolean(needs('Ammunition', 'yes or no')),
    bodyArmour: z.boolean(needs('Body armour', 'yes or no')),
    relinquishWithinHours: z
      .number(needs('Hours to relinquish', 'a number'))
      .int()
      .min(0, 'Hours to relinquish cannot be negative.')
      .max(
        termRules.firearmsRelinquishHours,
        `Firearms must be relinquished within ${termRules.firearmsRelinquishHours} hours at most.`,
      )
      .nullable(),
    proofWithinHours: z
      .number(needs('Hours to file proof', 'a number'))
      .int()
      .min(0, 'Hours to file proof cannot be negative.')
      .max(
        termRules.firearmsProofHours,
        `Proof of relinquishment is due within ${termRules.firearmsProofHours} hours at most.`,
      )
      .nullable(),
  })
  .superRefine((t, ctx) => {
    if (!t.firearms && !t.ammunition && !t.bodyArmour) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'Tick firearms, ammunition or body armour, or remove this term.',
      });
    }
    if (
      (t.firearms || t.ammunition) &&
      (t.relinquishWithinHours === null || t.proofWithinHours === null)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: [t.relinquishWithinHours === null ? 'relinquishWithinHours' : 'proofWithinHours'],
        message: `Enter the relinquishment deadlines (${termRules.firearmsRelinquishHours} h to relinquish, ${termRules.firearmsProofHours} h to file proof, unless the order says sooner).`,
      });
    }
    const r = t.relinquishWithinHours;
    const p = t.proofWithinHours;
    if (r !== null && p !== null && p < r) {
      ctx.addIssue({
        code: 'custom',
        path: ['proofWithinHours'],
        message: 'Proof of relinquishment cannot be due before the relinquishment itself.',
      });
    }
  });

/** Exclusive care of named animals. */
export const animalsSchema = z.strictObject({
  id,
  kind: z.literal('animals'),
  animals: z
    .array(
      z.strictObject({
        name: text('Animal name', 40).optional(),
        description: text('Animal description', 100),
      }),
    )
    .min(1, 'List at least one animal.')
    .max(20, 'List at most 20 animals.'),
  stayAwayYards: z.number().int().min(1).max(termRules.stayAwayMaxYards).optional(),
});

/** A reference to custody and visitation orders (e.g. DV-140) and who has temporary custody. */
export const custodySchema = z.strictObject({
  id,
  kind: z.literal('custody'),
  reference: text('Custody order reference', 100),
  temporaryCustodyTo: z.enum(custodyHolders, {
    error: `Temporary custody must be one of: ${custodyHolders.join(', ')}.`,
  }),
  restrainedVisitation: z.boolean(needs('Visitation for the restrained person', 'yes or no')),
});

/** Electronic monitoring for up to a year (CR-160). */
export const electronicMonitoringSchema = z.strictObject({
  id,
  kind: z.literal('electronic-monitoring'),
  months: z
    .number(needs('Monitoring months', 'a number'))
    .int('Monitoring months must be whole months.')
    .min(1, `Electronic monitoring lasts 1 to ${termRules.electronicMonitoringMaxMonths} months.`)
    .max(
      termRules.electronicMonitoringMaxMonths,
      `Electronic monitoring lasts 1 to ${termRules.electronicMonitoringMaxMonths} months.`,
    ),
  agency: text('Monitoring agency', 100).optional(),
});

/** Anything else the order says (goes to MIS text). */
export const otherTermSchema = z.strictObject({
  id,
  kind: z.literal('other'),
  text: text('Term text', termRules.maxTextLength),
});

/** One structured conduct term. */
export const conductTermSchema = z.discriminatedUnion(
  'kind',
  [
    personalConductSchema,
    noContactSchema,
    stayAwaySchema,
    moveOutSchema,
    firearmsSchema,
    animalsSchema,
    custodySchema,
    electronicMonitoringSchema,
    otherTermSchema,
  ],
  needsKind('Term', `Term kind must be one of: ${termKinds.join(', ')}.`),
);

/** A structured conduct term. */
export type ConductTerm = z.infer<typeof conductTermSchema>;
