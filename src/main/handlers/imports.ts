import type { CoreContext } from '../context';
import { ImportService } from '../import/import-service';
import { resolveMatch } from '../import/resolve-match';
import type { HandlerGroup } from './types';

export function importHandlers(ctx: CoreContext): HandlerGroup<'import'> {
  const service = new ImportService(ctx.db, ctx.repos.accounts);
  const now = () => ctx.clock.now().toISOString();
  return {
    'import.preview': async (input) => service.preview(input),
    'import.commit': async (input) => service.commit(input, now()),
    'import.revert': async ({ batchId }) => service.revert(batchId, now()),
    'import.resolve': async ({ id, sameAs }) => resolveMatch(ctx.db, id, sameAs, now()),
  };
}
