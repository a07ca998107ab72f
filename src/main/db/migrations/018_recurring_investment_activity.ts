import type { Migration } from '../migration';

/**
 * Two more of Plaid's answers kept whole per connection: the recurring streams of
 * /transactions/recurring/get (bills, subscriptions, pay) and the investment activity of
 * /investments/transactions/get. Both are replaced on each run that reads them, so neither is
 * edited by the person and neither needs history. Money is integer minor units; a unit price may
 * be a fraction of a cent, so it is REAL in the security's currency.
 */
export const recurringInvestmentActivity: Migration = {
  version: 18,
  name: 'recurring_investment_activity',
  up: `
CREATE TABLE recurring_streams (
  id TEXT PRIMARY KEY,                       -- Plaid stream_id
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  direction TEXT NOT NULL CHECK (direction IN ('inflow', 'outflow')),
  description TEXT NOT NULL,
  merchant_name TEXT,
  frequency TEXT NOT NULL,                   -- WEEKLY, BIWEEKLY, SEMI_MONTHLY, MONTHLY, ANNUALLY, UNKNOWN
  status TEXT NOT NULL,                      -- MATURE, EARLY_DETECTION, TOMBSTONED, UNKNOWN
  is_active INTEGER NOT NULL CHECK (is_active IN (0, 1)),
  first_date TEXT NOT NULL,
  last_date TEXT NOT NULL,
  predicted_next_date TEXT,
  average_amount INTEGER,                    -- minor units, money in positive (as transactions)
  last_amount INTEGER,                       -- minor units
  currency TEXT NOT NULL,
  category TEXT,                             -- personal finance category, primary
  category_detailed TEXT,
  transaction_ids TEXT NOT NULL,             -- JSON array of Plaid transaction ids
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX recurring_streams_by_connection ON recurring_streams(connection_id);

CREATE TABLE investment_transactions (
  id TEXT PRIMARY KEY,                       -- Plaid investment_transaction_id
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  security_id TEXT REFERENCES securities(id),
  date TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,                        -- buy, sell, cash, fee, transfer, cancel
  subtype TEXT,
  quantity REAL NOT NULL,
  price REAL,                                -- per unit, in the currency's major units
  amount INTEGER NOT NULL,                   -- minor units, cash into the account positive
  fees INTEGER,                              -- minor units
  currency TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX investment_transactions_by_account ON investment_transactions(account_id, date DESC, id);
`,
};
