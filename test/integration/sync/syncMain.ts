/**
 * Main's sync path composed as src/main/workstation.ts composes it: the real auth (accounts,
 * sessions, actor seals, audit journal, access gate), a SyncService, the sync handlers with the
 * actor check, and the dispatcher over them. The SyncPort it returns goes through
 * `dispatcher.dispatch`, so every call the sync engine makes is gated and validated as IPC
 * would gate and validate it. A clerk is signed in, and `actor` is what the page stamps on the
 * orders it queues: that clerk with main's seal from the session view.
 *
 * Not createWorkstation itself: it keeps SyncService's 15 s request timeout, and a test that
 * stalls replies past the client timeout needs a short one.
 */
import { createAuth } from '../../../src/main/auth/authHandlers';
import { createDispatcher, type Handlers } from '../../../src/main/ipc/dispatcher';
import { createSyncHandlers } from '../../../src/main/sync/syncHandlers';
import { SyncService } from '../../../src/main/sync/syncService';
import { hashPassword } from '../../../src/node/scrypt';
import type { SyncPort } from '../../../src/renderer/features/sync/syncPort';
import type { InvokeChannel } from '../../../src/shared/ipc/channels';
import { actorOfPrincipal, type MutationActor } from '../../../src/shared/review/actor';
import { TEST_KDF, TEST_PASSWORD } from '../../helpers/auth';

export type SyncMain = {
  readonly sync: SyncService;
  /** The page's way to main: the dispatcher, as over IPC. */
  readonly port: SyncPort;
  /** The signed-in clerk, sealed by main: stamp it on queued orders. */
  readonly actor: MutationActor;
  close(): Promise<void>;
};

export type SyncMainOptions = {
  readonly dataDir: string;
  readonly registryUrl: string;
  readonly enrolCode: string;
  readonly courtOri: string;
  /** Per request to the registry (SyncService's requestTimeoutMs). */
  readonly requestTimeoutMs: number;
  readonly random?: () => number;
};

const ctx = { shell: 'host' as const, origin: 'test' };

/** Starts main's sync path, signs a clerk in, and waits (≤ 30 s) until enrolled and online. */
export async function startSyncMain(options: SyncMainOptions): Promise<SyncMain> {
  const auth = createAuth({ dataDir: options.dataDir, publish: () => undefined, kdf: TEST_KDF });
  const sync = new SyncService({
    dataDir: options.dataDir,
    env: {
      CLERK_REGISTRY_URL: options.registryUrl,
      CLERK_ENROL_CODE: options.enrolCode,
      CLERK_COURT_ORI: options.courtOri,
    },
    requestTimeoutMs: options.requestTimeoutMs,
    probeCapMs: 300,
    ...(options.random ? { random: options.random } : {}),
  });
  // As workstation.ts wires them: accounts, seals and the audit journal of this workstation.
  const handlers = {
    ...auth.handlers,
    ...createSyncHandlers(
      sync,
      (username) => auth.store.byUsername(username),
      (actor, seal) => auth.seal.verify(actor, seal),
      (event) => auth.journal.isOwn(event),
    ),
  } as unknown as Handlers;
  const dispatcher = createDispatcher(handlers, {
    access: auth.gate,
    onInternalError: (channel, error) => console.error(`[ipc] ${channel}:`, error),
  });
  const call = async <T>(channel: InvokeChannel, input: unknown): Promise<T> => {
    const r = await dispatcher.dispatch(channel, input, ctx);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };

  const at = new Date().toISOString();
  await auth.store.put({
    userId: 'fault-proxy-clerk',
    username: 'clerk',
    displayName: 'Fault Proxy Clerk',
    role: 'clerk',
    courtOri: options.courtOri,
    courtroom: '',
    passwordHash: await hashPassword(TEST_PASSWORD, TEST_KDF),
    failedCount: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: at,
    updatedAt: at,
  });
  const view = await call<{
    user: Parameters<typeof actorOfPrincipal>[0];
    actorSeal?: string;
  }>('auth:sign-in', { username: 'clerk', password: TEST_PASSWORD });
  const actor = actorOfPrincipal(view.user, view.actorSeal);
  if (!actor?.seal) throw new Error('signing in gave no sealed actor');

  sync.start();
  const deadline = Date.now() + 30_000;
  while (!(sync.status().connectivity === 'online' && sync.status().enrolled)) {
    if (Date.now() > deadline) {
      sync.close();
      await auth.close();
      throw new Error(`main did not enrol: ${JSON.stringify(sync.status())}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    sync,
    actor,
    port: {
      pushBatch: (rows) => call('sync:push-batch', { rows }),
      uploadPage: (bytes, sha256) =>
        call('sync:upload-page', sha256 ? { bytes, sha256 } : { bytes }),
      pullChanges: (cursor, limit) => call('sync:pull-changes', { cursor, limit }),
    },
    async close() {
      sync.close();
      await auth.close();
    },
  };
}
