import { isLiabilityType } from '../../shared/manual-accounts';
import type { Account, BalanceSnapshot, NetWorthSeries } from '../../shared/model';
import type { AccountsRepo } from '../db/accounts-repo';
import { firstActivityDate, rebuildDailyBalances, type BalancePoint } from './history';
import { netWorthOverTime, type AccountSeries } from './net-worth';
import { addDays } from '../iso-days';

/**
 * An account's balance on every day from `from` to `to`: the days the bank reported (or the
 * person recorded) a balance as they were, the rest rebuilt from the newest balance and the
 * transactions between, and marked as rebuilt. So an account linked today with two years of
 * transactions has two years of history on day one.
 */
export function accountBalanceSeries(
  accounts: AccountsRepo,
  account: Account,
  from: string,
  to: string,
): BalancePoint[] {
  const snapshots = accounts
    .balanceSnapshots(account.id)
    .flatMap((s) => (s.current === null ? [] : [{ date: s.date, current: s.current }]));
  const newest = snapshots[snapshots.length - 1];
  const reportedOn = account.balanceUpdatedAt?.slice(0, 10) ?? null;
  // The newest balance known: the account's own (a bank's last report, or a manual account's
  // latest record carried forward by its rows), unless a snapshot is newer.
  const anchor =
    account.balances.current !== null && reportedOn && (!newest || reportedOn >= newest.date)
      ? { date: reportedOn, current: account.balances.current }
      : newest;
  if (!anchor) return [];
  const transactions = accounts.dailyNet(account.id, '0000-01-01');
  const first = firstActivityDate(transactions, snapshots) ?? anchor.date;
  const start = maxDate(from, first);
  const end = account.closedAt ? minDate(to, account.closedAt.slice(0, 10)) : to;
  if (start > end) return [];
  return rebuildDailyBalances({
    side: isLiabilityType(account.type) ? 'liability' : 'asset',
    anchor: { date: minDate(anchor.date, to), current: anchor.current },
    snapshots,
    transactions,
    from: start,
    to: end,
  });
}

/** The series as the account screen's chart reads it. */
export function balanceHistory(points: readonly BalancePoint[]): BalanceSnapshot[] {
  return points.map((p) => ({
    date: p.date,
    current: p.current,
    available: null,
    derived: p.derived,
  }));
}

/**
 * Net worth per currency over time, from every account in view (manual ones included). A closed
 * account counts until the day it closed.
 */
export function netWorthSeries(
  accounts: AccountsRepo,
  from: string,
  to: string,
  step: 'day' | 'week' | 'month',
): NetWorthSeries[] {
  const series: AccountSeries[] = accounts
    .list(undefined, { includeClosed: true })
    .filter((account) => !account.hidden)
    .map((account) => {
      const points = accountBalanceSeries(accounts, account, from, to);
      if (account.closedAt && points.length > 0) {
        const closed = addDays(account.closedAt.slice(0, 10), 1);
        if (closed <= to) points.push({ date: closed, current: 0, derived: false });
      }
      return {
        accountId: account.id,
        currency: account.currency,
        side: isLiabilityType(account.type) ? ('liability' as const) : ('asset' as const),
        points,
      };
    });
  return netWorthOverTime(series, { from, to, step });
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
