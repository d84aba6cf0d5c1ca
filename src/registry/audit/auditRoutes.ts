/**
 * The court's audit trail for supervisors (audit.view; the guard records each read before the
 * answer goes out). No route changes or deletes audit rows: there is none, by design.
 *
 * GET /v1/audit?limit=&beforeSeq=   rows of the caller's court, newest first
 * GET /v1/audit/verify              the chain check of the caller's court
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { requireUser } from '../auth/guard';
import type { Db } from '../db/types';
import { badRequest } from '../server';

import { listAudit } from './auditLog';
import { verifyAuditChains } from './verify';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().min(1).optional(),
});

export function registerAuditRoutes(app: FastifyInstance, db: Db): void {
  app.get('/v1/audit', async (request) => {
    const user = requireUser(request);
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) throw badRequest(parsed.error, 'audit query');
    const rows = await listAudit(
      db,
      user.device.courtOri,
      parsed.data.limit,
      parsed.data.beforeSeq,
    );
    return { courtOri: user.device.courtOri, rows };
  });

  app.get('/v1/audit/verify', async (request) => {
    const user = requireUser(request);
    return verifyAuditChains(db, { court: user.device.courtOri });
  });
}
