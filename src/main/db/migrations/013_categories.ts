import type { Migration } from '../migration';

/**
 * The person's own list of categories. A row of `transactions` still carries its category as text
 * (Plaid's key in `category`, the person's choice in `user_category`); this table says what that
 * text is called and whether the pickers offer it.
 *
 * A category that came from Plaid keeps its key in `plaid_key`, and rows keep pointing at the key:
 * renaming "Food and drink" only changes `name`, so every row Plaid files (now and in later syncs)
 * under FOOD_AND_DRINK shows the new name without being rewritten. A category the person made has
 * no key, and rows carry its name. Names are unique whatever their letter case.
 *
 * Seeded with Plaid's primary categories (listed here, not imported, so this migration never
 * changes after it ships), every key-like category already on a row or a split part, and every
 * name the person already typed. A name that differs only in letter case from one already seeded
 * is the same category (its rows match it case-insensitively).
 *
 * `category_merges` keeps what a merge deleted (the category and the rules it rewrote), by the
 * undo group of the merge, so undoing the merge puts them back.
 */
export const categories: Migration = {
  version: 13,
  name: 'categories',
  up: `
CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  plaid_key TEXT UNIQUE,
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE category_merges (
  group_id INTEGER PRIMARY KEY,
  category TEXT NOT NULL CHECK (json_valid(category)),
  rules TEXT NOT NULL CHECK (json_valid(rules)),
  merged_at TEXT NOT NULL
) STRICT;

CREATE TEMP TABLE seed_keys (position INTEGER PRIMARY KEY, plaid_key TEXT NOT NULL);
INSERT INTO seed_keys (plaid_key) VALUES
  ('FOOD_AND_DRINK'), ('GENERAL_MERCHANDISE'), ('RENT_AND_UTILITIES'), ('TRANSPORTATION'),
  ('TRAVEL'), ('ENTERTAINMENT'), ('PERSONAL_CARE'), ('MEDICAL'), ('HOME_IMPROVEMENT'),
  ('GENERAL_SERVICES'), ('GOVERNMENT_AND_NON_PROFIT'), ('LOAN_PAYMENTS'), ('BANK_FEES'),
  ('INCOME'), ('TRANSFER_IN'), ('TRANSFER_OUT');
-- Key-like text already in use (Plaid's on the row, or picked by the person from Plaid's list).
INSERT INTO seed_keys (plaid_key)
  SELECT DISTINCT value FROM (
    SELECT category AS value FROM transactions
    UNION SELECT user_category FROM transactions
    UNION SELECT category FROM transaction_splits
  )
  WHERE value IS NOT NULL AND value <> '' AND value NOT GLOB '*[^A-Z0-9_]*'
    AND value NOT IN (SELECT plaid_key FROM seed_keys)
  ORDER BY value;

-- "FOOD_AND_DRINK" is called "Food and drink", as the app has always shown it.
INSERT OR IGNORE INTO categories (name, plaid_key, created_at)
  SELECT upper(substr(plaid_key, 1, 1)) || lower(replace(substr(plaid_key, 2), '_', ' ')),
         plaid_key, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM seed_keys ORDER BY position;
DROP TABLE seed_keys;

-- The names the person typed, first spelling kept when only letter case differs.
INSERT OR IGNORE INTO categories (name, created_at)
  SELECT value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
    SELECT user_category AS value, MIN(seq) AS first FROM transactions
      WHERE user_category IS NOT NULL GROUP BY user_category
    UNION ALL
    SELECT category, 1e18 FROM transaction_splits WHERE category IS NOT NULL GROUP BY category
  )
  WHERE trim(value) <> '' AND value GLOB '*[^A-Z0-9_]*'
  ORDER BY first, value;
`,
};
