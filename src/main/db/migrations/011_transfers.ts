import type { Migration } from '../migration';

/**
 * The person's decisions about transfer pairs (money out of one of their accounts, the same money
 * into another). Suggestions are computed, not stored; only a confirmation or a rejection is, so a
 * rejected pair is never suggested again and a confirmed one leaves spending. Decisions belong to
 * the row (`seq`), not to a Plaid id, so a posted row that takes over its pending row keeps them.
 *
 * A row is in at most one confirmed pair (the partial unique indexes). The (currency, amount, date) index lets the
 * suggestion query find a row's opposite amount by seek instead of comparing every pair of rows.
 */
export const transfers: Migration = {
  version: 11,
  name: 'transfers',
  up: `
CREATE TABLE transfer_pairs (
  out_seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  in_seq INTEGER NOT NULL REFERENCES transactions(seq) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (out_seq, in_seq),
  CHECK (out_seq <> in_seq)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX transfer_pairs_confirmed_out ON transfer_pairs(out_seq) WHERE status = 'confirmed';
CREATE UNIQUE INDEX transfer_pairs_confirmed_in ON transfer_pairs(in_seq) WHERE status = 'confirmed';
CREATE INDEX transfer_pairs_in ON transfer_pairs(in_seq);

CREATE INDEX transactions_visible_by_transfer ON transactions(currency, amount, date)
  WHERE removed_at IS NULL;
`,
};
