import type { Migration } from '../migration';

/**
 * The user's own fields on each transaction, beside the bank's. The feed writes only the bank's
 * columns (date, amount, name, merchant, Plaid category, pending); the user's columns are written
 * by the user and recorded in `transaction_edits`, which is both the row's history and what undo
 * replays backwards. `locks` names the user fields the person set ({"payee": "2026-…"}), so later
 * automation (rules, the category the feed suggests) leaves exactly those alone.
 *
 * The category index follows the category a row shows, so filtering by it still pages from the
 * index.
 *
 * `transaction_aliases` holds every other Plaid id a row has had (the pending id a posted row took
 * over, an id a bank renumbered): any later mention of that id resolves to the same row.
 */
export const userFields: Migration = {
  version: 6,
  name: 'user_fields',
  up: `
ALTER TABLE transactions ADD COLUMN payee TEXT;
ALTER TABLE transactions ADD COLUMN user_category TEXT;
ALTER TABLE transactions ADD COLUMN notes TEXT;
ALTER TABLE transactions ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1));
ALTER TABLE transactions ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1));
ALTER TABLE transactions ADD COLUMN locks TEXT NOT NULL DEFAULT '{}';
ALTER TABLE transactions ADD COLUMN needs_review TEXT;

-- The list filters by the category a row shows: the person's where set, else Plaid's.
DROP INDEX transactions_visible_by_category;
CREATE INDEX transactions_visible_by_category
  ON transactions(COALESCE(user_category, category), date DESC, seq DESC) WHERE removed_at IS NULL;

CREATE TABLE transaction_aliases (
  plaid_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN ('posted', 'renumbered')),
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX transaction_aliases_seq ON transaction_aliases(seq);

CREATE TABLE transaction_edits (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL,                 -- one user action (a bulk edit is one group)
  seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  field TEXT NOT NULL,
  before TEXT,                               -- JSON of the value before, with its lock
  after TEXT,                                -- JSON of the value after, with its lock
  source TEXT NOT NULL,                      -- user | sync
  at TEXT NOT NULL,
  undone_at TEXT
) STRICT;
CREATE INDEX transaction_edits_seq ON transaction_edits(seq, id);
CREATE INDEX transaction_edits_group ON transaction_edits(group_id);
`,
};
