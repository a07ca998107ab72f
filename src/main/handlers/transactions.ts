import { LedgerError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { RulesRepo } from '../db/rules-repo';
import { TagsRepo } from '../db/tags-repo';
import { TransfersRepo } from '../db/transfers-repo';
import { TransactionEditsRepo } from '../db/transaction-edits-repo';
import { DEFAULT_PAGE_SIZE } from '../db/transactions-repo';
import { ManualAccountsRepo } from '../db/manual-accounts-repo';
import { ManualEntries } from '../manual/manual-entries';
import type { HandlerGroup } from './types';

export function transactionsHandlers(ctx: CoreContext): HandlerGroup<'transactions'> {
  const edits = new TransactionEditsRepo(ctx.db);
  const rules = new RulesRepo(ctx.db);
  const transfers = new TransfersRepo(ctx.db);
  const entries = new ManualEntries(ctx.db, ctx.repos.accounts, ctx.repos.transactions);
  const manualAccounts = new ManualAccountsRepo(ctx.db);
  const now = () => ctx.clock.now().toISOString();
  return {
    'transactions.list': async ({ limit, cursor, sort, direction, ...filter }) =>
      ctx.repos.transactions.page(filter, limit ?? DEFAULT_PAGE_SIZE, cursor, {
        by: sort ?? 'date',
        // Dates read newest first; names and categories A to Z; amounts biggest spending first.
        direction: direction ?? (sort === undefined || sort === 'date' ? 'desc' : 'asc'),
      }),
    'transactions.count': async (filter) => ctx.repos.transactions.count(filter),
    'transactions.totals': async (filter) => ctx.repos.transactions.totals(filter),
    'transactions.get': async ({ id }) => {
      const found = ctx.repos.transactions.find(id);
      if (!found) {
        throw new LedgerError('NOT_FOUND', 'That transaction is not in your ledger.');
      }
      return {
        transaction: ctx.repos.transactions.withExtras([found.row])[0]!,
        accountName: found.accountName,
        institutionName: found.institutionName,
        formerIds: found.formerIds,
        transfer: transfers.confirmedWith(found.row.seq),
        history: edits.history(found.row.seq),
      };
    },
    'transactions.update': async ({ ids, set, payeeForSameText }) => {
      const result = edits.apply(ids, set, now(), { payeeForSameText });
      const category = set.category;
      if (result.changedRows === 0 || typeof category !== 'string') return result;
      return { ...result, ruleSuggestion: rules.suggestionAfter(ids, category) };
    },
    'transactions.undo': async () => {
      const at = now();
      const result = edits.undoLast(at);
      // Undoing an added, changed or deleted hand entry moves a manual account's balance.
      manualAccounts.refreshAll(at);
      return result;
    },
    'transactions.create': async (input) => entries.create(input, now()),
    'transactions.edit': async ({ id, ...change }) => entries.edit(id, change, now()),
    'transactions.delete': async ({ ids }) => entries.delete(ids, now()),
    'transactions.tag': async ({ ids, add, remove }) => edits.tag(ids, { add, remove }, now()),
    'transactions.split': async ({ id, parts }) => edits.split(id, parts, now()),
  };
}

export function tagsHandlers(ctx: CoreContext): HandlerGroup<'tags'> {
  const tags = new TagsRepo(ctx.db);
  return {
    'tags.list': async () => tags.list(),
  };
}
