import type { Migration } from '../migration';

/**
 * The person's own name for an account, and whether they hid it. Beside the bank's `name`, which
 * the feed keeps writing, so a rename survives every sync.
 */
export const accountNames: Migration = {
  version: 9,
  name: 'account_names',
  up: `
ALTER TABLE accounts ADD COLUMN user_name TEXT;
ALTER TABLE accounts ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
`,
};
