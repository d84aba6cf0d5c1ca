/**
 * Contract of the `search` domain: what main asks the registry for on the Search page, as the
 * signed-in user (the registry checks the role matrix and audits; main checks it first too).
 * Local search over the cached orders runs in the renderer's worker and needs no channel.
 */
import { z } from 'zod';

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const orderId = z.string().trim().min(1).max(100);

/** A registry search: at least one criterion; clerks may search by case number only. */
export const registrySearchInputSchema = z
  .object({
    name: z.string().trim().max(200).optional(),
    first: z.string().trim().max(100).optional(),
    dob: dateOnly.optional(),
    caseNumber: z.string().trim().max(60).optional(),
    licence: z.string().trim().max(40).optional(),
    fcn: z.string().trim().max(20).optional(),
    limit: z.number().int().min(1).max(100).default(25),
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .refine(
    (q) => [q.name, q.dob, q.caseNumber, q.licence, q.fcn].some((v) => v !== undefined && v !== ''),
    'Give a surname, case number, date of birth, licence number or FCN.',
  );

export type RegistrySearchInput = z.input<typeof registrySearchInputSchema>;

/** One registry result row (the registry's SearchHit). */
export const registryHitSchema = z.object({
  orderId: z.string(),
  caseNumber: z.string(),
  orderType: z.string(),
  version: z.number(),
  status: z.string(),
  fcn: z.string().nullable(),
  restrained: z.object({ last: z.string(), first: z.string(), dob: z.string().nullable() }),
  match: z
    .object({ role: z.string(), last: z.string(), first: z.string(), score: z.number() })
    .nullable(),
});

export const registrySearchPageSchema = z.object({
  results: z.array(registryHitSchema),
  offset: z.number(),
  limit: z.number(),
  nextOffset: z.number().nullable(),
});

export type RegistrySearchPage = z.infer<typeof registrySearchPageSchema>;

/** One signed page image of an order, as the registry lists it (position counts from 1). */
export const registryOrderPageSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  position: z.number().int().min(1),
  length: z.number().int().min(0),
  contentType: z.string(),
});

export type RegistryOrderPage = z.infer<typeof registryOrderPageSchema>;

/**
 * An order's current state at the registry (GET /v1/orders/:orderId) with its latest version's
 * page images in order (a registry from before page lists sends none: empty).
 */
export const registryOrderStateSchema = z.looseObject({
  orderId: z.string(),
  version: z.number(),
  status: z.string(),
  statusAt: z.string(),
  fcn: z.string().nullable(),
  rejectReason: z.string().nullable(),
  updatedAt: z.string(),
  order: z.unknown(),
  pages: z.array(registryOrderPageSchema).max(200).default([]),
});

export type RegistryOrderState = z.infer<typeof registryOrderStateSchema>;

/** An order's events and proofs of service, oldest first. */
export const orderHistorySchema = z.object({
  orderId: z.string(),
  events: z.array(
    z.object({
      version: z.number(),
      event: z.string(),
      status: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
  services: z.array(z.object({ recordId: z.string(), createdAt: z.string(), record: z.unknown() })),
});

export type OrderHistory = z.infer<typeof orderHistorySchema>;

export const searchContract = {
  'search:search-registry': { input: registrySearchInputSchema, output: registrySearchPageSchema },
  'search:get-order': { input: z.object({ orderId }), output: registryOrderStateSchema },
  'search:get-history': { input: z.object({ orderId }), output: orderHistorySchema },
  'search:get-page': {
    input: z.object({
      orderId,
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
    }),
    output: z.object({ bytes: z.instanceof(Uint8Array) }),
  },
} as const;

export const searchEvents = {} as const;
