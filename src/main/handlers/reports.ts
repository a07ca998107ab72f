import type { CoreContext } from '../context';
import { ReportsRepo } from '../db/reports-repo';
import type { HandlerGroup } from './types';

const DEFAULT_MONTHS = 6;

export function reportsHandlers(ctx: CoreContext): HandlerGroup<'reports'> {
  const reports = new ReportsRepo(ctx.db);
  return {
    'reports.spending': async ({ months, until }) =>
      reports.spending(
        until ?? ctx.clock.now().toISOString().slice(0, 10),
        months ?? DEFAULT_MONTHS,
      ),
  };
}
