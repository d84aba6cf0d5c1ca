/**
 * The relay's store on the registry database (PGlite or PostgreSQL 15).
 *
 * Exactly once, step by step (reliability-security.md R-SYNC-16):
 * 1. expand — the order_events trigger (migration 3) queued each registry change in
 *    clets_events in the change's own transaction; here each becomes one pending transaction
 *    per lifecycle event, with its due-by (cletsDueBy of the event time). A change held for a
 *    second person's approval (migration 7, src/registry/review) waits until it is released.
 * 2. assign — per order, oldest first and only when nothing of that order is in flight: build
 *    the message, and in ONE database transaction record its message id and exact text, mark it
 *    sending and the order sent_to_clets. Only then may it be sent.
 * 3. record — an answer is applied only to a transaction still sending under that message id;
 *    a crash anywhere before leaves it sending, and the relay resends the stored text under the
 *    same id, which CLETS (and the simulator) answer with the original answer.
 */
import type { Db, Queryable } from '../db/types';
import { cletsDueBy } from '../../shared/calendar';
import { toZonedIso } from '../../shared/time';
import { addEvent } from '../orders/orderStore';

import type { OpenTransaction } from './deadlines';
import { inferEvents } from './events';
import { describeReject } from './fieldMap';
import { finishRejected, recordOutcome, type TxRow } from './outcomes';
import { refreshOrderView } from './orderView';
import { planMessage, type OnFileRecord } from './plan';
import type { Outcome, OutgoingTransaction, RelayStore } from './types';

type EventRow = {
  id: number;
  order_id: string;
  court_ori: string;
  version: number;
  source: 'submitted' | 'modified' | 'served';
  payload: unknown;
  service: unknown;
  received_at: Date;
};

/** Options: court closures for due-by, and how many events one expand step takes. */
export type DbRelayStoreOptions = {
  readonly closures?: (courtOri: string) => readonly string[];
  readonly expandBatch?: number;
};

/** RelayStore on the registry database. */
export class DbRelayStore implements RelayStore {
  private instance: string | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: DbRelayStoreOptions = {},
  ) {}

  /** Turns up to `max` queued registry changes into pending transactions; returns how many. */
  async expand(max = this.options.expandBatch ?? 200): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<EventRow>(
        `SELECT id, order_id, court_ori, version, source, payload, service, received_at
         FROM clets_events WHERE NOT planned AND NOT held
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [max],
      );
      const touched = new Set<string>();
      for (const row of rows) {
        await this.expandOne(tx, row);
        touched.add(row.order_id);
      }
      if (rows.length > 0) {
        await tx.query('UPDATE clets_events SET planned = true WHERE id = ANY($1::bigint[])', [
          rows.map((r) => r.id),
        ]);
      }
      for (const orderId of touched) await refreshOrderView(tx, orderId);
      return rows.length;
    });
  }

  private async expandOne(tx: Queryable, row: EventRow): Promise<void> {
    let previous: unknown = null;
    if (row.source === 'modified') {
      const prev = await tx.query<{ payload: unknown }>(
        `SELECT payload FROM clets_events WHERE order_id = $1 AND id < $2
           AND source IN ('submitted', 'modified') ORDER BY id DESC LIMIT 1`,
        [row.order_id, row.id],
      );
      previous = prev[0]?.payload ?? null;
    }
    const receivedAt = toZonedIso(row.received_at.getTime());
    const events = inferEvents({
      source: row.source,
      payload: row.payload,
      previous,
      service: row.service,
      receivedAt,
    });
    const closures = this.options.closures?.(row.court_ori);
    if (events.length === 0) return;
    await tx.query(
      `INSERT INTO clets_transactions (clets_event_id, order_id, court_ori, version, event,
         order_snapshot, problem, event_at, event_at_text, due_by, due_at, received_at)
       SELECT $1, $2, $3, $4, x.event, x.snapshot, x.problem, x.event_at::timestamptz, x.event_at,
         x.due_by, x.due_by::timestamptz, $5
       FROM jsonb_to_recordset($6::jsonb)
         AS x(event text, snapshot jsonb, problem jsonb, event_at text, due_by text)`,
      [
        row.id,
        row.order_id,
        row.court_ori,
        row.version,
        row.received_at,
        JSON.stringify(
          events.map((e) => ({
            event: e.event,
            snapshot: 'order' in e ? e.order : null,
            problem: 'problem' in e ? e.problem : null,
            event_at: e.eventAt,
            due_by: cletsDueBy(e.eventAt, closures),
          })),
        ),
      ],
    );
  }

  private async instanceId(): Promise<string> {
    if (!this.instance) {
      const rows = await this.db.query<{ instance: string }>(
        'SELECT instance FROM clets_relay_instance WHERE id = 1',
      );
      this.instance = rows[0]?.instance ?? 'R';
    }
    return this.instance;
  }

  /** Records message ids for pending transactions while fewer than `limit` are in flight. */
  async assign(limit: number): Promise<void> {
    const instance = await this.instanceId();
    for (;;) {
      const sending = await this.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM clets_transactions WHERE state = 'sending'`,
      );
      const capacity = limit - (sending[0]?.n ?? 0);
      if (capacity <= 0) return;
      const candidates = await this.db.query<{ id: number }>(
        `SELECT t.id FROM clets_transactions t
         WHERE t.state = 'pending'
           AND NOT EXISTS (SELECT 1 FROM clets_transactions s
                           WHERE s.order_id = t.order_id AND s.state = 'sending')
           AND NOT EXISTS (SELECT 1 FROM clets_transactions p
                           WHERE p.order_id = t.order_id AND p.state = 'pending' AND p.id < t.id)
         ORDER BY t.id LIMIT $1`,
        [capacity],
      );
      if (candidates.length === 0) return;
      let progress = false;
      // A few per database transaction: fewer commits, yet pushes never wait long (PGlite).
      for (let i = 0; i < candidates.length; i += 16) {
        const chunk = candidates.slice(i, i + 16);
        await this.db.transaction(async (tx) => {
          for (const c of chunk) if (await this.assignOne(tx, c.id, instance)) progress = true;
        });
      }
      if (!progress) return;
    }
  }

  private async assignOne(tx: Queryable, id: number, instance: string): Promise<boolean> {
    // One round trip, locking the order row with the transaction (serialises all about one
    // order), re-checking under the lock that it is the order's next one, with its records.
    const rows = await tx.query<TxRow & { blocked: boolean; on_file: OnFileRecord[] }>(
      `SELECT t.id, t.order_id, t.version, t.event, t.state, t.problem, t.order_snapshot,
         EXISTS (SELECT 1 FROM clets_transactions a WHERE a.order_id = t.order_id AND a.id <> t.id
                 AND (a.state = 'sending' OR (a.state = 'pending' AND a.id < t.id))) AS blocked,
         COALESCE((SELECT json_agg(json_build_object('key', r.record_key, 'fcn', r.fcn,
                     'state', r.state, 'identity', r.identity) ORDER BY r.fcn)
                   FROM clets_records r WHERE r.order_id = t.order_id), '[]'::json) AS on_file
       FROM clets_transactions t JOIN orders o ON o.order_id = t.order_id
       WHERE t.id = $1 FOR UPDATE OF o, t`,
      [id],
    );
    const t = rows[0];
    if (!t || t.state !== 'pending' || t.blocked) return false;
    const onFile = t.on_file;
    const plan =
      t.problem || !t.order_snapshot
        ? ({
            kind: 'problem',
            path: t.problem?.path ?? '',
            message: t.problem?.message ?? 'no order content',
            tag: null,
            record: 0,
          } as const)
        : planMessage(t.event, t.order_snapshot, onFile);
    if (plan.kind === 'send') {
      const messageId = `${instance}-${id}`;
      await tx.query(
        `UPDATE clets_transactions SET state = 'sending', message_id = $2, message = $3::text[],
           record_keys = $4::text[], mkes = $5::text[], identities = $6::jsonb, sent_at = now()
         WHERE id = $1`,
        [
          id,
          messageId,
          plan.records.map((r) => r.line),
          plan.records.map((r) => r.key),
          plan.records.map((r) => r.mke),
          JSON.stringify(plan.records.map((r) => r.identity)),
        ],
      );
      await addEvent(tx, t.order_id, t.version, 'clets:sent', null, {
        transactionId: id,
        messageId,
        event: t.event,
        records: plan.records.length,
      });
    } else if (plan.kind === 'skip') {
      await tx.query(
        `UPDATE clets_transactions SET state = 'skipped', problem = $2::jsonb, finished_at = now() WHERE id = $1`,
        [id, JSON.stringify({ path: '', message: plan.reason })],
      );
      await addEvent(tx, t.order_id, t.version, 'clets:skipped', null, {
        transactionId: id,
        event: t.event,
        reason: plan.reason,
      });
    } else {
      const view = describeReject({
        code: 'LOCAL',
        text: plan.message,
        tag: plan.tag,
        record: plan.record,
        field: plan.path || null,
      });
      await finishRejected(tx, t, view);
    }
    await refreshOrderView(tx, t.order_id);
    return true;
  }

  /** Every transaction with a message id and no answer, oldest first (at most `limit`). */
  async sending(limit: number): Promise<OutgoingTransaction[]> {
    const rows = await this.db.query<{ id: number; message_id: string; message: string[] }>(
      `UPDATE clets_transactions SET attempts = attempts + 1
       WHERE id IN (SELECT id FROM clets_transactions WHERE state = 'sending' ORDER BY id LIMIT $1)
       RETURNING id, message_id, message`,
      [limit],
    );
    return rows
      .map((r) => ({ id: r.id, messageId: r.message_id, lines: r.message }))
      .sort((a, b) => a.id - b.id);
  }

  async next(limit: number): Promise<OutgoingTransaction[]> {
    const batch = this.options.expandBatch ?? 200;
    while ((await this.expand(batch)) === batch) {
      // keep expanding until the queue of registry changes is empty
    }
    await this.assign(limit);
    return this.sending(limit);
  }

  async record(outcomes: readonly Outcome[]): Promise<number> {
    if (outcomes.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      let applied = 0;
      for (const o of outcomes) if (await recordOutcome(tx, o)) applied += 1;
      return applied;
    });
  }

  /** Open transactions of a court (after queuing any new registry changes), soonest due first. */
  async openTransactions(courtOri: string, max = 5000): Promise<OpenTransaction[]> {
    const batch = this.options.expandBatch ?? 200;
    while ((await this.expand(batch)) === batch) {
      // the deadline lists must include changes the relay has not reached yet
    }
    const rows = await this.db.query<{
      id: number;
      order_id: string;
      case_number: string;
      event: string;
      state: 'pending' | 'sending';
      event_at_text: string;
      due_by: string;
      message_id: string | null;
    }>(
      `SELECT t.id, t.order_id, o.case_number, t.event, t.state, t.event_at_text, t.due_by, t.message_id
       FROM clets_transactions t JOIN orders o ON o.order_id = t.order_id
       WHERE t.court_ori = $1 AND t.state IN ('pending', 'sending')
       ORDER BY t.due_at, t.id LIMIT $2`,
      [courtOri, max],
    );
    return rows.map((r) => ({
      transactionId: r.id,
      orderId: r.order_id,
      caseNumber: r.case_number,
      event: r.event,
      state: r.state,
      eventAt: r.event_at_text,
      dueBy: r.due_by,
      messageId: r.message_id,
    }));
  }
}
