import type { Migration } from '../migration';

/**
 * Renaming a payee once names every row with the same bank text, now and in every later sync:
 * an automatic rule "bank text is … → payee …" (Actual's early-stage payee rule). `group_id` is the
 * edit that made it, so undoing that edit takes the rule away too.
 */
export const payeeRules: Migration = {
  version: 8,
  name: 'payee_rules',
  up: `
CREATE TABLE payee_rules (
  raw_name TEXT PRIMARY KEY,                 -- the bank's text, exactly as the feed sends it
  payee TEXT NOT NULL,
  group_id INTEGER,                          -- transaction_edits.group_id of the rename
  replaced_payee TEXT,                       -- the rule's payee before that rename, for undo
  replaced_group_id INTEGER,
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX transactions_by_name ON transactions(name) WHERE removed_at IS NULL;
`,
};
