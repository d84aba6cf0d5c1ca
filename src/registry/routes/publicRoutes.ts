/**
 * Endpoints that need no device credential: health, enrolment, and the admin's one-time codes.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { hashSecret, sameHash } from '../auth/credentials';
import { enrolDevice, issueEnrolmentCode } from '../auth/devices';
import { schemaVersion } from '../db/migrate';
import { errorBody, RegistryError } from '../errors';
import { badRequest, type RegistryDeps } from '../server';

const ori = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{5,12}$/, 'a court ORI: 5–12 capital letters or digits');

const enrolSchema = z.object({
  code: z.string().min(4).max(200),
  courtOri: ori.optional(),
  courtName: z.string().max(200).optional(),
  label: z.string().max(200).optional(),
});

const codeSchema = z.object({
  courtOri: ori,
  courtName: z.string().max(200).optional(),
  label: z.string().max(200).optional(),
  ttlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});

/** Registers /v1/health, /v1/enrol and /v1/admin/enrolment-codes. */
export function registerPublicRoutes(app: FastifyInstance, deps: RegistryDeps): void {
  const { db } = deps;

  app.get('/v1/health', async (_request, reply) => {
    try {
      const version = await schemaVersion(db);
      return {
        status: 'ok',
        backend: db.backend,
        schemaVersion: version,
        time: new Date().toISOString(),
      };
    } catch {
      return reply
        .status(503)
        .send(errorBody('unavailable', 'The registry database does not answer.'));
    }
  });

  app.post('/v1/enrol', async (request, reply) => {
    const parsed = enrolSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'enrolment request');
    const enrolment = await enrolDevice(db, parsed.data, deps.config.adminCode);
    return reply.status(201).send(enrolment);
  });

  app.post('/v1/admin/enrolment-codes', async (request, reply) => {
    const header = request.headers['x-admin-code'];
    const given = Array.isArray(header) ? header[0] : header;
    const admin = deps.config.adminCode;
    if (!admin || !given || !sameHash(hashSecret(given), hashSecret(admin))) {
      throw new RegistryError(
        401,
        'admin-code-required',
        'Send the registry admin code in the X-Admin-Code header.',
      );
    }
    const parsed = codeSchema.safeParse(request.body);
    if (!parsed.success) throw badRequest(parsed.error, 'enrolment-code request');
    const { courtOri, ...options } = parsed.data;
    const issued = await issueEnrolmentCode(db, courtOri, options);
    return reply.status(201).send({ courtOri, ...issued });
  });
}
