import type { Migration } from '../migration';

/**
 * The first schema. Every table is STRICT; every Plaid id is a unique key so that re-applying any
 * Plaid page is idempotent. Money columns hold integer minor units beside their currency code.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE institutions (
  id TEXT PRIMARY KEY,                       -- Plaid institution_id
  name TEXT NOT NULL,
  logo TEXT,                                 -- data: URL of Plaid's base64 PNG
  primary_color TEXT,
  url TEXT,
  status TEXT,                               -- HEALTHY | DEGRADED | DOWN, when Plaid said
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  environment TEXT NOT NULL CHECK (environment IN ('sandbox', 'production')),
  plaid_item_id TEXT NOT NULL UNIQUE,
  institution_id TEXT REFERENCES institutions(id),
  display_name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'ACTIVE'
    CHECK (status IN ('ACTIVE', 'LOGIN_REQUIRED', 'ERROR', 'DISCONNECTED')),
  products TEXT NOT NULL DEFAULT '[]',       -- JSON array of the Item's Plaid products
  cursor TEXT,                               -- last saved /transactions/sync cursor; NULL = none yet
  sync_frequency_minutes INTEGER NOT NULL CHECK (sync_frequency_minutes > 0),
  paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  last_sync_at TEXT,
  last_success_at TEXT,
  next_sync_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  consent_expires_at TEXT,
  error_code TEXT,
  error_message TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  disconnected_at TEXT
) STRICT;
CREATE INDEX connections_next_sync ON connections(next_sync_at) WHERE status = 'ACTIVE';

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,                       -- Plaid account_id
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
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
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX accounts_connection ON accounts(connection_id);

CREATE TABLE balance_snapshots (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  date TEXT NOT NULL,                        -- one snapshot a day per account
  current INTEGER,
  available INTEGER,
  credit_limit INTEGER,
  currency TEXT NOT NULL,
  PRIMARY KEY (account_id, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  trigger TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  pages INTEGER NOT NULL DEFAULT 0,
  added INTEGER NOT NULL DEFAULT 0,
  modified INTEGER NOT NULL DEFAULT 0,
  removed INTEGER NOT NULL DEFAULT 0,
  duplicates_skipped INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  plaid_request_id TEXT
) STRICT;
CREATE INDEX sync_runs_connection ON sync_runs(connection_id, id DESC);

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  run_id INTEGER UNIQUE REFERENCES sync_runs(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  added INTEGER NOT NULL DEFAULT 0,
  modified INTEGER NOT NULL DEFAULT 0,
  removed INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX import_batches_connection ON import_batches(connection_id, id DESC);

CREATE TABLE transactions (
  seq INTEGER PRIMARY KEY,                   -- rowid: keyset paging tie-breaker and FTS key
  id TEXT NOT NULL UNIQUE,                   -- Plaid transaction_id
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
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
  removed_at TEXT,                           -- kept, marked removed, until the user purges
  batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX transactions_by_date ON transactions(date DESC, seq DESC);
CREATE INDEX transactions_by_account ON transactions(account_id, date DESC, seq DESC);
CREATE INDEX transactions_by_connection ON transactions(connection_id, date DESC, seq DESC);
CREATE INDEX transactions_by_category ON transactions(category, date DESC, seq DESC);
CREATE INDEX transactions_by_batch ON transactions(batch_id);
CREATE INDEX transactions_by_pending_id ON transactions(pending_transaction_id)
  WHERE pending_transaction_id IS NOT NULL;

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  connection_id TEXT REFERENCES connections(id) ON DELETE CASCADE,
  run_id INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,                        -- transaction | account | removal | ...
  plaid_id TEXT,
  reason TEXT NOT NULL,
  payload TEXT NOT NULL,                     -- the raw JSON as Plaid sent it
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX quarantine_connection ON quarantine(connection_id, id DESC);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL                        -- JSON; non-secret values only
) STRICT;
`,
};
