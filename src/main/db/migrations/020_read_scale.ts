import type { Migration } from '../migration';

/**
 * What one row adds to spending, per day, currency and category: the rules of the spending
 * report (see reports-repo.ts) for the row numbered `seq`, read from the tables as they are at the
 * moment it runs. A split row counts as its parts, each under its own category (else the row's),
 * once per category; removed, excluded and confirmed-transfer rows, transfers and card payments
 * (unless the person chose a category) count nothing.
 */
function spendingOf(seq: string): string {
  return `
  SELECT l.date, l.currency, l.category IS NULL AS uncategorized,
         COALESCE(l.category, '') AS category_key, -SUM(l.amount) AS spent
  FROM (
    SELECT x.date, x.currency,
           CASE WHEN s.id IS NULL THEN x.amount ELSE s.amount END AS amount,
           COALESCE(CASE WHEN s.id IS NULL THEN x.user_category
                         ELSE COALESCE(s.category, x.user_category) END, x.category) AS category,
           CASE WHEN s.id IS NULL THEN x.user_category
                ELSE COALESCE(s.category, x.user_category) END AS chosen,
           x.category_detailed AS detailed
    FROM transactions x LEFT JOIN transaction_splits s ON s.seq = x.seq
    WHERE x.seq = ${seq} AND x.removed_at IS NULL AND x.excluded = 0
      AND NOT EXISTS (SELECT 1 FROM transfer_pairs p
                      WHERE p.out_seq = x.seq AND p.status = 'confirmed')
  ) l
  WHERE l.amount < 0
    AND COALESCE(l.category, '') NOT IN ('TRANSFER_IN', 'TRANSFER_OUT')
    AND (l.chosen IS NOT NULL OR COALESCE(l.detailed, '') <> 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT')
  GROUP BY l.category`;
}

/** Adds (sign 1) or takes away (sign -1) what the row `seq` spends, as it stands now. */
function apply(seq: string, sign: 1 | -1): string {
  return `
  INSERT INTO spending_days (date, currency, uncategorized, category_key, spent, row_count)
    SELECT date, currency, uncategorized, category_key, ${sign} * spent, ${sign}
    FROM (${spendingOf(seq)}) WHERE true
  ON CONFLICT (date, currency, uncategorized, category_key)
    DO UPDATE SET spent = spent + excluded.spent, row_count = row_count + excluded.row_count;`;
}

/** The columns whose change moves a row's spending. */
const SPENDING_COLUMNS = [
  'date',
  'amount',
  'currency',
  'category',
  'category_detailed',
  'user_category',
  'removed_at',
  'excluded',
];
const changed = SPENDING_COLUMNS.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');

/**
 * Instant reads on a million rows (issue 12).
 *
 * - `spending_days`: the spending report's sums per day, currency and category, kept by triggers on
 *   every table the report reads (transactions, their split parts, confirmed transfers), so the
 *   report adds up a few thousand rows instead of every transaction of 24 months. Each trigger takes
 *   away what a row spent before the change and adds what it spends after, computed by the same
 *   rules, so the table always equals the sums over the rows (an integration test checks it).
 *   Per day rather than per month because the report ends on any day (today).
 * - Partial indexes for the list's rare views (needing review, left out, not reviewed yet,
 *   removed), so their first page is read from a small index in order instead of walking the whole
 *   ledger looking for a few rows; and one the whole ledger's totals are summed from.
 */
export const readScale: Migration = {
  version: 20,
  name: 'read_scale',
  up: `
CREATE INDEX transactions_visible_needing_review ON transactions(date DESC, seq DESC)
  WHERE removed_at IS NULL AND needs_review IS NOT NULL;
CREATE INDEX transactions_visible_excluded ON transactions(date DESC, seq DESC)
  WHERE removed_at IS NULL AND excluded = 1;
CREATE INDEX transactions_visible_unreviewed ON transactions(date DESC, seq DESC)
  WHERE removed_at IS NULL AND reviewed = 0;
CREATE INDEX transactions_removed_by_date ON transactions(date DESC, seq DESC)
  WHERE removed_at IS NOT NULL;
-- The totals line of the whole ledger reads this index alone (3 s on 1M rows through the table).
CREATE INDEX transactions_included_by_currency ON transactions(currency, amount)
  WHERE removed_at IS NULL AND excluded = 0;

CREATE TABLE spending_days (
  date TEXT NOT NULL,
  currency TEXT NOT NULL,
  uncategorized INTEGER NOT NULL CHECK (uncategorized IN (0, 1)),
  category_key TEXT NOT NULL,                -- '' when uncategorized
  spent INTEGER NOT NULL,                    -- money out, positive minor units
  row_count INTEGER NOT NULL,                -- rows (a split row once per category)
  PRIMARY KEY (date, currency, uncategorized, category_key)
) STRICT, WITHOUT ROWID;

INSERT INTO spending_days (date, currency, uncategorized, category_key, spent, row_count)
  SELECT l.date, l.currency, l.category IS NULL, COALESCE(l.category, ''), -SUM(l.amount),
         COUNT(DISTINCT l.seq)
  FROM (
    SELECT x.seq, x.date, x.currency,
           CASE WHEN s.id IS NULL THEN x.amount ELSE s.amount END AS amount,
           COALESCE(CASE WHEN s.id IS NULL THEN x.user_category
                         ELSE COALESCE(s.category, x.user_category) END, x.category) AS category,
           CASE WHEN s.id IS NULL THEN x.user_category
                ELSE COALESCE(s.category, x.user_category) END AS chosen,
           x.category_detailed AS detailed
    FROM transactions x LEFT JOIN transaction_splits s ON s.seq = x.seq
    WHERE x.removed_at IS NULL AND x.excluded = 0
      AND NOT EXISTS (SELECT 1 FROM transfer_pairs p
                      WHERE p.out_seq = x.seq AND p.status = 'confirmed')
  ) l
  WHERE l.amount < 0
    AND COALESCE(l.category, '') NOT IN ('TRANSFER_IN', 'TRANSFER_OUT')
    AND (l.chosen IS NOT NULL OR COALESCE(l.detailed, '') <> 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT')
  GROUP BY l.date, l.currency, l.category;

CREATE TRIGGER spending_days_insert AFTER INSERT ON transactions BEGIN
  ${apply('new.seq', 1)}
END;
CREATE TRIGGER spending_days_delete BEFORE DELETE ON transactions BEGIN
  ${apply('old.seq', -1)}
END;
CREATE TRIGGER spending_days_update_before BEFORE UPDATE OF ${SPENDING_COLUMNS.join(', ')}
  ON transactions WHEN ${changed} BEGIN
  ${apply('old.seq', -1)}
END;
CREATE TRIGGER spending_days_update_after AFTER UPDATE OF ${SPENDING_COLUMNS.join(', ')}
  ON transactions WHEN ${changed} BEGIN
  ${apply('new.seq', 1)}
END;

CREATE TRIGGER spending_days_split_insert_before BEFORE INSERT ON transaction_splits BEGIN
  ${apply('new.seq', -1)}
END;
CREATE TRIGGER spending_days_split_insert_after AFTER INSERT ON transaction_splits BEGIN
  ${apply('new.seq', 1)}
END;
CREATE TRIGGER spending_days_split_delete_before BEFORE DELETE ON transaction_splits BEGIN
  ${apply('old.seq', -1)}
END;
CREATE TRIGGER spending_days_split_delete_after AFTER DELETE ON transaction_splits BEGIN
  ${apply('old.seq', 1)}
END;
CREATE TRIGGER spending_days_split_update_before BEFORE UPDATE ON transaction_splits BEGIN
  ${apply('old.seq', -1)}
  ${apply('new.seq', -1).replace('WHERE true', 'WHERE new.seq <> old.seq')}
END;
CREATE TRIGGER spending_days_split_update_after AFTER UPDATE ON transaction_splits BEGIN
  ${apply('old.seq', 1)}
  ${apply('new.seq', 1).replace('WHERE true', 'WHERE new.seq <> old.seq')}
END;

CREATE TRIGGER spending_days_pair_insert_before BEFORE INSERT ON transfer_pairs BEGIN
  ${apply('new.out_seq', -1)}
END;
CREATE TRIGGER spending_days_pair_insert_after AFTER INSERT ON transfer_pairs BEGIN
  ${apply('new.out_seq', 1)}
END;
CREATE TRIGGER spending_days_pair_delete_before BEFORE DELETE ON transfer_pairs BEGIN
  ${apply('old.out_seq', -1)}
END;
CREATE TRIGGER spending_days_pair_delete_after AFTER DELETE ON transfer_pairs BEGIN
  ${apply('old.out_seq', 1)}
END;
CREATE TRIGGER spending_days_pair_update_before BEFORE UPDATE ON transfer_pairs BEGIN
  ${apply('old.out_seq', -1)}
  ${apply('new.out_seq', -1).replace('WHERE true', 'WHERE new.out_seq <> old.out_seq')}
END;
CREATE TRIGGER spending_days_pair_update_after AFTER UPDATE ON transfer_pairs BEGIN
  ${apply('old.out_seq', 1)}
  ${apply('new.out_seq', 1).replace('WHERE true', 'WHERE new.out_seq <> old.out_seq')}
END;
`,
};
