import type { SpendingReport } from '../../../../shared/model';

export interface CategorySlice {
  category: string | null;
  amount: number;
}

/** How many categories get a colour of their own; the rest are summed as "Other". */
export const TOP_CATEGORIES = 6;

/** One month's spending in one currency by category, largest first. */
export function monthSlices(report: SpendingReport, month: string, currency: string) {
  return report.rows
    .filter((r) => r.month === month && r.currency === currency)
    .map((r): CategorySlice => ({ category: r.category, amount: r.amount }))
    .sort((a, b) => b.amount - a.amount);
}

/** Categories by total over the whole report (one currency), largest first. */
export function topCategories(report: SpendingReport, currency: string): Array<string | null> {
  const totals = new Map<string | null, number>();
  for (const r of report.rows) {
    if (r.currency === currency) totals.set(r.category, (totals.get(r.category) ?? 0) + r.amount);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([category]) => category);
}

export const OTHER = '__other__';

/**
 * Rows for a stacked bar chart: one per month, one key per top category plus "Other", in minor
 * units of one currency.
 */
export function monthlyStacks(
  report: SpendingReport,
  currency: string,
  keep: Array<string | null>,
) {
  const kept = new Set(keep);
  return report.months.map((month) => {
    const row: Record<string, number | string> = { month };
    for (const key of [...keep.map(categoryKey), OTHER]) row[key] = 0;
    for (const r of report.rows) {
      if (r.month !== month || r.currency !== currency) continue;
      const key = kept.has(r.category) ? categoryKey(r.category) : OTHER;
      row[key] = (row[key] as number) + r.amount;
    }
    return row;
  });
}

export function categoryKey(category: string | null): string {
  return category ?? '__none__';
}

export function spendingCurrencies(report: SpendingReport): string[] {
  const totals = new Map<string, number>();
  for (const r of report.rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + 1);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}
