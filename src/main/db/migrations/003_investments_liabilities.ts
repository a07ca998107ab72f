import type { Migration } from '../migration';

/**
 * Holdings, securities and liabilities, for Items that have them. Quantities may be fractional
 * (shares), so they are REAL; every amount of money is still integer minor units.
 */
export const investmentsLiabilities: Migration = {
  version: 3,
  name: 'investments_liabilities',
  up: `
CREATE TABLE securities (
  id TEXT PRIMARY KEY,                       -- Plaid security_id
  name TEXT,
  ticker TEXT,
  type TEXT,
  close_price INTEGER,                       -- minor units
  currency TEXT,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE holdings (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  security_id TEXT NOT NULL REFERENCES securities(id),
  quantity REAL NOT NULL,
  institution_value INTEGER,                 -- minor units
  cost_basis INTEGER,                        -- minor units
  currency TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (account_id, security_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE liabilities (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('credit', 'student', 'mortgage')),
  details TEXT NOT NULL,                     -- Plaid's liability object as JSON
  updated_at TEXT NOT NULL
) STRICT;
`,
};
