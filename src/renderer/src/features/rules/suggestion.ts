import type { NavigateFunction } from 'react-router';
import type { EditResult } from '../../../../shared/model';
import { categoryLabel, plural } from '../../format/labels';
import { toast } from '../../store/toasts';
import { RULES_PATH, seedFromSuggestion, type RulesRouteState } from './seed';

/**
 * After a recategorization the core may notice the person has done the same for this payee
 * before; the offer comes as its own notice, after the one that says what was saved (with Undo).
 */
export function offerRuleSuggestion(result: EditResult, navigate: NavigateFunction): void {
  const s = result.ruleSuggestion;
  if (!s) return;
  const state: RulesRouteState = { ruleSeed: seedFromSuggestion(s) };
  toast({
    tone: 'info',
    title: `You have put ${plural(s.rows, `“${s.payee}” transaction`)} in ${categoryLabel(s.category)} by hand.`,
    body: 'Make a rule so new ones go there too?',
    action: { label: 'Make a rule', run: () => void navigate(RULES_PATH, { state }) },
  });
}
