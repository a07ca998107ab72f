import type { Migration } from '../migration';

/**
 * Tags and splits belong to the row (`seq`), not to a Plaid id, so a posted row that takes over
 * its pending row keeps them with no copying. A split's parts add up to the row's amount; the
 * sync never rescales them — when the bank changes the amount, the row is flagged for review.
 */
export const tagsSplits: Migration = {
  version: 10,
  name: 'tags_splits',
  up: `
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 40),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE transaction_tags (
  seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (seq, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX transaction_tags_by_tag ON transaction_tags(tag_id, seq);

CREATE TABLE transaction_splits (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount <> 0), -- minor units, same sign rules as the row
  category TEXT,
  notes TEXT,
  UNIQUE (seq, position)
) STRICT;
`,
};
