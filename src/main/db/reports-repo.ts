import type { SpendingReport, SpendingRow } from '../../shared/model';
import type { Database } from './open';

/**
 * Categories that move money between the user's own accounts rather than spend it. Counting
 * them would count a purchase twice: once on the card, once when the card is paid.
 */
const NOT_SPENDING_PRIMARY = ['TRANSFER_IN', 'TRANSFER_OUT'];
const NOT_SPENDING_DETAILED = ['LOAN_PAYMENTS_CREDIT_CARD_PAYMENT'];

/**
 * What spending adds up: a row as it is, or a split row as its parts, each part counted under its
 * own category (else the row's). A split row is counted once per category it has parts in.
 */
const SPENDING_LINES = `
  SELECT x.seq, x.date, x.amount, x.currency, x.user_category, x.category, x.category_detailed,
         x.removed_at, x.excluded
  FROM transactions x WHERE NOT EXISTS (SELECT 1 FROM transaction_splits s WHERE s.seq = x.seq)
  UNION ALL
  SELECT x.seq, x.date, s.amount, x.currency, COALESCE(s.category, x.user_category), x.category,
         x.category_detailed, x.removed_at, x.excluded
  FROM transactions x JOIN transaction_splits s ON s.seq = x.seq`;

/**
 * Read-only aggregates for the overview. The person's category wins over Plaid's, and rows they
 * excluded or confirmed as a transfer between their own accounts are not spending.
 */
export class ReportsRepo {
  constructor(private readonly db: Database) {}

  /** Money out (as positive minor units) per month, category and currency. */
  spending(until: string, months: number): SpendingReport {
    const monthList = monthsEndingAt(until.slice(0, 7), months);
    const from = `${monthList[0]!}-01`;
    const primary = NOT_SPENDING_PRIMARY.map(() => '?').join(', ');
    const detailed = NOT_SPENDING_DETAILED.map(() => '?').join(', ');
    const rows = this.db
      .prepare<unknown[], SpendingRow>(
        `SELECT substr(t.date, 1, 7) AS month, COALESCE(t.user_category, t.category) AS category,
                t.currency AS currency,
                -SUM(t.amount) AS amount, COUNT(DISTINCT t.seq) AS count
         FROM (${SPENDING_LINES}) t
         WHERE t.removed_at IS NULL AND t.amount < 0 AND t.date >= ? AND t.date <= ?
           AND t.excluded = 0
           AND NOT EXISTS (SELECT 1 FROM transfer_pairs p
                           WHERE p.out_seq = t.seq AND p.status = 'confirmed')
           AND COALESCE(t.user_category, t.category, '') NOT IN (${primary})
           AND (t.user_category IS NOT NULL OR COALESCE(t.category_detailed, '') NOT IN (${detailed}))
         GROUP BY month, 2, t.currency
         ORDER BY month, amount DESC, category`,
      )
      .all(from, until, ...NOT_SPENDING_PRIMARY, ...NOT_SPENDING_DETAILED);
    return { months: monthList, rows };
  }
}

/** `count` months ending with `last` (`YYYY-MM`), oldest first. */
export function monthsEndingAt(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  const result: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    result.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
  }
  return result;
}
