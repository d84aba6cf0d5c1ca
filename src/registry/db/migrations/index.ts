/**
 * The registry's schema migrations, in order. Append new ones; never edit or reorder released
 * ones (the runner refuses to start when an applied migration's checksum no longer matches).
 */
import type { Tx } from '../types';

import { m001Initial } from './m001_initial';
import { m002EditKeys } from './m002_edit_keys';
import { m003CletsRelay } from './m003_clets_relay';
import { m004RolesAudit } from './m004_roles_audit';
import { m005CletsNewVersion } from './m005_clets_new_version';
import { m006NameDictionary } from './m006_name_dictionary';
import { m007Review } from './m007_review';
import { m008OrderPages } from './m008_order_pages';
import { m009CourtCalendar } from './m009_court_calendar';

/** One numbered schema change. */
export type Migration = {
  readonly version: number;
  readonly name: string;
  /** DDL/DML run first, in the migration's transaction. */
  readonly sql: string;
  /** Optional data step in TypeScript, run after `sql` in the same transaction. */
  readonly backfill?: (tx: Tx) => Promise<void>;
};

/** All migrations in order (the CLETS relay owns m003). */
export const migrations: readonly Migration[] = [
  m001Initial,
  m002EditKeys,
  m003CletsRelay,
  m004RolesAudit,
  m005CletsNewVersion,
  m006NameDictionary,
  m007Review,
  m008OrderPages,
  m009CourtCalendar,
];
