import type { RuleActions, RuleConditions } from '../../shared/rules';

const OP_WORDS = { contains: 'contains', is: 'is', matches: 'matches' } as const;

/**
 * The name a rule gets when the person gives none: what it looks for, in their words, so a list
 * of unnamed rules can still be told apart ("Bank text contains “UBER”").
 */
export function describeRule(conditions: RuleConditions, actions: RuleActions): string {
  const text = conditions.text?.[0];
  if (text) {
    const field = text.field === 'payee' ? 'Payee' : 'Bank text';
    return `${field} ${OP_WORDS[text.op]} “${text.value}”`.slice(0, 100);
  }
  if (conditions.amount?.exact !== undefined) return 'Transactions of one exact amount';
  if (conditions.amount) return 'Transactions in an amount range';
  if (conditions.plaidCategory) return 'Transactions of one bank category';
  if (conditions.accountId) return 'Transactions of one account';
  if (conditions.dayOfMonth) return 'Transactions on some days of the month';
  return actions.transfer ? 'Mark transfers' : 'Every transaction';
}
