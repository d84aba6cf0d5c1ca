/**
 * Migration 6: a dictionary of distinct folded last names with their Double Metaphone codes and
 * one-edit keys, so a fuzzy search first ranks a few hundred distinct NAMES (small, cached)
 * instead of scoring tens of thousands of order rows, then reads each matching name's orders
 * through a btree in order. On 1M orders this took a typo search from seconds to milliseconds
 * (scripts/load-registry-1m.ts). The per-row fuzzy indexes of order_names are dropped; names
 * are written to the dictionary by the same statements that write order_names.
 */
export const m006NameDictionary = {
  version: 6,
  name: 'name-dictionary',
  sql: `
CREATE TABLE name_dictionary (
  last_fold  text PRIMARY KEY,
  dm1        text NOT NULL,
  dm2        text NOT NULL,
  edit_keys  text[] NOT NULL
);
INSERT INTO name_dictionary (last_fold, dm1, dm2, edit_keys)
  SELECT DISTINCT ON (last_fold) last_fold, dm1, dm2, edit_keys
  FROM order_names ORDER BY last_fold, cardinality(edit_keys) DESC;
CREATE INDEX name_dictionary_trgm ON name_dictionary USING gin (last_fold gin_trgm_ops);
CREATE INDEX name_dictionary_dm1 ON name_dictionary (dm1);
CREATE INDEX name_dictionary_dm2 ON name_dictionary (dm2);
CREATE INDEX name_dictionary_edit_keys ON name_dictionary USING gin (edit_keys);
CREATE INDEX order_names_court_last ON order_names (court_ori, last_fold, order_id);
DROP INDEX order_names_last_trgm;
DROP INDEX order_names_dm1;
DROP INDEX order_names_dm2;
DROP INDEX order_names_edit_keys;
`,
};
