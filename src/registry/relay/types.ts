/**
 * The relay's contract with the registry's database: a small store interface, implemented
 * directly on the database (DbRelayStore, inside the registry process or next to a real
 * PostgreSQL) and over HTTP (HttpRelayStore, for a relay in its own process next to the embedded
 * PGlite, which only one process can open). Wire schemas for the HTTP form live here too.
 */
import { z } from 'zod';

import type { Answer } from '../clets-sim/protocol';

/** A transaction whose message id is recorded: send it (again) exactly as stored. */
export type OutgoingTransaction = {
  readonly id: number;
  readonly messageId: string;
  /** The record lines (`TAG/value.`), one per protected person. */
  readonly lines: readonly string[];
};

/** CLETS's answer to one transaction's message. */
export type Outcome = {
  readonly transactionId: number;
  readonly messageId: string;
  readonly answer: Answer;
};

/** What the relay worker needs from the registry. */
export interface RelayStore {
  /**
   * Turns newly recorded lifecycle events into transactions, records message ids for as many as
   * `limit` allows (one open transaction per order, in order), and returns every transaction
   * that has a message id and no answer yet — including ones sent before a crash — oldest first.
   */
  next(limit: number): Promise<OutgoingTransaction[]>;
  /** Records answers; an answer already recorded (or for an old message id) changes nothing. */
  record(outcomes: readonly Outcome[]): Promise<number>;
}

const answerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ACK'),
    messageId: z.string().min(1).max(64),
    fcns: z
      .array(z.string().regex(/^\d{13}$/))
      .min(1)
      .max(99),
  }),
  z.object({
    kind: z.literal('REJ'),
    messageId: z.string().min(1).max(64),
    code: z.enum(['FMT', 'INV', 'MND', 'DUP', 'NOF', 'IDM']),
    record: z.number().int().min(0).max(99),
    tag: z.string().max(4).nullable(),
    text: z.string().max(400),
  }),
]);

/** Body of POST /v1/relay/next. */
export const nextRequestSchema = z.object({
  limit: z.number().int().min(1).max(500).default(64),
  /** Long-poll: wait up to this long for work when there is none. */
  waitMs: z.number().int().min(0).max(30_000).default(0),
});

/** Body of POST /v1/relay/outcomes. */
export const outcomesRequestSchema = z.object({
  outcomes: z
    .array(
      z.object({
        transactionId: z.number().int().min(1),
        messageId: z.string().min(1).max(64),
        answer: answerSchema,
      }),
    )
    .max(500),
});
