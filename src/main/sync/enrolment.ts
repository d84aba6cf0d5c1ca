/**
 * Enrolment: trading a code from the registry administrator for this workstation's credential,
 * and saying in a clerk's words why the registry refused a code.
 */
import os from 'node:os';

import { RegistryHttpError, TransientError } from '../../registry/client/http';
import type { RegistryClient } from '../../registry/client/registryClient';
import { ServiceError } from '../../shared/ipc/envelope';

import type { StoredCredential } from './credentialStore';

/** Enrols with `code` (and the court, for an administrator code); returns what to store. */
export async function enrolWorkstation(
  client: Pick<RegistryClient, 'enrol'>,
  registryUrl: string,
  code: string,
  courtOri: string | undefined,
  now: Date,
): Promise<StoredCredential> {
  const e = await client.enrol(code, courtOri, `${os.hostname()} (clerk workstation)`);
  return {
    version: 1,
    registryUrl,
    deviceId: e.deviceId,
    courtOri: e.courtOri,
    credential: e.credential,
    enrolledAt: now.toISOString(),
  };
}

/** The ServiceError to show for a failed enrolment (other errors are returned unchanged). */
export function enrolmentError(error: unknown): unknown {
  if (error instanceof TransientError) {
    return new ServiceError(
      'unavailable',
      `The registry could not be reached (${error.message}); try again when it is back.`,
    );
  }
  if (error instanceof RegistryHttpError) {
    return new ServiceError(
      error.status === 400 ? 'invalid-input' : 'forbidden',
      error.code === 'court-required'
        ? 'This is an administrator code: also enter the court ORI to enrol for.'
        : error.message,
    );
  }
  return error;
}
