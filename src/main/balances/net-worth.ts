import type { NetWorthPoint, NetWorthSeries } from '../../shared/model';
import type { BalancePoint, BalanceSide } from './history';
import { dateOfDay, dayNumber } from '../iso-days';

export type { NetWorthPoint, NetWorthSeries };

export interface AccountSeries {
  accountId: string;
  currency: string;
  side: BalanceSide;
  /** Ascending by date; may start later than other accounts' or skip days. */
  points: BalancePoint[];
}

export type NetWorthStep = 'day' | 'week' | 'month';

/**
 * Net worth on each sampled day from `from` to `to`, one series per currency (sorted by code).
 *
 * An account counts with its latest balance on or before the day, so a gap in its points keeps
 * the last one, and it counts for nothing before its first. Days before any account of a
 * currency has a balance are left out rather than drawn as zero, which would read as a fall.
 */
export function netWorthOverTime(
  series: readonly AccountSeries[],
  opts: { from: string; to: string; step: NetWorthStep },
): NetWorthSeries[] {
  const dates = sampleDates(opts.from, opts.to, opts.step);
  const byCurrency = new Map<string, AccountSeries[]>();
  for (const account of series) {
    const group = byCurrency.get(account.currency);
    if (group) group.push(account);
    else byCurrency.set(account.currency, [account]);
  }
  const out: NetWorthSeries[] = [];
  for (const currency of [...byCurrency.keys()].sort()) {
    const points = currencyPoints(byCurrency.get(currency) ?? [], dates);
    if (points.length > 0) out.push({ currency, points });
  }
  return out;
}

/** One pass over the dates with a cursor per account: O(dates × accounts + points). */
function currencyPoints(
  accounts: readonly AccountSeries[],
  dates: readonly string[],
): NetWorthPoint[] {
  const cursors = accounts.map(() => -1);
  const points: NetWorthPoint[] = [];
  for (const date of dates) {
    let assets = 0;
    let liabilities = 0;
    let derived = false;
    let counted = false;
    for (let k = 0; k < accounts.length; k++) {
      const account = accounts[k];
      if (!account) continue;
      let cursor = cursors[k] ?? -1;
      let next = account.points[cursor + 1];
      while (next !== undefined && next.date <= date) next = account.points[++cursor + 1];
      cursors[k] = cursor;
      const point = account.points[cursor];
      if (!point) continue;
      counted = true;
      if (account.side === 'asset') assets += point.current;
      else liabilities += point.current;
      if (point.derived) derived = true;
    }
    if (counted) points.push({ date, assets, liabilities, net: assets - liabilities, derived });
  }
  return points;
}

/**
 * The days to show, ascending. A week steps back from `to` so the newest point is always today's;
 * a month takes each month's last day, then `to` itself so the chart ends on the latest figure.
 */
export function sampleDates(from: string, to: string, step: NetWorthStep): string[] {
  if (from > to) return [];
  const dates: string[] = [];
  if (step === 'day') {
    for (let day = dayNumber(from); day <= dayNumber(to); day++) dates.push(dateOfDay(day));
  } else if (step === 'week') {
    for (let day = dayNumber(to); day >= dayNumber(from); day -= 7) dates.push(dateOfDay(day));
    dates.reverse();
  } else {
    const [year, month] = from.split('-').map(Number) as [number, number];
    // Date.UTC normalises month overflow, and day 0 is the previous month's last day.
    for (let m = month; ; m++) {
      const end = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
      if (end >= to) break;
      dates.push(end);
    }
    dates.push(to);
  }
  return dates;
}
