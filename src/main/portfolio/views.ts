import type {
  Account,
  HoldingRow,
  HoldingsTotal,
  InvestmentAccountHoldings,
  Liability,
  PortfolioHoldings,
  RecurringStream,
  SecurityInfo,
} from '../../shared/model';
import type { StoredHolding } from '../db/portfolio-repo';
import type { StoredStream } from '../db/recurring-repo';
import { readLiability, type StoredLiability } from './liability-reader';

/** Holdings grouped by account, with per-currency totals for each account and for all of them. */
export function portfolioHoldings(
  stored: readonly StoredHolding[],
  accounts: ReadonlyMap<string, Account>,
): PortfolioHoldings {
  const byAccount = new Map<string, InvestmentAccountHoldings>();
  const securities = new Map<string, SecurityInfo>();
  for (const h of stored) {
    const account = accounts.get(h.accountId);
    if (!account) continue;
    let group = byAccount.get(h.accountId);
    if (!group) {
      group = {
        accountId: h.accountId,
        accountName: account.name,
        institutionName: account.institutionName,
        mask: account.mask,
        holdings: [],
        totals: [],
        updatedAt: h.updatedAt,
      };
      byAccount.set(h.accountId, group);
    }
    const row: HoldingRow = {
      accountId: h.accountId,
      securityId: h.securityId,
      name: h.name,
      ticker: h.ticker,
      type: h.type,
      quantity: h.quantity,
      // A close price in another currency than the holding's would mislead next to its value.
      price: h.securityCurrency === h.currency ? h.price : null,
      value: h.value,
      costBasis: h.costBasis,
      gain: h.value !== null && h.costBasis !== null ? h.value - h.costBasis : null,
      currency: h.currency,
    };
    group.holdings.push(row);
    securities.set(h.securityId, {
      id: h.securityId,
      name: h.name,
      ticker: h.ticker,
      type: h.type,
      price: h.price,
      currency: h.securityCurrency,
    });
  }
  const groups = [...byAccount.values()];
  for (const g of groups) g.totals = totalsOf(g.holdings);
  return {
    accounts: groups,
    totals: totalsOf(groups.flatMap((g) => g.holdings)),
    securities: [...securities.values()].sort((a, b) =>
      (a.name ?? a.ticker ?? a.id).localeCompare(b.name ?? b.ticker ?? b.id),
    ),
  };
}

function totalsOf(holdings: readonly HoldingRow[]): HoldingsTotal[] {
  const totals = new Map<string, { value: number; cost: number; gain: number; withCost: number }>();
  for (const h of holdings) {
    if (h.value === null) continue;
    const t = totals.get(h.currency) ?? { value: 0, cost: 0, gain: 0, withCost: 0 };
    t.value += h.value;
    if (h.costBasis !== null) {
      t.cost += h.costBasis;
      t.gain += h.value - h.costBasis;
      t.withCost += 1;
    }
    totals.set(h.currency, t);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({
      currency,
      value: t.value,
      costBasis: t.withCost > 0 ? t.cost : null,
      gain: t.withCost > 0 ? t.gain : null,
    }));
}

/** Cards first, then loans; within each, the payment due soonest first. */
export function liabilitiesList(
  stored: readonly StoredLiability[],
  accounts: ReadonlyMap<string, Account>,
): Liability[] {
  const order = { credit: 0, student: 1, mortgage: 2 } as const;
  return stored
    .flatMap((row) => {
      const account = accounts.get(row.accountId);
      const liability = account ? readLiability(row, account) : null;
      return liability ? [liability] : [];
    })
    .sort(
      (a, b) =>
        order[a.kind] - order[b.kind] ||
        (a.nextPaymentDueDate ?? '9999').localeCompare(b.nextPaymentDueDate ?? '9999') ||
        a.accountName.localeCompare(b.accountName),
    );
}

export function recurringStreams(
  stored: readonly StoredStream[],
  accounts: ReadonlyMap<string, Account>,
): RecurringStream[] {
  return stored.flatMap((s) => {
    const account = accounts.get(s.accountId);
    if (!account) return [];
    let count: number;
    try {
      const ids: unknown = JSON.parse(s.transactionIds);
      count = Array.isArray(ids) ? ids.length : 0;
    } catch {
      count = 0;
    }
    return [
      {
        id: s.id,
        accountId: s.accountId,
        accountName: account.name,
        institutionName: account.institutionName,
        direction: s.direction,
        description: s.description,
        merchantName: s.merchantName,
        frequency: s.frequency,
        status: s.status,
        isActive: s.isActive === 1,
        firstDate: s.firstDate,
        lastDate: s.lastDate,
        predictedNextDate: s.predictedNextDate,
        averageAmount: s.averageAmount,
        lastAmount: s.lastAmount,
        currency: s.currency,
        category: s.category,
        categoryDetailed: s.categoryDetailed,
        transactionCount: count,
      },
    ];
  });
}
