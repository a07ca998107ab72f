import type { CoreContext } from '../context';
import { DEFAULT_PAGE_SIZE } from '../db/transactions-repo';
import type { HandlerGroup } from './types';

export function transactionsHandlers(ctx: CoreContext): HandlerGroup<'transactions'> {
  return {
    'transactions.list': async ({ limit, cursor, ...filter }) =>
      ctx.repos.transactions.page(filter, limit ?? DEFAULT_PAGE_SIZE, cursor),
  };
}
