import type { CoreContext } from '../context';
import { LedgerError } from '../../shared/errors';
import { PortfolioRepo } from '../db/portfolio-repo';
import { RecurringRepo } from '../db/recurring-repo';
import { liabilitiesList, portfolioHoldings, recurringStreams } from '../portfolio/views';
import type { HandlerGroup } from './types';

const DEFAULT_ACTIVITY_PAGE = 50;

/** Accounts by id, closed ones too: a closed account's history still names it. */
function accountMap(ctx: CoreContext) {
  return new Map(ctx.repos.accounts.list(undefined, { includeClosed: true }).map((a) => [a.id, a]));
}

function requireAccount(ctx: CoreContext, accountId: string | undefined): void {
  if (accountId !== undefined && !ctx.repos.accounts.get(accountId)) {
    throw new LedgerError('NOT_FOUND', 'That account is not in your ledger any more.');
  }
}

export function portfolioHandlers(ctx: CoreContext): HandlerGroup<'portfolio'> {
  const repo = new PortfolioRepo(ctx.db);
  return {
    'portfolio.holdings': async ({ accountId }) => {
      requireAccount(ctx, accountId);
      return portfolioHoldings(repo.holdings(accountId), accountMap(ctx));
    },
    'portfolio.investmentTransactions': async ({ accountId, limit, offset }) => {
      requireAccount(ctx, accountId);
      return repo.investmentActivity({ accountId }, limit ?? DEFAULT_ACTIVITY_PAGE, offset ?? 0);
    },
  };
}

export function liabilitiesHandlers(ctx: CoreContext): HandlerGroup<'liabilities'> {
  const repo = new PortfolioRepo(ctx.db);
  return {
    'liabilities.list': async () => liabilitiesList(repo.liabilities(), accountMap(ctx)),
  };
}

export function recurringHandlers(ctx: CoreContext): HandlerGroup<'recurring'> {
  const repo = new RecurringRepo(ctx.db);
  return {
    'recurring.list': async ({ includeInactive }) =>
      recurringStreams(repo.list({ includeInactive: includeInactive ?? false }), accountMap(ctx)),
  };
}
