import type { SpendingReport, SpendingRow } from '../../shared/model';
import type { Database } from './open';

/**
 * Read-only aggregates for the overview. The person's category wins over Plaid's, and rows they
 * excluded or confirmed as a transfer between their own accounts are not spending; transfers
 * between their own accounts and credit-card payments (unless they chose a category) are not
 * either, since counting them would count a purchase twice. The rules live in migration 020,
 * whose triggers keep `spending_days` equal to those sums over the rows.
 */
export class ReportsRepo {
  constructor(private readonly db: Database) {}

  /** Money out (as positive minor units) per month, category and currency. */
  spending(until: string, months: number): SpendingReport {
    const monthList = monthsEndingAt(until.slice(0, 7), months);
    const from = `${monthList[0]!}-01`;
    const rows = this.db
      .prepare<[string, string], SpendingRow>(
        `SELECT substr(date, 1, 7) AS month,
                CASE WHEN uncategorized = 1 THEN NULL ELSE category_key END AS category,
                currency, SUM(spent) AS amount, SUM(row_count) AS count
         FROM spending_days
         WHERE date >= ? AND date <= ? AND row_count > 0
         GROUP BY month, uncategorized, category_key, currency
         ORDER BY month, amount DESC, category, currency`,
      )
      .all(from, until);
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
