/**
 * Migration 2: one-edit keys for names (see editKeys in src/shared/search/foldName.ts), so every
 * one-letter typo is found, with a GIN index on the key array. Rows written before this
 * migration get their keys computed in TypeScript by `backfill`.
 */
import { editKeys } from '../../../shared/search/foldName';
import type { Tx } from '../types';

/** Migration 2: edit keys column, GIN index and backfill. */
export const m002EditKeys = {
  version: 2,
  name: 'edit-keys',
  sql: `
ALTER TABLE order_names ADD COLUMN edit_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX order_names_edit_keys ON order_names USING gin (edit_keys);
`,
  async backfill(tx: Tx): Promise<void> {
    const rows = await tx.query<{ last_fold: string }>(
      "SELECT DISTINCT last_fold FROM order_names WHERE edit_keys = '{}'",
    );
    for (const r of rows) {
      await tx.query('UPDATE order_names SET edit_keys = $2::text[] WHERE last_fold = $1', [
        r.last_fold,
        editKeys(r.last_fold),
      ]);
    }
  },
};
