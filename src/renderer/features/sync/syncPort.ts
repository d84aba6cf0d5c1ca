/**
 * What the sync engine needs from main, as a port: the real one goes through `window.clerk`,
 * tests wire it straight to a SyncService or to a fake.
 */
import type {
  PullResult,
  PushBatchResult,
  PushRow,
  UploadPageResult,
} from '../../../shared/ipc/contracts/sync';
import { clerkApi, unwrap } from '../../platform/clerk';

export type SyncPort = {
  pushBatch(rows: readonly PushRow[]): Promise<PushBatchResult>;
  uploadPage(bytes: Uint8Array<ArrayBuffer>, sha256: string | undefined): Promise<UploadPageResult>;
  pullChanges(cursor: string, limit: number): Promise<PullResult>;
};

/** The port over IPC. */
export function clerkSyncPort(): SyncPort {
  return {
    pushBatch: (rows) => unwrap('sync:push-batch', clerkApi().sync.pushBatch({ rows: [...rows] })),
    uploadPage: (bytes, sha256) =>
      unwrap(
        'sync:upload-page',
        clerkApi().sync.uploadPage(sha256 ? { bytes, sha256 } : { bytes }),
      ),
    pullChanges: (cursor, limit) =>
      unwrap('sync:pull-changes', clerkApi().sync.pullChanges({ cursor, limit })),
  };
}
