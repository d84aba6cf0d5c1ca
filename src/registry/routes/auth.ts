/**
 * The bearer check every device endpoint runs first. 401 means "enrol again"; the message says so.
 */
import type { FastifyRequest } from 'fastify';

import { authenticate, type Device } from '../auth/devices';
import type { Db } from '../db/types';
import { RegistryError } from '../errors';

/** The authenticated device of a request, or a 401 RegistryError. */
export async function requireDevice(db: Db, request: FastifyRequest): Promise<Device> {
  const device = await authenticate(db, request.headers.authorization);
  if (!device) {
    throw new RegistryError(
      401,
      'unauthenticated',
      'This workstation is not enrolled with the registry (missing, wrong or revoked credential). Enrol it again with a code from the registry administrator.',
    );
  }
  return device;
}
