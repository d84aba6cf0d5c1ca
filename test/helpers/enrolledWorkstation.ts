/**
 * A real workstation (createWorkstation, host shell, cheap KDF) pointed at a registry, returned
 * once it has enrolled itself and found the registry online — what the integration suites that
 * call registry-backed channels through the dispatcher start from.
 */
import { createWorkstation, type Workstation } from '../../src/main/workstation';
import type { SyncStatus } from '../../src/shared/ipc/contracts/sync';

import { TEST_KDF } from './auth';

/** Starts a workstation in `dataDir` and waits (≤ 30 s) until it is enrolled and online. */
export async function enrolledWorkstation(options: {
  readonly dataDir: string;
  readonly registryUrl: string;
  readonly enrolCode: string;
  readonly courtOri: string;
  /** More environment (e.g. CLERK_DEMO). */
  readonly env?: Readonly<Record<string, string>>;
}): Promise<Workstation> {
  const ws = createWorkstation({
    shell: 'host',
    dataDir: options.dataDir,
    version: 'test',
    env: {
      CLERK_REGISTRY_URL: options.registryUrl,
      CLERK_ENROL_CODE: options.enrolCode,
      CLERK_COURT_ORI: options.courtOri,
      ...options.env,
    },
    auth: { kdf: TEST_KDF },
  });
  const ctx = { shell: 'host' as const, origin: 'test' };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const s = (await ws.handlers['sync:get-status']({}, ctx)) as SyncStatus;
    if (s.connectivity === 'online' && s.enrolled) return ws;
    if (Date.now() > deadline) {
      await ws.close();
      throw new Error(`workstation did not enrol: ${JSON.stringify(s)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
