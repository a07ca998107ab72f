import type { CoreContext } from '../context';
import { CategoriesRepo } from '../db/categories-repo';
import type { HandlerGroup } from './types';

export function categoriesHandlers(ctx: CoreContext): HandlerGroup<'categories'> {
  const categories = new CategoriesRepo(ctx.db);
  const now = () => ctx.clock.now().toISOString();
  return {
    'categories.list': async () => categories.list(),
    'categories.create': async ({ name }) => categories.create(name, now()),
    'categories.rename': async ({ name, newName }) => categories.rename(name, newName, now()),
    'categories.merge': async ({ name, into }) => categories.merge(name, into, now()),
    'categories.setHidden': async ({ name, hidden }) => categories.setHidden(name, hidden, now()),
  };
}
