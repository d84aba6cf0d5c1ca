/**
 * The shape of one order-type catalog entry. The catalog itself is data (civil.ts, …); this
 * schema is checked against it in the unit tests so a bad edit fails CI, not a clerk.
 */
import { z } from 'zod';
import { petitionerRoleCodes } from './parties';

/** Every structured conduct-term kind the model knows (issue 3 item 2). */
export const termKinds = [
  'personal-conduct',
  'no-contact',
  'stay-away',
  'move-out',
  'firearms',
  'animals',
  'custody',
  'electronic-monitoring',
  'other',
] as const;

/** A conduct-term kind. */
export type TermKind = (typeof termKinds)[number];

/** How an order can be served (Fam. Code §6384; mail only where the type allows it). */
export const serviceMethods = ['not-served', 'in-court', 'personal', 'mail'] as const;

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** ISO 8601 duration with years, months, weeks or days only (P5Y, P3M, P21D). */
export const isoDurationPattern = /^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
const duration = z.string().regex(isoDurationPattern);

/** What happens when the order shows no expiration. */
export const defaultExpirySchema = z.discriminatedUnion('rule', [
  /** A fixed duration from the issue date (DV/CH: 3 years, §6345(c); EPO-002: 21 days). */
  z.object({ rule: z.literal('from-issuance'), duration }),
  /** A fixed duration from the hearing date (JV-255: 3 years after the hearing). */
  z.object({ rule: z.literal('from-hearing'), duration }),
  /** Temporary orders last until the hearing. */
  z.object({ rule: z.literal('until-hearing') }),
  /** Fam. Code §6256: earlier of 5th court day close of business and the 7th calendar day. */
  z.object({ rule: z.literal('epo') }),
  /** No default: the expiration must be written (as on the foreign order, etc.). */
  z.object({ rule: z.literal('must-be-written') }),
]);

/** One version of one order type, in force from `effectiveFrom` to `effectiveTo` (inclusive). */
export const catalogEntrySchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2,3}-[0-9A-Z]{2,3}$/),
    name: z.string().min(5),
    family: z.enum(['DV', 'CH', 'EA', 'WV', 'SV', 'GV', 'EPO', 'CPO', 'JUV', 'FOREIGN']),
    /** Civil vs criminal matters for the enforcement-priority rule (domain.md §5.3). */
    jurisdiction: z.enum(['civil', 'criminal']),
    phase: z.enum(['emergency', 'temporary', 'after-hearing', 'renewal', 'registration']),
    effectiveFrom: dateOnly,
    effectiveTo: dateOnly.nullable(),
    statute: z.array(z.string()).min(1),
    /** Judicial Council forms, the order form first; empty when no number is confirmed. */
    forms: z.array(z.string()),
    cletsNickname: z.string().nullable(),
    petitioner: z.object({
      required: z.boolean(),
      roles: z.array(z.enum(petitionerRoleCodes)).min(1),
    }),
    protected: z.object({ min: z.number().int().min(0), max: z.number().int().nullable() }),
    restrainedLabel: z.string(),
    /** `scheduled`: a hearing is set after issuance; `held`: issued at or after a hearing. */
    hearing: z.object({
      kind: z.enum(['none', 'scheduled', 'held']),
      withinDays: z.number().int().positive().nullable(),
      withinDaysGoodCause: z.number().int().positive().nullable(),
    }),
    maxDuration: duration.nullable(),
    minDuration: duration.nullable(),
    defaultExpiry: defaultExpirySchema,
    noExpirationAllowed: z.boolean(),
    /** The form says an expiration with no time ends at midnight (JV-255). */
    endOfDayIfNoTime: z.boolean(),
    renewal: z.object({ window: duration, maxRenewal: duration.nullable() }).nullable(),
    clets: z.boolean(),
    conductTerms: z.array(z.enum(termKinds)).min(1),
    serviceMethods: z.array(z.enum(serviceMethods)).min(1),
    confidentiality: z.enum(['standard', 'sealed', 'courthouse-only']),
    confidentialForm: z.enum(['CLETS-001', 'CLETS-002']).nullable(),
    /** What in this entry is not confirmed from a public source (domain.md legend). */
    unverified: z.array(z.string()),
  })
  .strict();

/** One catalog entry (one version of one order type). */
export type OrderTypeEntry = z.infer<typeof catalogEntrySchema>;
