/**
 * The workstation's host process for hostKill.test.ts: the real workstation (createWorkstation,
 * host shell, cheap KDF) served by the real host server (startHost) on a fixed port and data
 * folder, pointed at a registry. The test SIGKILLs it and starts it again on the same folder.
 *
 * Environment: HOST_DATA_DIR, HOST_PORT, HOST_RENDERER_DIR (a throwaway built renderer with
 * index.html and bridge.js), CLERK_REGISTRY_URL, CLERK_ENROL_CODE, CLERK_COURT_ORI.
 * Prints `Listening on <url>` and then `Token <token>` once it serves.
 *
 * The clerk's account (user name `clerk`, password TEST_PASSWORD) is created on the first start
 * only, so its id, and therefore main's actor seal of it, stays the same across restarts.
 */
import path from 'node:path';

import { startHost } from '../../../src/host/server';
import { createWorkstation } from '../../../src/main/workstation';
import { hashPassword } from '../../../src/node/scrypt';
import { TEST_KDF, TEST_PASSWORD } from '../../helpers/auth';

/** The account the test signs in as after every start. */
const HOST_CLERK = { userId: 'host-kill-clerk', username: 'clerk' } as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const dataDir = required('HOST_DATA_DIR');
  const rendererDir = required('HOST_RENDERER_DIR');
  const workstation = createWorkstation({
    shell: 'host',
    dataDir,
    version: 'test',
    env: {
      CLERK_REGISTRY_URL: required('CLERK_REGISTRY_URL'),
      CLERK_ENROL_CODE: required('CLERK_ENROL_CODE'),
      CLERK_COURT_ORI: required('CLERK_COURT_ORI'),
    },
    auth: { kdf: TEST_KDF },
    onInternalError: (channel, error) => console.error(`[ipc] ${channel}:`, error),
  });
  if (!(await workstation.auth.store.byUsername(HOST_CLERK.username))) {
    const at = new Date().toISOString();
    await workstation.auth.store.put({
      ...HOST_CLERK,
      displayName: 'Host Kill Clerk',
      role: 'clerk',
      courtOri: required('CLERK_COURT_ORI'),
      courtroom: '',
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_KDF),
      failedCount: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
  }
  const host = await startHost({
    port: Number(required('HOST_PORT')),
    rendererDir,
    bridgeFile: path.join(rendererDir, 'bridge.js'),
    workstation,
    log: (m) => console.error(`[host] ${m}`),
  });
  console.log(`Listening on ${host.url}`);
  console.log(`Token ${host.token}`);
  process.on('SIGTERM', () => {
    void host
      .close()
      .then(() => workstation.close())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
