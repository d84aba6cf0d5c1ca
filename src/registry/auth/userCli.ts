/**
 * `npm run registry -- add-user --court ORI --username NAME --role ROLE [--name "Display"]
 *  [--courtroom DEPT] [--data-dir DIR | --database-url URL]`, password from REGISTRY_NEW_PASSWORD
 * or the first line of standard input. Creates the first administrator (or any account) without
 * the API, e.g. on a new registry.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';

import { passwordProblem } from '../../shared/auth/policy';
import { usernameSchema } from '../../shared/auth/principal';
import { isRole } from '../../shared/auth/roles';
import { appendRegistryEvent } from '../audit/auditLog';
import { parseConfig } from '../config';
import { openDatabase } from '../db/open';

import { hashPassword } from '../../node/scrypt';
import { insertUser } from './users';

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (process.env.REGISTRY_NEW_PASSWORD) return process.env.REGISTRY_NEW_PASSWORD;
  const rl = createInterface({ input: process.stdin });
  const [line] = (await once(rl, 'line')) as [string];
  rl.close();
  return line;
}

/** Runs the command; resolves with a line to print. Throws with a message saying what to fix. */
export async function addUserCommand(argv: readonly string[]): Promise<string> {
  const court = flag(argv, '--court');
  const role = flag(argv, '--role');
  const name = usernameSchema.safeParse(flag(argv, '--username') ?? '');
  if (!court || !/^[A-Z0-9]{5,12}$/.test(court)) throw new Error('add-user needs --court ORI');
  if (!name.success) throw new Error('add-user needs --username (2–64 letters, digits, . - _)');
  if (!isRole(role)) throw new Error('add-user needs --role clerk|courtroom|supervisor|admin');
  const password = await readPassword();
  const problem = passwordProblem(password, name.data);
  if (problem) throw new Error(problem);
  // parseConfig reads only its own flags (--data-dir, --database-url, …).
  const config = parseConfig(argv, process.env);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const user = await insertUser(db, {
      courtOri: court,
      username: name.data,
      displayName: flag(argv, '--name') ?? '',
      role,
      courtroom: flag(argv, '--courtroom') ?? '',
      passwordHash: await hashPassword(password),
    });
    await appendRegistryEvent(db, court, {
      actor: null,
      action: 'users.manage',
      outcome: 'success',
      reason: `account created from the command line (role ${role})`,
      subject: { kind: 'user', id: user.userId },
      where: { route: 'cli add-user' },
    });
    return `Account ${user.username} (${role}, court ${court}) created: ${user.userId}`;
  } finally {
    await db.close();
  }
}
