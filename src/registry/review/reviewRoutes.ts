/**
 * The supervisors' review endpoints (user sessions; rules in src/registry/auth/routeActions.ts):
 * - GET  /v1/review/day?date=YYYY-MM-DD            → DaySummary of the session's court
 * - POST /v1/orders/:orderId/return {comment}      → returned to the clerk
 * - POST /v1/approvals/:approvalId/decision {decision, comment?}
 * - POST /v1/orders/:orderId/void-request {reason} → a void waiting for a second supervisor
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { requireUser } from '../auth/guard';
import type { Db } from '../db/types';
import { RegistryError } from '../errors';
import type { RelayRouteOptions } from '../relay/routes';

import { decideApproval, requestVoid, returnOrder } from './reviewActions';
import { buildDaySummary, courtToday } from './daySummary';

const daySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .optional(),
});
const returnSchema = z.object({
  comment: z
    .string()
    .trim()
    .min(3, 'say what the clerk should fix (at least 3 characters)')
    .max(1000, 'keep the comment under 1000 characters'),
});
const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'decline']),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.comment?.length ?? 0) >= 3, {
    message: 'say why the change is declined (at least 3 characters)',
    path: ['comment'],
  });
const voidSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'a void needs a reason of at least 10 characters')
    .max(1000, 'keep the reason under 1000 characters'),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`);
  throw new RegistryError(
    400,
    'invalid-request',
    `The ${what} is not valid: ${issues.join('; ')}`,
    {
      issues,
    },
  );
}

/** Registers the review routes. */
export function registerReviewRoutes(
  app: FastifyInstance,
  deps: { readonly db: Db; readonly relay?: RelayRouteOptions },
): void {
  const clock = deps.relay?.clock ?? (() => new Date());
  const closures = (court: string) => deps.relay?.closures?.(court);

  app.get('/v1/review/day', async (request) => {
    const who = requireUser(request);
    const { date } = parse(daySchema, request.query, 'day');
    const now = clock();
    const day = date ?? courtToday(now);
    const court = who.device.courtOri;
    const courtClosures = closures(court);
    try {
      return await buildDaySummary(deps.db, court, day, {
        now,
        ...(courtClosures ? { closures: courtClosures } : {}),
      });
    } catch (error) {
      if ((error as Error).name === 'InvalidDateError') {
        throw new RegistryError(400, 'invalid-request', `${day} is not a calendar date.`);
      }
      throw error;
    }
  });

  app.post<{ Params: { orderId: string } }>('/v1/orders/:orderId/return', async (request) => {
    const who = requireUser(request);
    const { comment } = parse(returnSchema, request.body, 'return');
    return returnOrder(deps.db, who, request.params.orderId, comment);
  });

  app.post<{ Params: { approvalId: string } }>(
    '/v1/approvals/:approvalId/decision',
    async (request) => {
      const who = requireUser(request);
      const body = parse(decisionSchema, request.body, 'decision');
      return decideApproval(
        deps.db,
        who,
        request.params.approvalId,
        body.decision,
        body.comment || null,
      );
    },
  );

  app.post<{ Params: { orderId: string } }>('/v1/orders/:orderId/void-request', async (request) => {
    const who = requireUser(request);
    const { reason } = parse(voidSchema, request.body, 'void request');
    return requestVoid(deps.db, who, request.params.orderId, reason);
  });
}
