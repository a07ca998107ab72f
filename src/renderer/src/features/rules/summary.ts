import type { Account } from '../../../../shared/model';
import type { RuleActions, RuleConditions, RuleSplit } from '../../../../shared/rules';
import { categoryLabel } from '../../format/labels';
import { formatMoney } from '../../format/money';

/**
 * A rule in one plain sentence: "When the bank text contains “STARBUCKS”: set category to
 * Coffee, add tag work". The rules list shows it under each name, so a person can read what a
 * rule does without opening it.
 */

const FIELD = { payee: 'the payee', bankText: 'the bank text' } as const;
const OP = { contains: 'contains', is: 'is', matches: 'matches the pattern' } as const;

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${{ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th'}`;
}

function listed(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function amountPhrase(a: NonNullable<RuleConditions['amount']>, currency: string): string {
  const money = (minor: number) => formatMoney(Math.abs(minor), currency);
  if (a.exact !== undefined) {
    return `${a.exact < 0 ? 'money out' : 'money in'} is exactly ${money(a.exact)}`;
  }
  const out = (a.max !== undefined && a.max < 0) || (a.min ?? 0) < 0;
  const kind = out ? 'money out' : 'money in';
  // Stored on the signed amount; read back as the size of the money, as it was typed.
  const lowest = out ? (a.max === -1 ? undefined : a.max) : a.min === 1 ? undefined : a.min;
  const highest = out ? a.min : a.max;
  if (lowest !== undefined && highest !== undefined)
    return `${kind} is between ${money(lowest)} and ${money(highest)}`;
  if (lowest !== undefined) return `${kind} is at least ${money(lowest)}`;
  if (highest !== undefined) return `${kind} is at most ${money(highest)}`;
  return `it is ${kind}`;
}

export function conditionsPhrase(
  c: RuleConditions,
  accounts: readonly Account[],
  currency: string,
): string {
  const parts: string[] = [];
  for (const t of c.text ?? []) parts.push(`${FIELD[t.field]} ${OP[t.op]} “${t.value}”`);
  if (c.amount) parts.push(amountPhrase(c.amount, currency));
  if (c.accountId !== undefined) {
    const account = accounts.find((a) => a.id === c.accountId);
    parts.push(account ? `it is in ${account.name}` : 'it is in an account that is gone');
  }
  if (c.plaidCategory !== undefined) {
    parts.push(`Plaid’s category is ${categoryLabel(c.plaidCategory)}`);
  }
  if (c.dayOfMonth) {
    const { from, to } = c.dayOfMonth;
    parts.push(
      from === to
        ? `it is dated the ${ordinal(from)} of the month`
        : `it is dated between the ${ordinal(from)} and the ${ordinal(to)} of the month`,
    );
  }
  return parts.length === 0 ? 'For every transaction' : `When ${listed(parts)}`;
}

function splitPhrase(split: RuleSplit, currency: string): string {
  const last = split.parts.length - 1;
  const parts = split.parts.map((p, i) => {
    const what = p.category ? categoryLabel(p.category) : p.notes ? `“${p.notes}”` : 'a part';
    if (split.by === 'percent') return `${p.percent ?? 0}% ${what}`;
    if (i === last) return `the rest ${what}`;
    return `${formatMoney(p.amount ?? 0, currency)} ${what}`;
  });
  return `split it into ${listed(parts)}`;
}

export function actionsPhrase(a: RuleActions, currency: string): string {
  const parts: string[] = [];
  if (a.category !== undefined) parts.push(`set category to ${categoryLabel(a.category)}`);
  if (a.payee !== undefined) parts.push(`set payee to “${a.payee}”`);
  if (a.notes !== undefined) parts.push(`set notes to “${a.notes}”`);
  if (a.addTags?.length) {
    parts.push(`${a.addTags.length === 1 ? 'add tag' : 'add tags'} ${a.addTags.join(', ')}`);
  }
  if (a.exclude === true) parts.push('leave it out of reports');
  if (a.exclude === false) parts.push('count it in reports');
  if (a.transfer) parts.push('mark it as a transfer');
  if (a.split) parts.push(splitPhrase(a.split, currency));
  return parts.length === 0 ? 'change nothing' : parts.join(', ');
}

export function ruleSummary(
  rule: { conditions: RuleConditions; actions: RuleActions },
  accounts: readonly Account[],
  currency: string,
): string {
  return `${conditionsPhrase(rule.conditions, accounts, currency)}: ${actionsPhrase(rule.actions, currency)}`;
}

/** A name for a rule the person did not name: what it looks for, else what it does. */
export function defaultRuleName(rule: {
  conditions: RuleConditions;
  actions: RuleActions;
}): string {
  const text = rule.conditions.text?.[0]?.value.trim();
  const category = rule.actions.category;
  const name = text
    ? category
      ? `${text} → ${categoryLabel(category)}`
      : text
    : category
      ? categoryLabel(category)
      : 'New rule';
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

/**
 * The currency amounts are typed in: the chosen account's, else the one most accounts use (money
 * is never converted, so a rule's amount means one currency's minor units).
 */
export function ruleCurrency(accounts: readonly Account[], accountId: string): string {
  const chosen = accounts.find((a) => a.id === accountId);
  if (chosen) return chosen.currency;
  const counts = new Map<string, number>();
  for (const a of accounts) counts.set(a.currency, (counts.get(a.currency) ?? 0) + 1);
  let best = 'USD';
  let most = 0;
  for (const [currency, n] of counts) if (n > most) [best, most] = [currency, n];
  return best;
}
