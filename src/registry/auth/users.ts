/**
 * Registry accounts: create, read, change. Role and court come from here for every request
 * with a user session (src/registry/auth/guard.ts); passwords are scrypt hashes.
 */
import { accountView } from '../../shared/auth/accountView';
import type { Role } from '../../shared/auth/roles';
import type { Queryable } from '../db/types';
import { RegistryError } from '../errors';

export type RegistryUser = {
  readonly userId: string;
  readonly courtOri: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly courtroom: string;
  readonly passwordHash: string;
  readonly failedCount: number;
  /** Epoch ms or null. */
  readonly lockedUntil: number | null;
  readonly disabled: boolean;
};

type Row = {
  user_id: string;
  court_ori: string;
  username: string;
  display_name: string;
  role: Role;
  courtroom: string;
  password_hash: string;
  failed_count: number;
  locked_until: Date | null;
  disabled_at: Date | null;
};

const columns =
  'user_id, court_ori, username, display_name, role, courtroom, password_hash, failed_count, locked_until, disabled_at';

function fromRow(r: Row): RegistryUser {
  return {
    userId: r.user_id,
    courtOri: r.court_ori,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    courtroom: r.courtroom,
    passwordHash: r.password_hash,
    failedCount: Number(r.failed_count),
    lockedUntil: r.locked_until ? new Date(r.locked_until).getTime() : null,
    disabled: r.disabled_at !== null,
  };
}

/** What an account looks like outside the registry (no hash). */
export function publicUser(u: RegistryUser) {
  return accountView(u);
}

export async function userByName(
  db: Queryable,
  username: string,
): Promise<RegistryUser | undefined> {
  const rows = await db.query<Row>(`SELECT ${columns} FROM users WHERE username = $1`, [
    username.trim().toLowerCase(),
  ]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function userById(db: Queryable, userId: string): Promise<RegistryUser | undefined> {
  if (!UUID.test(userId)) return undefined;
  const rows = await db.query<Row>(`SELECT ${columns} FROM users WHERE user_id = $1`, [userId]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function listUsers(db: Queryable, courtOri?: string): Promise<RegistryUser[]> {
  const rows = await db.query<Row>(
    `SELECT ${columns} FROM users WHERE ($1::text IS NULL OR court_ori = $1) ORDER BY username`,
    [courtOri ?? null],
  );
  return rows.map(fromRow);
}

export type NewUser = {
  readonly courtOri: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly courtroom: string;
  readonly passwordHash: string;
};

/** Creates an account (the court row is created if needed). 409 when the name is taken. */
export async function insertUser(db: Queryable, u: NewUser): Promise<RegistryUser> {
  await db.query(`INSERT INTO courts (ori) VALUES ($1) ON CONFLICT (ori) DO NOTHING`, [u.courtOri]);
  const rows = await db.query<Row>(
    `INSERT INTO users (court_ori, username, display_name, role, courtroom, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING ${columns}`,
    [
      u.courtOri,
      u.username.trim().toLowerCase(),
      u.displayName,
      u.role,
      u.courtroom,
      u.passwordHash,
    ],
  );
  if (!rows[0]) {
    throw new RegistryError(
      409,
      'username-taken',
      `The user name "${u.username}" is taken; choose another one.`,
    );
  }
  return fromRow(rows[0]);
}

export type UserChange = {
  readonly role?: Role;
  readonly displayName?: string;
  readonly courtroom?: string;
  readonly disabled?: boolean;
  readonly passwordHash?: string;
  /** Sets the lockout counters (sign-in failures, release). */
  readonly failedCount?: number;
  readonly lockedUntil?: number | null;
};

export async function updateUser(
  db: Queryable,
  userId: string,
  c: UserChange,
): Promise<RegistryUser> {
  const rows = await db.query<Row>(
    `UPDATE users SET
       role = COALESCE($2, role),
       display_name = COALESCE($3, display_name),
       courtroom = COALESCE($4, courtroom),
       disabled_at = CASE WHEN $5::boolean IS NULL THEN disabled_at
                          WHEN $5 THEN COALESCE(disabled_at, now()) ELSE NULL END,
       password_hash = COALESCE($6, password_hash),
       failed_count = COALESCE($7, failed_count),
       locked_until = CASE WHEN $8::boolean THEN $9::timestamptz ELSE locked_until END,
       updated_at = now()
     WHERE user_id = $1 RETURNING ${columns}`,
    [
      userId,
      c.role ?? null,
      c.displayName ?? null,
      c.courtroom ?? null,
      c.disabled ?? null,
      c.passwordHash ?? null,
      c.failedCount ?? null,
      c.lockedUntil !== undefined,
      c.lockedUntil === undefined || c.lockedUntil === null ? null : new Date(c.lockedUntil),
    ],
  );
  if (!rows[0]) throw new RegistryError(404, 'user-not-found', 'No such account.');
  return fromRow(rows[0]);
}
