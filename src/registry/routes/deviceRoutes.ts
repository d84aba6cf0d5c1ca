/**
 * Endpoints for enrolled workstations: push, pull, search and order read. Every one runs the
 * bearer check first and is scoped to the device's court.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { readHistory } from '../orders/history';
import { readOrderPages } from '../orders/orderPages';
import { readOrder, pullChanges } from '../pull/changes';
import { pushMutations } from '../push/pushService';
import { pushRequestSchema } from '../push/types';
import { isoDate } from '../search/searchKeys';
import { searchOrders } from '../search/searchService';
import { errorBody } from '../errors';
import { badRequest, type RegistryDeps } from '../server';

import { requireDevice } from './auth';

const changesQuery = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const searchQuery = z.object({
  name: z.string().trim().max(200).optional(),
  first: z.string().trim().max(100).optional(),
  dob: isoDate.optional(),
  caseNumber: z.string().trim().max(60).optional(),
  licence: z.string().trim().max(40).optional(),
  fcn: z.string().trim().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

/** Registers /v1/mutations, /v1/changes, /v1/orders/search, /v1/orders/:orderId(/history). */
export function registerDeviceRoutes(app: FastifyInstance, deps: RegistryDeps): void {
  const { db } = deps;

  app.post('/v1/mutations', async (request, reply) => {
    const device = await requireDevice(db, request);
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'push request');
    const response = await pushMutations(db, device, parsed.data.mutations, deps.pushHooks);
    // 422 when any key was reused with another payload; the body still lists every result.
    const reused = response.results.some((r) => r.outcome === 'conflict' && r.httpStatus === 422);
    return reply.status(reused ? 422 : 200).send(response);
  });

  app.get('/v1/changes', async (request) => {
    const device = await requireDevice(db, request);
    const parsed = changesQuery.safeParse(request.query);
    if (!parsed.success) throw badRequest(parsed.error, 'changes query');
    return pullChanges(db, device.courtOri, parsed.data.cursor, parsed.data.limit);
  });

  app.get('/v1/orders/search', async (request) => {
    const device = await requireDevice(db, request);
    const parsed = searchQuery.safeParse(request.query);
    if (!parsed.success) throw badRequest(parsed.error, 'search');
    return searchOrders(db, device.courtOri, parsed.data);
  });

  app.get<{ Params: { orderId: string } }>('/v1/orders/:orderId', async (request, reply) => {
    const device = await requireDevice(db, request);
    const order = await readOrder(db, device.courtOri, request.params.orderId);
    if (!order) {
      return reply
        .status(404)
        .send(
          errorBody(
            'order-not-found',
            `No order ${request.params.orderId} in court ${device.courtOri}.`,
          ),
        );
    }
    // The latest version's page images, in order (migration 8; older orders list none).
    return { ...order, pages: await readOrderPages(db, order.orderId, order.version) };
  });

  app.get<{ Params: { orderId: string } }>(
    '/v1/orders/:orderId/history',
    async (request, reply) => {
      const device = await requireDevice(db, request);
      const history = await readHistory(db, device.courtOri, request.params.orderId);
      if (!history) {
        return reply
          .status(404)
          .send(
            errorBody(
              'order-not-found',
              `No order ${request.params.orderId} in court ${device.courtOri}.`,
            ),
          );
      }
      return history;
    },
  );
}
