import type { CoreContext } from '../context';
import { CategoriesRepo } from '../db/categories-repo';
import type { HandlerGroup } from './types';

export function categoriesHandlers(ctx: CoreContext): HandlerGroup<'categories'> {
  const categories = new CategoriesRepo(ctx.db);
  return {
    'categories.list': async () => categories.list(),
  };
}
