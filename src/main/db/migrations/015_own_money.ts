import type { Migration } from '../migration';

/**
 * Money Plaid cannot reach: accounts and rows without a connection, files imported into any
 * account, and import batches that say where each row came from.
 *
 * `accounts` and `transactions` are rebuilt because SQLite cannot drop the NOT NULL on their
 * `connection_id` in place (SQLite's twelve-step procedure, with foreign keys off and checked
 * before commit). Every row keeps its `seq`, so the search index, tags, splits, history, aliases
 * and transfer pairs that point at it stay valid without being touched.
 *
 * - `source` says who owns a row's bank fields: Plaid's feed, a file, or the person (manual).
 *   A Plaid row that turns out to be the same money as a manual or file row takes that row over
 *   (keeping its seq and the person's fields) and the row becomes Plaid's.
 * - `transaction_import_ids`: every id a file gave a row (OFX FITID, a CSV id column), unique per
 *   account, deleted rows included, so importing the same file again finds the same rows.
 * - `import_batches` gains its method (PLAID, CSV, OFX, QIF, MANUAL, API), the account a file went
 *   into, and when it was reverted. A row's `batch_id` is the batch it first came from and never
 *   moves; `batch_links` records the rows a batch found already here (matched), the ones it added
 *   that may be the same as another (suggested), and what the person decided.
 */
export const ownMoney: Migration = {
  version: 15,
  name: 'own_money',
  rebuildsTables: true,
  up: `
CREATE TABLE accounts_new (
  id TEXT PRIMARY KEY,                       -- Plaid account_id, or manual-… for the person's own
  connection_id TEXT REFERENCES connections(id) ON DELETE CASCADE,
  source TEXT NOT NULL DEFAULT 'plaid' CHECK (source IN ('plaid', 'manual')),
  name TEXT NOT NULL,
  official_name TEXT,
  type TEXT NOT NULL,
  subtype TEXT,
  mask TEXT,
  currency TEXT NOT NULL,
  balance_current INTEGER,
  balance_available INTEGER,
  balance_limit INTEGER,
  balance_updated_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  user_name TEXT,
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  closed_at TEXT,
  import_mapping TEXT CHECK (import_mapping IS NULL OR json_valid(import_mapping)),
  CHECK ((source = 'plaid') = (connection_id IS NOT NULL))
) STRICT;
INSERT INTO accounts_new (id, connection_id, name, official_name, type, subtype, mask, currency,
    balance_current, balance_available, balance_limit, balance_updated_at, created_at, updated_at,
    user_name, hidden)
  SELECT id, connection_id, name, official_name, type, subtype, mask, currency, balance_current,
    balance_available, balance_limit, balance_updated_at, created_at, updated_at, user_name, hidden
  FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
CREATE INDEX accounts_connection ON accounts(connection_id);

CREATE TABLE transactions_new (
  seq INTEGER PRIMARY KEY,                   -- rowid: keyset paging tie-breaker and FTS key
  id TEXT NOT NULL UNIQUE,                   -- Plaid transaction_id, or file-… / manual-…
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  connection_id TEXT REFERENCES connections(id) ON DELETE CASCADE,
  source TEXT NOT NULL DEFAULT 'plaid' CHECK (source IN ('plaid', 'file', 'manual')),
  date TEXT NOT NULL,
  authorized_date TEXT,
  name TEXT NOT NULL,
  merchant_name TEXT,
  category TEXT,
  category_detailed TEXT,
  amount INTEGER NOT NULL,                   -- minor units; positive = money in
  currency TEXT NOT NULL,
  pending INTEGER NOT NULL CHECK (pending IN (0, 1)),
  pending_transaction_id TEXT,
  payment_channel TEXT,
  removed_at TEXT,                           -- kept, marked removed (or deleted by the person)
  batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL, -- where it first came from
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  payee TEXT,
  user_category TEXT,
  notes TEXT,
  excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
  reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)),
  locks TEXT NOT NULL DEFAULT '{}',
  needs_review TEXT,
  CHECK ((source = 'plaid') = (connection_id IS NOT NULL))
) STRICT;
INSERT INTO transactions_new (seq, id, account_id, connection_id, date, authorized_date, name,
    merchant_name, category, category_detailed, amount, currency, pending, pending_transaction_id,
    payment_channel, removed_at, batch_id, created_at, updated_at, payee, user_category, notes,
    excluded, reviewed, locks, needs_review)
  SELECT seq, id, account_id, connection_id, date, authorized_date, name, merchant_name, category,
    category_detailed, amount, currency, pending, pending_transaction_id, payment_channel,
    removed_at, batch_id, created_at, updated_at, payee, user_category, notes, excluded, reviewed,
    locks, needs_review
  FROM transactions;
DROP TABLE transactions;
ALTER TABLE transactions_new RENAME TO transactions;

CREATE INDEX transactions_by_batch ON transactions(batch_id, date DESC, seq DESC);
CREATE INDEX transactions_by_pending_id ON transactions(pending_transaction_id)
  WHERE pending_transaction_id IS NOT NULL;
CREATE INDEX transactions_visible_by_date ON transactions(date DESC, seq DESC)
  WHERE removed_at IS NULL;
CREATE INDEX transactions_visible_by_account ON transactions(account_id, date DESC, seq DESC)
  WHERE removed_at IS NULL;
CREATE INDEX transactions_visible_by_connection ON transactions(connection_id, date DESC, seq DESC)
  WHERE removed_at IS NULL;
CREATE INDEX transactions_by_account ON transactions(account_id);
CREATE INDEX transactions_by_connection ON transactions(connection_id);
CREATE INDEX transactions_visible_by_category
  ON transactions(COALESCE(user_category, category), date DESC, seq DESC) WHERE removed_at IS NULL;
CREATE INDEX transactions_visible_by_amount ON transactions(amount) WHERE removed_at IS NULL;
CREATE INDEX transactions_by_name ON transactions(name) WHERE removed_at IS NULL;
CREATE INDEX transactions_visible_by_transfer ON transactions(currency, amount, date)
  WHERE removed_at IS NULL;
CREATE INDEX transactions_visible_by_payee
  ON transactions(COALESCE(payee, merchant_name, name) COLLATE NOCASE, seq) WHERE removed_at IS NULL;
CREATE INDEX transactions_visible_by_shown_category
  ON transactions(COALESCE(user_category, category, ''), seq) WHERE removed_at IS NULL;
-- A posted Plaid row looks for the person's own row of the same money: only their rows are in it,
-- so the bank's rows (nearly all of them) cost nothing to insert here.
CREATE INDEX transactions_own_by_account_amount ON transactions(account_id, amount, date)
  WHERE removed_at IS NULL AND source <> 'plaid';

CREATE TRIGGER transactions_fts_insert AFTER INSERT ON transactions BEGIN
  INSERT INTO transactions_fts(rowid, name, merchant_name, payee, notes)
    VALUES (new.seq, new.name, new.merchant_name, new.payee, new.notes);
END;
CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, name, merchant_name, payee, notes)
    VALUES ('delete', old.seq, old.name, old.merchant_name, old.payee, old.notes);
END;
CREATE TRIGGER transactions_fts_update AFTER UPDATE OF name, merchant_name, payee, notes
  ON transactions BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, name, merchant_name, payee, notes)
    VALUES ('delete', old.seq, old.name, old.merchant_name, old.payee, old.notes);
  INSERT INTO transactions_fts(rowid, name, merchant_name, payee, notes)
    VALUES (new.seq, new.name, new.merchant_name, new.payee, new.notes);
END;

-- 'matched': a manual or file row's id, once a Plaid row took that row over.
CREATE TABLE transaction_aliases_new (
  plaid_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (reason IN ('posted', 'renumbered', 'matched')),
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO transaction_aliases_new SELECT plaid_id, seq, reason, created_at FROM transaction_aliases;
DROP TABLE transaction_aliases;
ALTER TABLE transaction_aliases_new RENAME TO transaction_aliases;
CREATE INDEX transaction_aliases_seq ON transaction_aliases(seq);

CREATE TABLE import_batches_new (
  id INTEGER PRIMARY KEY,
  method TEXT NOT NULL DEFAULT 'PLAID' CHECK (method IN ('PLAID', 'CSV', 'OFX', 'QIF', 'MANUAL', 'API')),
  connection_id TEXT REFERENCES connections(id) ON DELETE CASCADE,
  account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
  run_id INTEGER UNIQUE REFERENCES sync_runs(id) ON DELETE SET NULL,
  file_name TEXT,
  created_at TEXT NOT NULL,
  added INTEGER NOT NULL DEFAULT 0,
  modified INTEGER NOT NULL DEFAULT 0,
  removed INTEGER NOT NULL DEFAULT 0,
  reverted_at TEXT,
  CHECK ((method = 'PLAID') = (connection_id IS NOT NULL)),
  CHECK (method = 'PLAID' OR account_id IS NOT NULL)
) STRICT;
INSERT INTO import_batches_new (id, connection_id, run_id, created_at, added, modified, removed)
  SELECT id, connection_id, run_id, created_at, added, modified, removed FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;
CREATE INDEX import_batches_connection ON import_batches(connection_id, id DESC);
CREATE INDEX import_batches_account ON import_batches(account_id, id DESC);

CREATE TABLE transaction_import_ids (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, external_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX transaction_import_ids_seq ON transaction_import_ids(seq);
CREATE INDEX transaction_import_ids_batch ON transaction_import_ids(batch_id);

CREATE TABLE batch_links (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('matched', 'suggested', 'kept', 'confirmed')),
  how TEXT NOT NULL CHECK (how IN ('id', 'amount-date', 'person')),
  candidates TEXT CHECK (candidates IS NULL OR json_valid(candidates)),
  line INTEGER,
  PRIMARY KEY (batch_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX batch_links_seq ON batch_links(seq);
CREATE INDEX batch_links_suggested ON batch_links(status) WHERE status = 'suggested';
`,
};
