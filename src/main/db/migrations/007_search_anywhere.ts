import type { Migration } from '../migration';

/**
 * Search finds text anywhere in a word ("ffee" finds coffee), in the bank's text, the merchant,
 * and the person's own payee and notes. FTS5's trigram tokenizer indexes every three-letter
 * sequence, so any fragment of three or more letters is an index lookup; shorter fragments are
 * matched with LIKE on the rows the rest of the search left (see `transactions-repo.ts`).
 */
export const searchAnywhere: Migration = {
  version: 7,
  name: 'search_anywhere',
  up: `
DROP TRIGGER transactions_fts_insert;
DROP TRIGGER transactions_fts_delete;
DROP TRIGGER transactions_fts_update;
DROP TABLE transactions_fts;
CREATE VIRTUAL TABLE transactions_fts USING fts5(
  name, merchant_name, payee, notes,
  content = 'transactions', content_rowid = 'seq',
  tokenize = 'trigram remove_diacritics 1'
);
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
INSERT INTO transactions_fts(transactions_fts) VALUES ('rebuild');
-- A search that reads as an amount also looks the amount up, instead of reading every row.
CREATE INDEX transactions_visible_by_amount ON transactions(amount) WHERE removed_at IS NULL;
`,
};
