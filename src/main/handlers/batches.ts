import { LedgerError } from '../../shared/errors';
import type { CoreContext } from '../context';
import type { HandlerGroup } from './types';

const BATCH_ROWS = 200;

export function batchesHandlers(ctx: CoreContext): HandlerGroup<'batches'> {
  const { batches, transactions } = ctx.repos;
  return {
    'batches.list': async ({ limit, offset }) => batches.list(limit ?? 50, offset ?? 0),
    'batches.get': async ({ batchId }) => {
      const batch = batches.get(batchId);
      if (!batch) throw new LedgerError('NOT_FOUND', `No import batch ${batchId}.`);
      return {
        batch,
        transactions: transactions.page({ batchId, includeRemoved: true }, BATCH_ROWS).items,
      };
    },
  };
}
