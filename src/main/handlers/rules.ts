import type { CoreContext } from '../context';
import { RulesRepo } from '../db/rules-repo';
import type { HandlerGroup } from './types';

export function rulesHandlers(ctx: CoreContext): HandlerGroup<'rules'> {
  const rules = new RulesRepo(ctx.db);
  const now = () => ctx.clock.now().toISOString();
  return {
    'rules.list': async () => rules.list(),
    'rules.create': async (input) => rules.create(input, now()),
    'rules.update': async ({ id, ...patch }) => rules.update(id, patch, now()),
    'rules.delete': async ({ id }) => {
      rules.delete(id);
      return null;
    },
    'rules.move': async ({ id, direction }) => rules.move(id, direction, now()),
    'rules.preview': async ({ conditions, actions, limit }) =>
      rules.preview(conditions, actions, limit),
    'rules.apply': async ({ id }) => rules.apply(id, now()),
  };
}
