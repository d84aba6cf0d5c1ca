/**
 * The workstation's one IndexedDB database (Dexie).
 *
 * Every shipped schema version stays in the constructor, in order: never edit a shipped
 * version, add a new one (with a named upgrade in ./migrations when data must move). Tests
 * open the database at an older version with `pinVersion` to exercise each migration.
 */
import { Dexie } from 'dexie';
import type { Table } from 'dexie';

import { v2BackfillCourtroom } from './migrations/v2BackfillCourtroom';
import type {
  AuditRow,
  DraftRow,
  OrderRow,
  OutboxRow,
  PageRow,
  RegistryOrderRow,
  SettingRow,
} from './rows';

export const databaseName = 'ccpor-clerk';

export class ClerkDb extends Dexie {
  declare settings: Table<SettingRow, string>;
  declare drafts: Table<DraftRow, string>;
  declare pages: Table<PageRow, string>;
  declare orders: Table<OrderRow, string>;
  declare outbox: Table<OutboxRow, number>;
  declare audit: Table<AuditRow, number>;
  declare registryOrders: Table<RegistryOrderRow, string>;

  /** The newest schema version this build knows. */
  static readonly latestVersion = 3;

  constructor(name: string = databaseName, pinVersion?: number) {
    // Every transaction is 'strict': IndexedDB reports the commit only once it is flushed to
    // disk, so a submitted order, its outbox entry and audit events survive a power cut.
    // Drafts pay the same small cost, which is what "a crash loses nothing" asks for.
    super(name, { chromeTransactionDurability: 'strict' });
    const upTo = (n: number) => pinVersion === undefined || n <= pinVersion;

    // v1 — first release: settings, drafts with their page images, submitted orders, the
    // transactional outbox to the registry, and the local audit queue.
    if (upTo(1)) {
      this.version(1).stores({
        settings: 'key',
        drafts: 'id, updatedAt, orderType, owner',
        pages: 'id, ownerId, [ownerId+position]',
        orders: 'id, status, updatedAt, caseNumber, orderType',
        outbox: '++seq, &idempotencyKey, state, orderId, createdAt',
        audit: '++seq, at, state',
      });
    }
    // v2 — courtroom print queue: orders are listed by courtroom and by submission day.
    if (upTo(2)) {
      this.version(2)
        .stores({ orders: 'id, status, updatedAt, caseNumber, orderType, courtroom, submittedAt' })
        .upgrade(v2BackfillCourtroom);
    }
    // v3 — registry cache: the court's orders as the pull feed last described them, searchable
    // offline by case number and surname keys (conflict checks before submit).
    if (upTo(3)) {
      this.version(3).stores({ registryOrders: 'id, status, caseKey, *nameKeys, updatedAt' });
    }
  }
}
