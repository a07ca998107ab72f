import type { Migration } from '../migration';

/**
 * A long sync keeps its pages on disk, not in memory, and picks up where a killed run stopped.
 *
 * `sync_stage` names the staged run of a connection (at most one): the cursor its pagination
 * began from, the connection's saved cursor at that moment, and whether it is a full resync.
 * `sync_stage_pages` holds each `/transactions/sync` page as Plaid sent it, written as it
 * arrives; the apply reads them back one at a time and deletes them in its own transaction.
 *
 * `search_index_deferral` lets the sync's apply index its new rows for search in one statement
 * instead of one trigger call per row: while it holds a row (only ever inside the apply's own
 * transaction), rows from `from_seq` on are left to that statement. Every other writer (files,
 * typed-in rows, edits) never sees a row there and keeps the per-row triggers. The update trigger
 * also skips updates that leave the indexed text as it was.
 */
export const syncStage: Migration = {
  version: 19,
  name: 'sync_stage',
  up: `
CREATE TABLE sync_stage (
  connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
  start_cursor TEXT,                         -- NULL: the pagination began from no cursor
  base_cursor TEXT,                          -- the connection's saved cursor when it began
  full_resync INTEGER NOT NULL CHECK (full_resync IN (0, 1)),
  run_id INTEGER,                            -- the run that began it
  started_at TEXT NOT NULL
) STRICT;

CREATE TABLE sync_stage_pages (
  connection_id TEXT NOT NULL REFERENCES sync_stage(connection_id) ON DELETE CASCADE,
  page_no INTEGER NOT NULL,                  -- 1, 2, 3, … in the order Plaid sent them
  next_cursor TEXT NOT NULL,
  has_more INTEGER NOT NULL CHECK (has_more IN (0, 1)),
  added_count INTEGER NOT NULL,
  modified_count INTEGER NOT NULL,
  removed_count INTEGER NOT NULL,
  added TEXT NOT NULL,                       -- JSON arrays exactly as Plaid sent them
  modified TEXT NOT NULL,
  removed TEXT NOT NULL,
  accounts TEXT NOT NULL,
  staged_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, page_no)
) STRICT;

ALTER TABLE sync_runs ADD COLUMN pages_resumed INTEGER NOT NULL DEFAULT 0;

-- A posted row without a pending id looks for the pending row it replaces among these few rows,
-- not among every row of its account.
CREATE INDEX transactions_pending_by_account_amount ON transactions(account_id, amount, date)
  WHERE pending = 1;

CREATE TABLE search_index_deferral (from_seq INTEGER NOT NULL) STRICT;

DROP TRIGGER transactions_fts_insert;
DROP TRIGGER transactions_fts_delete;
DROP TRIGGER transactions_fts_update;
CREATE TRIGGER transactions_fts_insert AFTER INSERT ON transactions
  WHEN NOT EXISTS (SELECT 1 FROM search_index_deferral WHERE new.seq >= from_seq) BEGIN
  INSERT INTO transactions_fts(rowid, name, merchant_name, payee, notes)
    VALUES (new.seq, new.name, new.merchant_name, new.payee, new.notes);
END;
CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions
  WHEN NOT EXISTS (SELECT 1 FROM search_index_deferral WHERE old.seq >= from_seq) BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, name, merchant_name, payee, notes)
    VALUES ('delete', old.seq, old.name, old.merchant_name, old.payee, old.notes);
END;
CREATE TRIGGER transactions_fts_update AFTER UPDATE OF name, merchant_name, payee, notes
  ON transactions
  WHEN (old.name IS NOT new.name OR old.merchant_name IS NOT new.merchant_name
    OR old.payee IS NOT new.payee OR old.notes IS NOT new.notes)
    AND NOT EXISTS (SELECT 1 FROM search_index_deferral WHERE new.seq >= from_seq) BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, name, merchant_name, payee, notes)
    VALUES ('delete', old.seq, old.name, old.merchant_name, old.payee, old.notes);
  INSERT INTO transactions_fts(rowid, name, merchant_name, payee, notes)
    VALUES (new.seq, new.name, new.merchant_name, new.payee, new.notes);
END;
`,
};
