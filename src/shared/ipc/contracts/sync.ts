/**
 * Contract of the `sync` domain: the workstation's link to the central registry.
 *
 * Main holds the registry address and the device credential (the renderer never sees the
 * credential); the renderer holds the outbox (Dexie) and hands main batches of outbox rows.
 * Every answer says honestly what happened to each row: at the registry, needing a person's
 * attention (with the registry's reason), or to be sent again later (offline, timeout, gap).
 */
import { z } from 'zod';

import { reviewStateSchema } from '../../review/daySummary';

import { pageBytesInputSchema } from './pages';

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

/** A court ORI: 5–12 capital letters or digits (e.g. CA034999J). */
export const courtOriSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{5,12}$/, 'a court ORI is 5–12 capital letters or digits, e.g. CA034999J');

/** Where the workstation stands with the registry. */
export const connectivitySchema = z.enum([
  /** No registry address set. */
  'not-configured',
  /** An address, but no credential yet (enrol with a code). */
  'not-enrolled',
  /** The first check since start-up has not answered yet. */
  'connecting',
  /** The registry answered the last request. */
  'online',
  /** The last request failed (network, timeout, 5xx); main keeps checking on its own. */
  'offline',
  /** The registry refused this workstation's credential (revoked or unknown): enrol again. */
  'refused',
]);

export const syncStatusSchema = z.object({
  registryUrl: z.string().nullable(),
  /** Where the address came from; an address from the environment cannot be changed in Settings. */
  urlSource: z.enum(['environment', 'settings', 'none']),
  enrolled: z.boolean(),
  deviceId: z.string().nullable(),
  courtOri: z.string().nullable(),
  connectivity: connectivitySchema,
  /** One sentence for the clerk: what is going on and what (if anything) to do. */
  detail: z.string(),
  /** When the registry last answered (ISO), or null. */
  lastContactAt: z.string().nullable(),
  /** True when an enrolment code is configured (demo mode enrols automatically). */
  autoEnrol: z.boolean(),
});

/** One outbox row as the renderer hands it to main. */
export const pushRowSchema = z
  .object({
    /** The outbox's own order (Dexie `seq`); main pushes rows in this order. */
    localSeq: z.number().int().min(1),
    idempotencyKey: z.string().min(8).max(100),
    kind: z.string().min(1).max(60),
    payload: z.unknown(),
  })
  .strict();

export const pushBatchInputSchema = z
  .object({ rows: z.array(pushRowSchema).min(1).max(200) })
  .strict();

/** What became of one row. */
export const pushRowResultSchema = z.object({
  idempotencyKey: z.string(),
  /** at-registry: stored (now or earlier); needs-attention: refused for good; retry: send later. */
  outcome: z.enum(['at-registry', 'needs-attention', 'retry']),
  /** Stable code from the registry (e.g. invalid-payload, seq-gap, pages-incomplete). */
  reason: z.string().optional(),
  message: z.string().optional(),
  /** The registry's status of the order after applying (e.g. at_registry). */
  registryStatus: z.string().optional(),
  version: z.number().int().optional(),
  missingPages: z.array(z.string()).optional(),
});

export const pushBatchOutputSchema = z.object({
  /** False when the registry could not be reached (or is not set up): every row is `retry`. */
  reached: z.boolean(),
  message: z.string().optional(),
  /** The registry asked to wait this long before trying again (Retry-After). */
  retryAfterMs: z.number().int().min(0).optional(),
  results: z.array(pushRowResultSchema),
});

export const uploadPageInputSchema = z
  .object({
    bytes: pageBytesInputSchema,
    /** The SHA-256 recorded when the page was scanned; main checks the bytes still match it. */
    sha256: sha256Schema.optional(),
  })
  .strict();

export const uploadPageOutputSchema = z.object({
  /** uploaded: complete and verified; retry: network or not set up; refused: will never succeed. */
  outcome: z.enum(['uploaded', 'retry', 'refused']),
  sha256: sha256Schema.nullable(),
  message: z.string().optional(),
});

export const pullChangesInputSchema = z
  .object({
    /** '' = from the start. Opaque: pass back what the last pull returned. */
    cursor: z.string().max(100),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** The registry's current state of one of the court's orders. */
/** An order's review as the clerk's workstation shows it (who, what, when; no approval ids). */
export const pulledReviewSchema = z.object({
  state: reviewStateSchema,
  approvalKind: z.enum(['correction', 'void']).nullable(),
  by: z.object({ username: z.string(), displayName: z.string().optional() }).nullable(),
  at: z.string().nullable(),
  comment: z.string().nullable(),
});

/** What the feed says about an order's review. */
export type PulledReview = z.infer<typeof pulledReviewSchema>;

export const pulledOrderSchema = z.object({
  kind: z.literal('order'),
  orderId: z.string(),
  courtOri: z.string(),
  version: z.number().int(),
  /** Registry vocabulary: at_registry, sent_to_clets, acknowledged, rejected. */
  status: z.string(),
  statusAt: z.string(),
  fcn: z.string().nullable(),
  rejectCode: z.string().nullable(),
  rejectReason: z.string().nullable(),
  updatedAt: z.string(),
  orderType: z.string(),
  caseNumber: z.string(),
  /** Surnames of the restrained and protected persons, as written (the cache's search keys). */
  surnames: z.array(z.string()),
  /** The order record as the registry holds it, as JSON text: stored as is, parsed on demand. */
  orderJson: z.string(),
  /** The supervisors' review (returned with a comment, waiting for approval…); docs/review.md. */
  review: pulledReviewSchema.nullable().optional(),
});

export const pulledServiceSchema = z.object({
  kind: z.literal('service'),
  recordId: z.string(),
  orderId: z.string(),
  createdAt: z.string(),
});

export const pulledChangeSchema = z.discriminatedUnion('kind', [
  pulledOrderSchema,
  pulledServiceSchema,
]);

export const pullChangesOutputSchema = z.object({
  reached: z.boolean(),
  message: z.string().optional(),
  changes: z.array(pulledChangeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  /** The registry did not know the cursor: drop the local cache and pull from the start. */
  resync: z.boolean(),
});

export const enrolInputSchema = z
  .object({
    code: z.string().trim().min(4, 'The enrolment code is too short.').max(200),
    /** Needed with an administrator code; a one-time code already names its court. */
    courtOri: courtOriSchema.optional(),
  })
  .strict();

export const setRegistryInputSchema = z
  .object({ url: z.string().trim().min(1, 'Enter the registry address.').max(300) })
  .strict();

const noInput = z.object({}).strict();

export const syncContract = {
  'sync:get-status': { input: noInput, output: syncStatusSchema },
  'sync:set-registry': { input: setRegistryInputSchema, output: syncStatusSchema },
  'sync:enrol-workstation': { input: enrolInputSchema, output: syncStatusSchema },
  'sync:push-batch': { input: pushBatchInputSchema, output: pushBatchOutputSchema },
  'sync:upload-page': { input: uploadPageInputSchema, output: uploadPageOutputSchema },
  'sync:pull-changes': { input: pullChangesInputSchema, output: pullChangesOutputSchema },
} as const;

export const syncEvents = {
  'sync:status-changed': syncStatusSchema,
} as const;

export type Connectivity = z.infer<typeof connectivitySchema>;
export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type PushRow = z.infer<typeof pushRowSchema>;
export type PushRowResult = z.infer<typeof pushRowResultSchema>;
export type PushBatchResult = z.infer<typeof pushBatchOutputSchema>;
export type UploadPageResult = z.infer<typeof uploadPageOutputSchema>;
export type PulledOrder = z.infer<typeof pulledOrderSchema>;
export type PulledChange = z.infer<typeof pulledChangeSchema>;
export type PullResult = z.infer<typeof pullChangesOutputSchema>;
export type EnrolInput = z.infer<typeof enrolInputSchema>;
