import type { RuleSuggestion } from '../../../../shared/rules';
import type { Transaction } from '../../../../shared/model';
import { shownCategory } from '../transactions/shown';
import type { RuleSeed } from './draft';

/**
 * Rules started elsewhere (a transaction, a suggestion after recategorizing) open on the Rules
 * screen with the editor prefilled. The seed travels in the route's state: a plain object, so it
 * survives the history entry, and is gone on the next visit.
 */
export const RULES_PATH = '/rules';

export interface RulesRouteState {
  ruleSeed: RuleSeed;
}

/**
 * A row the person set a payee on is matched by that payee; otherwise by the bank's own text,
 * which is what every later row from the same merchant carries. The category is the one the row
 * shows now (the person's, else Plaid's), so the preview shows which other rows would follow it.
 */
export function seedFromTransaction(t: Transaction): RuleSeed {
  const category = shownCategory(t);
  return {
    conditions: {
      text: [
        t.user.payee
          ? { field: 'payee', op: 'is', value: t.user.payee }
          : { field: 'bankText', op: 'contains', value: t.name },
      ],
    },
    actions: category ? { category } : {},
  };
}

export function seedFromSuggestion(s: RuleSuggestion): RuleSeed {
  return {
    conditions: { text: [{ field: 'payee', op: 'is', value: s.payee }] },
    actions: { category: s.category },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The seed in a location's state, if it carries one (history state is anyone's to write). */
export function seedIn(state: unknown): RuleSeed | null {
  if (!isObject(state) || !isObject(state.ruleSeed)) return null;
  const seed = state.ruleSeed;
  if (!isObject(seed.conditions) || !isObject(seed.actions)) return null;
  return seed as unknown as RuleSeed;
}
