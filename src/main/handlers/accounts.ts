import { LedgerError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { requireConnection } from './connections';
import type { HandlerGroup } from './types';

const RECENT_TRANSACTIONS = 20;

export function accountsHandlers(ctx: CoreContext): HandlerGroup<'accounts'> {
  const { accounts, transactions } = ctx.repos;
  return {
    'accounts.list': async ({ connectionId }) => {
      if (connectionId) requireConnection(ctx, connectionId);
      return accounts.list(connectionId);
    },
    'accounts.update': async ({ accountId, name, hidden }) => {
      if (!accounts.updateOwn(accountId, { name, hidden })) {
        throw new LedgerError('NOT_FOUND', 'That account is not in your ledger any more.');
      }
      return accounts.get(accountId)!;
    },
    'accounts.get': async ({ accountId }) => {
      const account = accounts.get(accountId);
      if (!account) throw new LedgerError('NOT_FOUND', `No account ${accountId}.`);
      return {
        account,
        transactionCount: transactions.count({ accountId }),
        recentTransactions: transactions.page({ accountId }, RECENT_TRANSACTIONS).items,
        balanceHistory: accounts.balanceHistory(accountId),
      };
    },
  };
}
