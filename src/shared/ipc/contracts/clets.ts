/**
 * Contract of the `clets` domain: what the workstation shows about CLETS deadlines (issue 8).
 *
 * Every CLETS transaction is due by the end of the next court day after its event (Fam. Code
 * §6380). The registry computes, from its own clock, which open transactions are at risk (due
 * within 4 court hours) and which are overdue (src/registry/relay/deadlines.ts); main fetches
 * them with the device credential and hands them on. The same item schemas validate the
 * registry's answer (`registryDeadlinesSchema`) so a malformed answer never reaches the screen.
 */
import { z } from 'zod';

/** An ISO instant with its offset, e.g. 2026-12-03T23:59:59.999-08:00 (never bare UTC "Z"-less). */
const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'ISO with offset');

/** One open transaction (not yet acknowledged or refused by CLETS). */
export const openTransactionSchema = z.object({
  transactionId: z.number().int(),
  orderId: z.string(),
  caseNumber: z.string(),
  /** Lifecycle event: issued, modified, renewed, terminated, served, entered-in-error. */
  event: z.string(),
  /** pending: waiting for the relay; sending: sent, CLETS has not answered yet. */
  state: z.enum(['pending', 'sending']),
  eventAt: z.string(),
  /** End of the next court day after the event, with its offset. */
  dueBy: isoInstant,
  messageId: z.string().nullable(),
});

/** An open transaction still in time with at most 4 court hours left. */
export const atRiskItemSchema = openTransactionSchema.extend({
  courtHoursLeft: z.number().min(0),
});

/** An open transaction past its due-by, counted in court days and court hours. */
export const overdueItemSchema = openTransactionSchema.extend({
  courtDaysOverdue: z.number().int().min(0),
  courtHoursOverdue: z.number().min(0),
});

/** The registry's answer to `GET /v1/clets/deadlines`. */
export const registryDeadlinesSchema = z.object({
  /** The registry's clock when it classified the transactions. */
  now: isoInstant,
  atRisk: z.array(atRiskItemSchema),
  overdue: z.array(overdueItemSchema),
});

/** Lists as the workstation last received them. */
export const deadlineListsSchema = z.object({
  /** The registry's clock when it computed the figures. */
  asOf: isoInstant,
  /**
   * How long ago (by main's clock) the lists were received: 0 when just fetched. The renderer
   * counts down from `asOf` by elapsed time only, so a workstation clock that is wrong does not
   * move an order from "at risk" to "overdue".
   */
  ageMs: z.number().int().min(0),
  atRisk: z.array(atRiskItemSchema),
  overdue: z.array(overdueItemSchema),
});

/** `clets:list-deadlines` answer: always an honest state, never a silent empty list. */
export const listDeadlinesOutputSchema = z.object({
  /** True when the registry answered just now. */
  reached: z.boolean(),
  /** Why the registry was not reached, in clerk words (null when reached). */
  message: z.string().nullable(),
  /** The lists (fresh when reached; the last ones received otherwise), or null if none yet. */
  lists: deadlineListsSchema.nullable(),
});

const noInput = z.object({}).strict();

export const cletsContract = {
  'clets:list-deadlines': { input: noInput, output: listDeadlinesOutputSchema },
} as const;

export const cletsEvents = {} as const;

export type OpenTransactionView = z.infer<typeof openTransactionSchema>;
export type AtRiskView = z.infer<typeof atRiskItemSchema>;
export type OverdueView = z.infer<typeof overdueItemSchema>;
export type RegistryDeadlines = z.infer<typeof registryDeadlinesSchema>;
export type DeadlineListsView = z.infer<typeof deadlineListsSchema>;
export type ListDeadlinesResult = z.infer<typeof listDeadlinesOutputSchema>;
