/**
 * Wire types of `POST /v1/mutations` (the push endpoint) and of each mutation's result.
 * docs/registry-api.md explains how the workstation's sync engine must act on each outcome.
 */
import { z } from 'zod';

/** One queued change from a workstation's outbox. */
export const mutationSchema = z.object({
  /** Must be the authenticated device's id (a device only pushes its own outbox). */
  deviceId: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a device id (UUID)'),
  /** Per-device, gapless, starting at 1; assigned in the same local transaction as the change. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Reused unchanged for every retry of this mutation (e.g. a UUIDv4). */
  idempotencyKey: z.string().min(8).max(100),
  /** SHA-256 (lower-case hex) of the canonical JSON (RFC 8785) of `payload`. */
  payloadHash: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
  /** A kind from the registry's mutation_kinds table, e.g. 'order.submit'. */
  kind: z.string().min(1).max(60),
  payload: z.unknown(),
});

/** One mutation as received. */
export type MutationInput = z.infer<typeof mutationSchema>;

/** Body of POST /v1/mutations: 1–500 mutations. */
export const pushRequestSchema = z.object({
  mutations: z.array(mutationSchema).min(1).max(500),
});

/** What the registry stored for an applied or permanently rejected mutation. */
export type StoredResult = {
  readonly outcome: 'applied' | 'rejected';
  readonly kind: string;
  /** Rejections: stable code (e.g. 'invalid-payload', 'version-conflict'). */
  readonly reason?: string;
  /** Rejections: what is wrong and what to do, in words a clerk or supervisor can act on. */
  readonly message?: string;
  readonly issues?: readonly string[];
  /** Order mutations: the order's id, version and registry status after applying. */
  readonly orderId?: string;
  readonly version?: number;
  readonly status?: string;
  /** True when the same content was already present (e.g. an identical order resubmitted). */
  readonly alreadyPresent?: boolean;
  readonly recordId?: string;
  readonly auditId?: number;
};

/**
 * The answer for one mutation.
 * - applied: done now, `result` stored; the device's lastSeq is now `seq`.
 * - duplicate: already done earlier (a replay); `original` is the stored result.
 * - rejected: permanently refused, stored, lastSeq advanced: move to needs-attention, never retry.
 * - conflict: refused, nothing stored (key reused with another payload, or seq already used by
 *   another key): a client bug; do not retry unchanged.
 * - retry: temporary (a gap before this seq, or pages not uploaded yet): nothing stored; send again
 *   later with the same key.
 */
export type MutationResult =
  | {
      readonly seq: number;
      readonly idempotencyKey: string;
      readonly outcome: 'applied' | 'rejected';
      readonly httpStatus: number;
      readonly result: StoredResult;
    }
  | {
      readonly seq: number;
      readonly idempotencyKey: string;
      readonly outcome: 'duplicate';
      readonly httpStatus: 200;
      readonly original: StoredResult;
    }
  | {
      readonly seq: number;
      readonly idempotencyKey: string;
      readonly outcome: 'conflict' | 'retry';
      readonly httpStatus: number;
      readonly reason: string;
      readonly message: string;
      readonly expectedSeq?: number;
      readonly missingPages?: readonly string[];
    };

/** Answer of POST /v1/mutations. */
export type PushResponse = {
  readonly deviceId: string;
  /** The device's last applied seq after this push (what the next new mutation must exceed). */
  readonly lastSeq: number;
  readonly results: readonly MutationResult[];
};
