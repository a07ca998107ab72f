import type { Migration } from '../migration';

/**
 * Full-text search over transaction names and merchants. An external-content FTS5 table keyed on
 * `transactions.seq` keeps one copy of the text; triggers keep it in step, and 'rebuild' indexes
 * the rows that existed before this migration.
 */
export const transactionSearch: Migration = {
  version: 2,
  name: 'transaction_search',
  up: `
CREATE VIRTUAL TABLE transactions_fts USING fts5(
  name, merchant_name,
  content = 'transactions', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER transactions_fts_insert AFTER INSERT ON transactions BEGIN
  INSERT INTO transactions_fts(rowid, name, merchant_name) VALUES (new.seq, new.name, new.merchant_name);
END;
CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, name, merchant_name)
    VALUES ('delete', old.seq, old.name, old.merchant_name);
END;
CREATE TRIGGER transactions_fts_update AFTER UPDATE OF name, merchant_name ON transactions BEGIN
  INSERT INTO transactions_fts(transactions_fts, rowid, name, merchant_name)
    VALUES ('delete', old.seq, old.name, old.merchant_name);
  INSERT INTO transactions_fts(rowid, name, merchant_name) VALUES (new.seq, new.name, new.merchant_name);
END;
INSERT INTO transactions_fts(transactions_fts) VALUES ('rebuild');
`,
};
