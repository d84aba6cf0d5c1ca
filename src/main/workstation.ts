/**
 * Composes the main-process services and binds them to the contract's channels.
 *
 * Used by both shells: Electron's main (src/main/index.ts) and the host (src/host). It never
 * imports `electron`; each shell passes in what only it knows (its kind and data folder).
 */
import os from 'node:os';

import { createAuth } from './auth/authHandlers';
import type { Auth } from './auth/authHandlers';
import { createLicenceHandlers, createLicenceService } from './devices/licence/licenceHandlers';
import { createScannerHandlers, createScannerService } from './devices/scanner/scannerHandlers';
import { createDispatcher } from './ipc/dispatcher';
import type { CallContext, Dispatcher, Handlers } from './ipc/dispatcher';
import { EventHub } from './ipc/eventHub';
import { createPagesHandlers } from './pages/pagesHandlers';
import { createPrintHandlers } from './print/printHandlers';
import { PrintService } from './print/printService';
import { refreshDevicesStatus } from './services/devicesStatus';
import { createReportHandlers } from './review/reportHandlers';
import { createReviewHandlers } from './review/reviewHandlers';
import { StatusService } from './services/statusService';
import { createSearchHandlers } from './search/searchHandlers';
import { createSyncHandlers, createSyncService } from './sync/syncHandlers';

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'clerk';
  }
}

const deviceSettingChannels = [
  'scanner:save-scanner',
  'scanner:delete-scanner',
  'print:save-printer',
  'print:delete-printer',
] as const;

export type WorkstationOptions = {
  readonly shell: 'electron' | 'host';
  readonly dataDir: string;
  readonly version: string;
  readonly name?: string;
  /** Environment for the registry link (CLERK_REGISTRY_URL, …); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly onInternalError?: (channel: string, error: unknown) => void;
  /** Sign-in and audit seams for tests (clock, cheaper KDF); see src/main/auth. */
  readonly auth?: Pick<Parameters<typeof createAuth>[0], 'now' | 'kdf' | 'schedule'>;
};

export type Workstation = {
  /** The handler per channel, exposed so tests can build dispatchers over the real ones. */
  readonly handlers: Handlers;
  readonly dispatcher: Dispatcher;
  readonly hub: EventHub;
  readonly status: StatusService;
  /** Sessions, accounts and the audit journal (the dispatcher's access gate). */
  readonly auth: Auth;
  close(): Promise<void>;
};

export function createWorkstation(options: WorkstationOptions): Workstation {
  const env = options.env ?? process.env;
  const hub = new EventHub();
  const status = new StatusService(hub);
  const startedAt = new Date().toISOString();
  const auth = createAuth({
    dataDir: options.dataDir,
    publish: (view) => hub.publish('auth:session-changed', view),
    // Known demo accounts only in `npm start`'s demo mode (CLERK_DEMO=1) and the e2e host.
    seedDemoUsers: env.CLERK_DEMO === '1' || (options.shell === 'host' && env.CLERK_E2E === '1'),
    // "Where" in audit events: the registry's id for this workstation once enrolled.
    deviceId: () => sync.status().deviceId,
    // The registry answers searches and reviews per user: sign the same user in there too.
    onAuthenticated: (user, password) => void sync.userLink.open(user, password),
    onEnded: () => sync.userLink.end(),
    ...options.auth,
  });
  const print = new PrintService({
    dataDir: options.dataDir,
    publish: (job) => hub.publish('print:job-updated', job),
  });
  const licence = createLicenceService((scan) => hub.publish('licence:payload-scanned', scan));
  const scanner = createScannerService({
    dataDir: options.dataDir,
    publish: (event, payload) => hub.publish(event, payload),
  });
  const sync = createSyncService({ dataDir: options.dataDir, env: options.env, hub, status });

  // One entry per domain; each domain's handlers live beside its service.
  const handlers: Handlers = {
    'app:get-info': () => ({
      name: options.name ?? 'CCPOR Clerk Workstation',
      version: options.version,
      shell: options.shell,
      dataDir: options.dataDir,
      platform: process.platform,
      startedAt,
      workstationUser: safeUserName(),
    }),
    'status:get-summary': () => status.get(),
    ...auth.handlers,
    ...createPrintHandlers(print),
    ...createLicenceHandlers(licence),
    ...createScannerHandlers(scanner),
    ...createPagesHandlers(),
    ...createSyncHandlers(
      sync,
      (username) => auth.store.byUsername(username),
      (actor, seal) => auth.seal.verify(actor, seal),
      (event) => auth.journal.isOwn(event),
    ),
    ...createSearchHandlers({ userLink: sync.userLink, journal: auth.journal }),
    ...createReviewHandlers({ userLink: sync.userLink }),
    ...createReportHandlers(),
  };

  // The devices indicator follows every change of scanner or printer settings.
  const countDevices = async () => ({
    scanners: (await scanner.store.read()).scanners.length,
    printers: (await print.listPrinters()).length,
  });
  const refreshDevices = () => refreshDevicesStatus(status, countDevices);
  void refreshDevices();
  for (const channel of deviceSettingChannels) {
    const inner = handlers[channel] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    (handlers as Record<string, unknown>)[channel] = async (input: unknown, ctx: CallContext) => {
      const result = await inner(input, ctx);
      await refreshDevices();
      return result;
    };
  }

  const dispatcher = createDispatcher(handlers, {
    onInternalError: options.onInternalError ?? ((c, e) => console.error(`[ipc] ${c}:`, e)),
    access: auth.gate,
  });

  return {
    handlers,
    dispatcher,
    hub,
    status,
    auth,
    close: async () => {
      await auth.close();
      await print.close();
      await licence.close();
      await scanner.close();
      sync.close();
    },
  };
}
