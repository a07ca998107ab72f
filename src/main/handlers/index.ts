import type { CoreContext } from '../context';
import { accountsHandlers } from './accounts';
import { batchesHandlers } from './batches';
import { connectionsHandlers } from './connections';
import { linkHandlers } from './link';
import { settingsHandlers } from './settings';
import { transactionsHandlers } from './transactions';
import type { Handlers } from './types';

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    ...settingsHandlers(ctx),
    ...linkHandlers(ctx),
    ...connectionsHandlers(ctx),
    ...accountsHandlers(ctx),
    ...transactionsHandlers(ctx),
    ...batchesHandlers(ctx),
  };
}
