/**
 * The `sync` domain's IPC handlers and the service's composition: status changes go to the
 * renderer (`sync:status-changed`) and to the status bar's registry indicator.
 */
import type { Handlers } from '../ipc/dispatcher';
import {
  checkRowActors,
  type AccountLookup,
  type AuditCheck,
  type SealCheck,
} from '../review/actorCheck';
import type { EventHub } from '../ipc/eventHub';
import type { StatusService } from '../services/statusService';

import { connectivityItem } from './statusText';
import { SyncService } from './syncService';

/** Builds and starts the sync service for a workstation. */
export function createSyncService(options: {
  readonly dataDir: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly hub: EventHub;
  readonly status: StatusService;
}): SyncService {
  const service = new SyncService({
    dataDir: options.dataDir,
    ...(options.env ? { env: options.env } : {}),
    onChange: (s) => {
      options.status.set('connectivity', connectivityItem(s));
      options.hub.publish('sync:status-changed', s);
    },
  });
  service.start();
  return service;
}

type SyncHandlers = Pick<
  Handlers,
  | 'sync:get-status'
  | 'sync:set-registry'
  | 'sync:enrol-workstation'
  | 'sync:push-batch'
  | 'sync:upload-page'
  | 'sync:pull-changes'
  | 'clets:list-deadlines'
  | 'calendar:get-court-rules'
>;

/**
 * One handler per `sync:` channel, and `clets:list-deadlines` and `calendar:get-court-rules`
 * (they need the registry link).
 */
export function createSyncHandlers(
  service: SyncService,
  /** Local accounts: rows naming an unknown actor are refused, not sent (review/actorCheck.ts). */
  accounts?: AccountLookup,
  /** Checks the seal on each row's actor (src/main/auth/actorSeal.ts). */
  sealOk?: SealCheck,
  /** Recognises this workstation's own audit events (AuditJournal.isOwn). */
  ownAuditEvent?: AuditCheck,
): SyncHandlers {
  return {
    'sync:get-status': () => service.status(),
    'sync:set-registry': ({ url }) => service.setRegistryUrl(url),
    'sync:enrol-workstation': (input) => service.enrol(input),
    'sync:push-batch': async ({ rows }) => {
      if (!accounts || !sealOk) return service.pushBatch(rows);
      const { send, refused } = await checkRowActors(rows, accounts, sealOk, ownAuditEvent);
      if (send.length === 0) return { reached: true, results: refused };
      const pushed = await service.pushBatch(send);
      return { ...pushed, results: [...refused, ...pushed.results] };
    },
    'sync:upload-page': ({ bytes, sha256 }) => service.uploadPage(bytes, sha256),
    'sync:pull-changes': ({ cursor, limit }) => service.pullChanges(cursor, limit),
    // The registry link (address, credential) lives here, so the CLETS deadlines come through it.
    'clets:list-deadlines': () => service.deadlines(),
    // The court calendar comes from the registry and is kept on disk by the sync service.
    'calendar:get-court-rules': () => service.courtRules(),
  };
}
