import type { CoreContext } from '../context';
import type { HandlerGroup } from '../handlers/types';

/** The profile channels: the core's ProfileService does the work, not the open ledger. */
export function profilesHandlers(ctx: CoreContext): HandlerGroup<'profiles'> {
  return {
    'profiles.list': async () => ctx.profiles.list(),
    'profiles.create': ({ name, switchTo }) => ctx.profiles.create(name, switchTo ?? false),
    'profiles.rename': ({ id, name }) => ctx.profiles.rename(id, name),
    'profiles.switch': ({ id }) => ctx.profiles.switch(id),
    'profiles.delete': ({ id }) => ctx.profiles.delete(id),
  };
}
