import type { CoreContext } from '../context';
import { notYetAvailable } from './not-yet';
import type { HandlerGroup } from './types';

export function linkHandlers(ctx: CoreContext): HandlerGroup<'link'> {
  const linking = notYetAvailable('Linking a bank');
  // Missing keys are the first thing a user must fix, so that answer comes before any other.
  const guarded = async (): Promise<never> => {
    await ctx.plaid.require();
    return linking();
  };
  return {
    'link.createToken': guarded,
    'link.exchange': guarded,
    'link.sandboxConnect': guarded,
  };
}
