import { LedgerError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { DEFAULT_BATCH_PAGE } from '../db/batches-repo';
import type { HandlerGroup } from './types';

export function batchesHandlers(ctx: CoreContext): HandlerGroup<'batches'> {
  const { batches, transactions } = ctx.repos;
  return {
    'batches.list': async ({ limit, offset, ...filter }) =>
      batches.list(limit ?? 50, offset ?? 0, filter),
    'batches.get': async ({ batchId, limit, cursor }) => {
      const batch = batches.get(batchId);
      if (!batch) throw new LedgerError('NOT_FOUND', 'That import is not in your ledger.');
      return { batch, ...batches.rows(batchId, transactions, limit ?? DEFAULT_BATCH_PAGE, cursor) };
    },
  };
}
