/**
 * What each mutation kind does. The list of accepted kinds is data (table mutation_kinds); this
 * map holds the code for each. A kind enabled in the table but missing here is rejected.
 *
 * Handlers run inside the push transaction (under a savepoint) and return one of:
 * applied (with the result to store), rejected (permanent: stored, seq advanced) or retry
 * (temporary: nothing stored, seq not advanced, e.g. pages not uploaded yet).
 */
import { z } from 'zod';

import { appendAudit } from '../audit/auditLog';
import type { Device } from '../auth/devices';
import type { Tx } from '../db/types';
import { carryOrderPages, writeOrderPages } from '../orders/orderPages';
import { addEvent, insertOrder, recordChange, updateOrder } from '../orders/orderStore';
import { reviewedHandlers } from '../review/pushReview';
import {
  checkOrderPayload,
  describeIssues,
  extractOrderKeys,
  type OrderKeys,
} from '../search/searchKeys';

import type { BulkOrders, ExistingOrder } from './bulkOrders';
import type { MutationInput, StoredResult } from './types';

/** A handler's verdict on one mutation. */
export type ApplyOutcome =
  | { readonly type: 'applied'; readonly result: StoredResult }
  | {
      readonly type: 'rejected';
      readonly httpStatus: number;
      readonly reason: string;
      readonly message: string;
      readonly issues?: readonly string[];
    }
  | {
      readonly type: 'retry';
      readonly reason: string;
      readonly message: string;
      readonly missingPages?: readonly string[];
    };

/** What a handler gets: the open transaction, the device and the mutation. */
export type ApplyContext = {
  readonly tx: Tx;
  readonly device: Device;
  readonly mutation: MutationInput;
  readonly payloadHash: string;
  /** Fast path only: new orders are queued here and written in one statement per batch. */
  readonly bulk?: BulkOrders;
};

/** The code for one mutation kind. */
export type KindHandler = (ctx: ApplyContext) => Promise<ApplyOutcome>;

const reject = (
  httpStatus: number,
  reason: string,
  message: string,
  issues?: readonly string[],
): ApplyOutcome => ({
  type: 'rejected',
  httpStatus,
  reason,
  message,
  ...(issues ? { issues } : {}),
});

/** A page reference: `{ sha256 }` of an uploaded page image (extra fields such as index pass). */
const pageRefSchema = z.looseObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
});
const submitPayload = z.object({
  order: z.unknown(),
  pages: z.array(pageRefSchema).max(200).optional(),
});
const modifyPayload = submitPayload.extend({ baseVersion: z.number().int().min(1) });

function pageHashesOf(pages: readonly { sha256: string }[] | undefined): string[] {
  return [...new Set((pages ?? []).map((p) => p.sha256))];
}

/** Validates the order and checks court and pages; returns keys or the refusal. */
async function checkOrder(
  ctx: ApplyContext,
  order: unknown,
  pageHashes: readonly string[],
): Promise<{ keys: OrderKeys } | { refusal: ApplyOutcome }> {
  const parsed = checkOrderPayload(order);
  if (!parsed.ok) {
    return {
      refusal: reject(
        422,
        'invalid-order',
        `The order cannot be filed as entered: ${parsed.issues.join(' ')}`,
        parsed.issues,
      ),
    };
  }
  const keys = extractOrderKeys(parsed.order);
  if (keys.courtOri !== ctx.device.courtOri) {
    return {
      refusal: reject(
        403,
        'wrong-court',
        `This workstation is enrolled for court ${ctx.device.courtOri} and cannot file an order for court ${keys.courtOri}.`,
      ),
    };
  }
  if (pageHashes.length > 0) {
    const rows = await ctx.tx.query<{ sha256: string }>(
      'SELECT sha256 FROM pages WHERE sha256 = ANY($1::text[]) AND complete',
      [pageHashes],
    );
    const have = new Set(rows.map((r) => r.sha256));
    const missing = pageHashes.filter((h) => !have.has(h));
    if (missing.length > 0) {
      return {
        refusal: {
          type: 'retry',
          reason: 'pages-incomplete',
          message: `${missing.length} page image(s) of this order are not fully uploaded yet; upload them, then send the order again.`,
          missingPages: missing,
        },
      };
    }
  }
  return { keys };
}

const orderSubmit: KindHandler = async (ctx) => {
  const p = submitPayload.safeParse(ctx.mutation.payload);
  if (!p.success) {
    return reject(
      422,
      'invalid-payload',
      'An order.submit payload is { order, pages? }.',
      describeIssues(p.error),
    );
  }
  const pageHashes = pageHashesOf(p.data.pages);
  const checked = await checkOrder(ctx, p.data.order, pageHashes);
  if ('refusal' in checked) return checked.refusal;
  const { keys } = checked;
  const write = {
    keys,
    payload: p.data.order,
    payloadHash: ctx.payloadHash,
    pageHashes,
    deviceId: ctx.device.deviceId,
    seq: ctx.mutation.seq,
  };
  const applied = (existing?: ExistingOrder): ApplyOutcome => ({
    type: 'applied',
    result: {
      outcome: 'applied',
      kind: 'order.submit',
      orderId: keys.orderId,
      version: existing?.version ?? 1,
      status: existing?.status ?? 'at_registry',
      ...(existing ? { alreadyPresent: true } : {}),
    },
  });
  let existing: ExistingOrder | undefined;
  if (ctx.bulk) {
    existing = await ctx.bulk.find(ctx.tx, keys.orderId);
    if (!existing) {
      ctx.bulk.queue(write);
      // Same transaction as the queued order row (its foreign key is checked at commit; a
      // failed flush rolls the whole batch back and redoes it one order at a time).
      await writeOrderPages(ctx.tx, keys.orderId, 1, p.data.pages ?? []);
      return applied();
    }
  } else {
    if (await insertOrder(ctx.tx, write)) {
      await writeOrderPages(ctx.tx, keys.orderId, 1, p.data.pages ?? []);
      return applied();
    }
    const rows = await ctx.tx.query<{
      court_ori: string;
      version: number;
      status: string;
      payload_hash: string;
    }>('SELECT court_ori, version, status, payload_hash FROM orders WHERE order_id = $1', [
      keys.orderId,
    ]);
    const row = rows[0];
    existing = row && {
      courtOri: row.court_ori,
      version: row.version,
      status: row.status,
      payloadHash: row.payload_hash,
    };
  }
  // The id exists: the same content again (a re-queued submit) is already done; anything else
  // must come as order.modify so nothing is overwritten silently.
  if (existing && existing.courtOri === keys.courtOri && existing.payloadHash === ctx.payloadHash) {
    return applied(existing);
  }
  return reject(
    409,
    'order-exists',
    `An order with id ${keys.orderId} is already at the registry with different content; send the change as a modification.`,
  );
};

const orderModify: KindHandler = async (ctx) => {
  const p = modifyPayload.safeParse(ctx.mutation.payload);
  if (!p.success) {
    return reject(
      422,
      'invalid-payload',
      'An order.modify payload is { order, baseVersion, pages? }.',
      describeIssues(p.error),
    );
  }
  const pageHashes = pageHashesOf(p.data.pages);
  const checked = await checkOrder(ctx, p.data.order, pageHashes);
  if ('refusal' in checked) return checked.refusal;
  const { keys } = checked;
  const rows = await ctx.tx.query<{ court_ori: string; version: number }>(
    'SELECT court_ori, version FROM orders WHERE order_id = $1 FOR UPDATE',
    [keys.orderId],
  );
  const current = rows[0];
  if (!current || current.court_ori !== ctx.device.courtOri) {
    return reject(
      404,
      'order-not-found',
      `Order ${keys.orderId} is not at the registry; submit it first.`,
    );
  }
  if (current.version !== p.data.baseVersion) {
    return reject(
      409,
      'version-conflict',
      `Order ${keys.orderId} changed at the registry (now version ${current.version}, this change was made to version ${p.data.baseVersion}). A supervisor must reconcile the two.`,
    );
  }
  const version = current.version + 1;
  await updateOrder(
    ctx.tx,
    {
      keys,
      payload: p.data.order,
      payloadHash: ctx.payloadHash,
      pageHashes,
      deviceId: ctx.device.deviceId,
      seq: ctx.mutation.seq,
    },
    version,
  );
  // The new version's pages. A workstation lists the pages it holds, and one correcting an
  // order keyed elsewhere holds none: an empty or missing list keeps the previous version's.
  const newPages = p.data.pages ?? [];
  if (newPages.length > 0) await writeOrderPages(ctx.tx, keys.orderId, version, newPages);
  else await carryOrderPages(ctx.tx, keys.orderId, current.version, version);
  return {
    type: 'applied',
    result: {
      outcome: 'applied',
      kind: 'order.modify',
      orderId: keys.orderId,
      version,
      status: 'at_registry',
    },
  };
};

const servicePayload = z.object({
  orderId: z.string().min(1).max(100),
  record: z.looseObject({ id: z.string().min(1).max(100) }),
});

const serviceRecord: KindHandler = async (ctx) => {
  const p = servicePayload.safeParse(ctx.mutation.payload);
  if (!p.success) {
    const issues = describeIssues(p.error);
    return reject(
      422,
      'invalid-payload',
      `The proof of service is incomplete: ${issues.join('; ')}`,
      issues,
    );
  }
  const { orderId, record } = p.data;
  const rows = await ctx.tx.query<{ version: number }>(
    'SELECT version FROM orders WHERE order_id = $1 AND court_ori = $2',
    [orderId, ctx.device.courtOri],
  );
  const order = rows[0];
  if (!order) return reject(404, 'order-not-found', `Order ${orderId} is not at the registry.`);
  const inserted = await ctx.tx.query(
    `INSERT INTO service_records (record_id, order_id, court_ori, payload, device_id)
     VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (record_id) DO NOTHING RETURNING record_id`,
    [record.id, orderId, ctx.device.courtOri, JSON.stringify(record), ctx.device.deviceId],
  );
  if (inserted.length > 0) {
    await addEvent(ctx.tx, orderId, order.version, 'served', null, { recordId: record.id });
    await recordChange(ctx.tx, ctx.device.courtOri, 'service', record.id);
  }
  return {
    type: 'applied',
    result: {
      outcome: 'applied',
      kind: 'service.record',
      orderId,
      recordId: record.id,
      ...(inserted.length === 0 ? { alreadyPresent: true } : {}),
    },
  };
};

const auditPayload = z.object({ event: z.record(z.string(), z.unknown()) });

const auditAppend: KindHandler = async (ctx) => {
  const p = auditPayload.safeParse(ctx.mutation.payload);
  if (!p.success)
    return reject(422, 'invalid-payload', 'An audit.append payload is { event: {…} }.');
  // Into the court's hash chain (src/registry/audit/auditLog.ts).
  const row = await appendAudit(ctx.tx, {
    courtOri: ctx.device.courtOri,
    source: 'workstation',
    deviceId: ctx.device.deviceId,
    deviceSeq: ctx.mutation.seq,
    event: p.data.event,
  });
  return { type: 'applied', result: { outcome: 'applied', kind: 'audit.append', auditId: row.id } };
};

/**
 * Code for each kind named in mutation_kinds, each wrapped with the actor check, authorship and
 * the second-person hold (src/registry/review/pushReview.ts).
 */
export const kindHandlers: Readonly<Record<string, KindHandler>> = reviewedHandlers({
  'order.submit': orderSubmit,
  'order.modify': orderModify,
  'service.record': serviceRecord,
  'audit.append': auditAppend,
});
