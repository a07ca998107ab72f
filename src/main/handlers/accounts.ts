import { LedgerError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { ManualAccountsRepo } from '../db/manual-accounts-repo';
import { accountBalanceSeries, balanceHistory } from '../balances/series';
import { requireConnection } from './connections';
import { checkBalances } from '../plaid/live-reads';
import type { HandlerGroup } from './types';
import { addDays } from '../iso-days';

const RECENT_TRANSACTIONS = 20;
/** The account screen's chart: two years, as far back as Plaid's history goes. */
const HISTORY_DAYS = 730;

export function accountsHandlers(ctx: CoreContext): HandlerGroup<'accounts'> {
  const { accounts, transactions } = ctx.repos;
  const manual = new ManualAccountsRepo(ctx.db);
  const now = () => ctx.clock.now().toISOString();
  const today = () => now().slice(0, 10);
  const found = (accountId: string) => {
    const account = accounts.get(accountId);
    if (!account)
      throw new LedgerError('NOT_FOUND', 'That account is not in your ledger any more.');
    return account;
  };
  return {
    'accounts.list': async ({ connectionId, includeClosed }) => {
      if (connectionId) requireConnection(ctx, connectionId);
      return accounts.list(connectionId, { includeClosed });
    },
    'accounts.update': async ({ accountId, name, hidden }) => {
      if (!accounts.updateOwn(accountId, { name, hidden })) {
        throw new LedgerError('NOT_FOUND', 'That account is not in your ledger any more.');
      }
      return found(accountId);
    },
    'accounts.get': async ({ accountId }) => {
      const account = found(accountId);
      const to = today();
      const from = addDays(to, -HISTORY_DAYS);
      return {
        account,
        transactionCount: transactions.count({ accountId }),
        recentTransactions: transactions.page({ accountId }, RECENT_TRANSACTIONS).items,
        balanceHistory: balanceHistory(accountBalanceSeries(accounts, account, from, to)),
      };
    },
    'accounts.create': async ({ name, kind, currency, balance, balanceDate }) => {
      const id = manual.create(
        { name, kind, currency, balance, balanceDate: balanceDate ?? today() },
        now(),
      );
      return found(id);
    },
    'accounts.close': async ({ accountId, closed }) => {
      found(accountId);
      manual.setClosed(accountId, closed, now());
      return found(accountId);
    },
    'accounts.checkBalance': async ({ accountId, connectionId }) => {
      if (connectionId) return checkBalances(ctx, requireConnection(ctx, connectionId));
      const account = found(accountId!);
      if (!account.connectionId) {
        throw new LedgerError(
          'CONFLICT',
          'This account is kept by hand, so there is no bank to ask for its balance.',
        );
      }
      return checkBalances(ctx, requireConnection(ctx, account.connectionId), [account.id]);
    },
    'accounts.setBalance': async ({ accountId, date, balance }) => {
      found(accountId);
      manual.setBalance(accountId, date, balance, now());
      return found(accountId);
    },
  };
}
