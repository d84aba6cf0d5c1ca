/**
 * Enrolment and authentication of workstations.
 *
 * A device is enrolled for exactly one court (ORI) and can only read and write that court's
 * data. Enrolment takes a one-time code issued by an administrator (stored hashed, expiring,
 * single use) or, in demo mode, the configured admin code, which may enrol any court.
 */
import { randomBytes } from 'node:crypto';

import type { Db, Queryable } from '../db/types';
import { RegistryError } from '../errors';

import { formatCredential, hashSecret, newCredential, parseBearer, sameHash } from './credentials';

/** An authenticated workstation and the one court it may read and write. */
export type Device = {
  readonly deviceId: string;
  readonly courtOri: string;
  readonly label: string;
};

/** What a workstation sends to enrol. */
export type EnrolRequest = {
  readonly code: string;
  /** Needed with the admin code; must match (or be absent) with a one-time code. */
  readonly courtOri?: string | undefined;
  readonly courtName?: string | undefined;
  readonly label?: string | undefined;
};

/** What enrolment returns (the credential is never stored by the registry). */
export type Enrolment = {
  readonly deviceId: string;
  readonly courtOri: string;
  /** `<deviceId>.<secret>`: shown once, never stored by the registry. */
  readonly credential: string;
};

async function ensureCourt(tx: Queryable, ori: string, name: string): Promise<void> {
  await tx.query(
    `INSERT INTO courts (ori, name) VALUES ($1, $2)
     ON CONFLICT (ori) DO UPDATE SET name = CASE WHEN courts.name = '' THEN EXCLUDED.name ELSE courts.name END`,
    [ori, name],
  );
}

/** Issues a one-time enrolment code for a court (admin action). */
export async function issueEnrolmentCode(
  db: Db,
  courtOri: string,
  options: { label?: string; ttlHours?: number; courtName?: string } = {},
): Promise<{ code: string; expiresAt: string }> {
  // 10 bytes → 16 base32-ish chars; readable aloud, still ~80 bits.
  const code = randomBytes(10).toString('hex').toUpperCase();
  const hours = options.ttlHours ?? 72;
  const rows = await db.transaction(async (tx) => {
    await ensureCourt(tx, courtOri, options.courtName ?? '');
    return tx.query<{ expires_at: Date }>(
      `INSERT INTO enrolment_codes (code_hash, court_ori, label, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4::int)) RETURNING expires_at`,
      [hashSecret(code), courtOri, options.label ?? '', hours],
    );
  });
  return { code, expiresAt: (rows[0]?.expires_at ?? new Date()).toISOString() };
}

/** Enrols a device. Throws RegistryError 401/400 with a clear message when refused. */
export async function enrolDevice(
  db: Db,
  request: EnrolRequest,
  adminCode: string | undefined,
): Promise<Enrolment> {
  const cred = newCredential();
  const label = request.label ?? '';
  const isAdmin = adminCode !== undefined && adminCode !== '' && safeEqual(request.code, adminCode);
  const courtOri = await db.transaction(async (tx) => {
    let ori: string;
    if (isAdmin) {
      if (!request.courtOri) {
        throw new RegistryError(400, 'court-required', 'Say which court (courtOri) to enrol.');
      }
      ori = request.courtOri;
      await ensureCourt(tx, ori, request.courtName ?? '');
    } else {
      const rows = await tx.query<{ court_ori: string }>(
        `UPDATE enrolment_codes SET used_at = now(), used_by = $2
         WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
         RETURNING court_ori`,
        [hashSecret(request.code), cred.deviceId],
      );
      const row = rows[0];
      if (!row) {
        throw new RegistryError(
          401,
          'enrolment-code-invalid',
          'This enrolment code is not valid: it may be mistyped, used already or expired. Ask the registry administrator for a new code.',
        );
      }
      if (request.courtOri && request.courtOri !== row.court_ori) {
        throw new RegistryError(
          403,
          'enrolment-court-mismatch',
          `This code enrols a workstation for court ${row.court_ori}, not ${request.courtOri}.`,
        );
      }
      ori = row.court_ori;
    }
    await tx.query(
      `INSERT INTO devices (device_id, court_ori, label, secret_hash) VALUES ($1, $2, $3, $4)`,
      [cred.deviceId, ori, label, hashSecret(cred.secret)],
    );
    return ori;
  });
  return { deviceId: cred.deviceId, courtOri, credential: formatCredential(cred) };
}

function safeEqual(a: string, b: string): boolean {
  return sameHash(hashSecret(a), hashSecret(b));
}

/** Resolves a bearer header to its device; undefined when missing, wrong or revoked. */
export async function authenticate(
  db: Db,
  header: string | undefined,
): Promise<Device | undefined> {
  const cred = parseBearer(header);
  if (!cred) return undefined;
  const rows = await db.query<{ court_ori: string; label: string; secret_hash: string }>(
    'SELECT court_ori, label, secret_hash FROM devices WHERE device_id = $1 AND revoked_at IS NULL',
    [cred.deviceId],
  );
  const row = rows[0];
  if (!row || !sameHash(row.secret_hash, hashSecret(cred.secret))) return undefined;
  return { deviceId: cred.deviceId, courtOri: row.court_ori, label: row.label };
}
