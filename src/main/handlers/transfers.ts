import type { CoreContext } from '../context';
import { TransfersRepo } from '../db/transfers-repo';
import type { HandlerGroup } from './types';

const DEFAULT_LIMIT = 50;

export function transfersHandlers(ctx: CoreContext): HandlerGroup<'transfers'> {
  const transfers = new TransfersRepo(ctx.db);
  const now = () => ctx.clock.now().toISOString();
  return {
    'transfers.suggestions': async ({ limit }) =>
      transfers.suggestions(now().slice(0, 10), limit ?? DEFAULT_LIMIT),
    'transfers.confirm': async ({ outId, inId }) => transfers.confirm(outId, inId, now()),
    'transfers.reject': async ({ outId, inId }) => transfers.reject(outId, inId, now()),
    'transfers.unconfirm': async ({ outId, inId }) => transfers.unconfirm(outId, inId),
  };
}
