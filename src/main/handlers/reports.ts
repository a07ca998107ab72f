import type { CoreContext } from '../context';
import { netWorthSeries } from '../balances/series';
import { ReportsRepo } from '../db/reports-repo';
import type { HandlerGroup } from './types';

const DEFAULT_MONTHS = 6;
const DEFAULT_NET_WORTH_MONTHS = 24;

export function reportsHandlers(ctx: CoreContext): HandlerGroup<'reports'> {
  const reports = new ReportsRepo(ctx.db);
  return {
    'reports.spending': async ({ months, until }) =>
      reports.spending(
        until ?? ctx.clock.now().toISOString().slice(0, 10),
        months ?? DEFAULT_MONTHS,
      ),
    'reports.netWorth': async ({ months, until, step }) => {
      const to = until ?? ctx.clock.now().toISOString().slice(0, 10);
      const from = monthsBefore(to, months ?? DEFAULT_NET_WORTH_MONTHS);
      return netWorthSeries(ctx.repos.accounts, from, to, step ?? 'week');
    },
  };
}

/** The day `months` whole months before `date` (the 31st becomes the month's last day). */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)))
    .toISOString()
    .slice(0, 10);
}
