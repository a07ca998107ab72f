import { LedgerError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { TransactionEditsRepo } from '../db/transaction-edits-repo';
import { DEFAULT_PAGE_SIZE, toTransaction } from '../db/transactions-repo';
import type { HandlerGroup } from './types';

export function transactionsHandlers(ctx: CoreContext): HandlerGroup<'transactions'> {
  const edits = new TransactionEditsRepo(ctx.db);
  const now = () => ctx.clock.now().toISOString();
  return {
    'transactions.list': async ({ limit, cursor, ...filter }) =>
      ctx.repos.transactions.page(filter, limit ?? DEFAULT_PAGE_SIZE, cursor),
    'transactions.get': async ({ id }) => {
      const found = ctx.repos.transactions.find(id);
      if (!found) {
        throw new LedgerError('NOT_FOUND', 'That transaction is not in your ledger.');
      }
      return {
        transaction: toTransaction(found.row),
        accountName: found.accountName,
        institutionName: found.institutionName,
        formerIds: found.formerIds,
        history: edits.history(found.row.seq),
      };
    },
    'transactions.update': async ({ ids, set, payeeForSameText }) =>
      edits.apply(ids, set, now(), { payeeForSameText }),
    'transactions.undo': async () => edits.undoLast(now()),
  };
}
