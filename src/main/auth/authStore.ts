/**
 * The workstation's accounts and its idle-lock setting, kept in `<dataDir>/auth/users.json`
 * (mode 0600). Passwords are stored only as scrypt hashes; lockout counters are stored too, so
 * restarting the app does not reset a lockout.
 *
 * Writes go to a temporary file renamed over the old one (a crash leaves the previous file),
 * one at a time.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { IDLE_LOCK_DEFAULT_MINUTES, clampIdleMinutes } from '../../shared/auth/policy';
import { roles } from '../../shared/auth/roles';
import { ServiceError } from '../../shared/ipc/envelope';

export const storedUserSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  courtOri: z.string(),
  courtroom: z.string(),
  passwordHash: z.string(),
  failedCount: z.number().int().min(0),
  /** Epoch ms, or null. */
  lockedUntil: z.number().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One account as stored. */
export type StoredUser = z.infer<typeof storedUserSchema>;

const fileSchema = z.object({
  version: z.literal(1),
  idleLockMinutes: z.number().int(),
  users: z.array(storedUserSchema),
});

type AuthFile = z.infer<typeof fileSchema>;

export class AuthStore {
  readonly file: string;
  private cache: AuthFile | null = null;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'auth', 'users.json');
  }

  private async load(): Promise<AuthFile> {
    if (this.cache) return this.cache;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return (this.cache = { version: 1, idleLockMinutes: IDLE_LOCK_DEFAULT_MINUTES, users: [] });
    }
    let parsed;
    try {
      parsed = fileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      // Fail closed: nobody signs in against a damaged account file.
      throw new ServiceError(
        'failed',
        `The account file ${this.file} is damaged, so nobody can sign in. Ask IT to restore it from backup.`,
      );
    }
    return (this.cache = parsed.data);
  }

  private async save(next: AuthFile): Promise<void> {
    const run = this.writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${randomUUID()}.tmp`;
      await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, this.file);
      await chmod(this.file, 0o600);
      this.cache = next;
    });
    this.writing = run.catch(() => undefined);
    await run;
  }

  async users(): Promise<readonly StoredUser[]> {
    return (await this.load()).users;
  }

  async byUsername(username: string): Promise<StoredUser | undefined> {
    const name = username.trim().toLowerCase();
    return (await this.load()).users.find((u) => u.username === name);
  }

  async byId(userId: string): Promise<StoredUser | undefined> {
    return (await this.load()).users.find((u) => u.userId === userId);
  }

  /** Adds or replaces (by userId) an account; user names are unique. */
  async put(user: StoredUser): Promise<StoredUser> {
    const current = await this.load();
    const clash = current.users.find(
      (u) => u.username === user.username && u.userId !== user.userId,
    );
    if (clash) {
      throw new ServiceError(
        'conflict',
        `The user name "${user.username}" is taken; choose another one.`,
      );
    }
    const users = current.users.some((u) => u.userId === user.userId)
      ? current.users.map((u) => (u.userId === user.userId ? user : u))
      : [...current.users, user];
    await this.save({ ...current, users });
    return user;
  }

  async idleLockMinutes(): Promise<number> {
    return clampIdleMinutes((await this.load()).idleLockMinutes);
  }

  async setIdleLockMinutes(minutes: number): Promise<number> {
    const current = await this.load();
    const value = clampIdleMinutes(minutes);
    await this.save({ ...current, idleLockMinutes: value });
    return value;
  }
}
