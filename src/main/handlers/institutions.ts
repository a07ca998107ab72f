import type { CoreContext } from '../context';
import type { HandlerGroup } from './types';

export function institutionsHandlers(ctx: CoreContext): HandlerGroup<'institutions'> {
  return {
    'institutions.checkStatus': async () => ctx.institutionStatus.checkNow(),
  };
}
