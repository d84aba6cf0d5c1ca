/**
 * One audit event (CJIS 5.4.1.1.1 content: when, where, what, who, outcome), in the shape the
 * workstation journals it, hands it to the outbox (`audit.append`) and the registry stores it.
 *
 * No CJI in audit events: subjects are ids (order id, case number), never names or addresses
 * (R-AUD-4). A workstation event carries its place in the workstation's own hash chain
 * (seq, prevHash, hash; R-AUD-6) so the registry can tell when one went missing.
 */
import { z } from 'zod';

import { roles } from './roles';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

export const auditOutcomes = ['success', 'failure', 'denied'] as const;

export const auditActorSchema = z.object({
  userId: z.string().max(64),
  username: z.string().max(64),
  role: z.enum(roles),
});

export const auditSubjectSchema = z.object({
  /** e.g. 'order', 'draft', 'user', 'printer', 'case'. */
  kind: z.string().min(1).max(30),
  id: z.string().min(1).max(100),
});

/** Where the event happened. */
export const auditWhereSchema = z.object({
  workstationId: z.string().max(64).optional(),
  deviceId: z.string().max(64).nullable().optional(),
  /** The IPC channel or registry route that was called. */
  channel: z.string().max(80).optional(),
  route: z.string().max(120).optional(),
  ip: z.string().max(64).optional(),
});

/** The event without its chain fields (what callers record). */
export const auditFactsSchema = z.object({
  eventId: z.uuid(),
  /** Client time, ISO 8601 UTC; the registry adds its own receive time. */
  at: z.iso.datetime(),
  actor: auditActorSchema.nullable(),
  /** The user name typed at a sign-in that did not (yet) identify an account. */
  attemptedUser: z.string().max(64).optional(),
  /** A matrix action id or a session event ('session.sign-in', 'session.lock', …). */
  action: z.string().min(1).max(60),
  outcome: z.enum(auditOutcomes),
  reason: z.string().max(300).optional(),
  subject: auditSubjectSchema.optional(),
  where: auditWhereSchema,
});

/** A workstation event: the facts plus its link in the workstation's chain. */
export const workstationAuditEventSchema = auditFactsSchema.extend({
  seq: z.number().int().min(1),
  prevHash: hex64,
  hash: hex64,
});

export type AuditOutcome = (typeof auditOutcomes)[number];
export type AuditActor = z.infer<typeof auditActorSchema>;
export type AuditSubject = z.infer<typeof auditSubjectSchema>;
export type AuditFacts = z.infer<typeof auditFactsSchema>;
export type WorkstationAuditEvent = z.infer<typeof workstationAuditEventSchema>;

/** The first link's `prevHash`. */
export const GENESIS_HASH = '0'.repeat(64);
