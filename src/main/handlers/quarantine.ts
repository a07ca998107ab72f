import type { CoreContext } from '../context';
import { QuarantineRepo } from '../db/quarantine-repo';
import { requireConnection } from './connections';
import type { HandlerGroup } from './types';

const DEFAULT_LIMIT = 100;

export function quarantineHandlers(ctx: CoreContext): HandlerGroup<'quarantine'> {
  const quarantine = new QuarantineRepo(ctx.db);
  return {
    'quarantine.list': async ({ connectionId, limit }) => {
      if (connectionId) requireConnection(ctx, connectionId);
      return quarantine.list(connectionId, limit ?? DEFAULT_LIMIT);
    },
  };
}
