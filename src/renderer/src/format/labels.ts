import { isPlaidKey, plaidCategoryName } from '../../../shared/categories';
import type { ConnectionStatus } from '../../../shared/model';
import { categoryName } from '../store/category-names';

/**
 * A category as the person calls it: their name for it from their list (a renamed Plaid category
 * shows its new name), else Plaid's `FOOD_AND_DRINK` → "Food and drink", else the text as typed.
 */
export function categoryLabel(category: string | null): string {
  if (!category) return 'Uncategorized';
  const named = categoryName(category);
  if (named !== null) return named;
  return isPlaidKey(category) ? plaidCategoryName(category) : category;
}

export type AccountGroup = 'cash' | 'credit' | 'loan' | 'investment' | 'other';

/** Balances of these are owed, not owned (Plaid reports what is owed as a positive current). */
export const LIABILITY_GROUPS: readonly AccountGroup[] = ['credit', 'loan'];

export function accountGroup(type: string): AccountGroup {
  switch (type) {
    case 'depository':
      return 'cash';
    case 'credit':
      return 'credit';
    case 'loan':
      return 'loan';
    case 'investment':
    case 'brokerage':
      return 'investment';
    default:
      return 'other';
  }
}

export const ACCOUNT_GROUP_LABELS: Record<AccountGroup, string> = {
  cash: 'Cash',
  credit: 'Credit cards',
  loan: 'Loans',
  investment: 'Investments',
  other: 'Other',
};

export const ACCOUNT_GROUP_ORDER: readonly AccountGroup[] = [
  'cash',
  'investment',
  'credit',
  'loan',
  'other',
];

/** Plaid subtypes that are acronyms or brand-like words, written as people write them. */
const SUBTYPES: Record<string, string> = {
  ira: 'IRA',
  roth: 'Roth IRA',
  '401k': '401(k)',
  '403b': '403(b)',
  hsa: 'HSA',
  cd: 'CD',
  'money market': 'Money market',
  paypal: 'PayPal',
};

export function subtypeLabel(subtype: string | null, type: string): string {
  const text = subtype ?? type;
  return SUBTYPES[text] ?? text.charAt(0).toUpperCase() + text.slice(1);
}

const TRIGGERS: Record<string, string> = {
  manual: 'Sync now',
  scheduled: 'Scheduled',
  startup: 'At start-up',
  wake: 'After sleep',
  link: 'First sync',
  repair: 'After repair',
  refresh: 'Get latest',
  resync: 'Full resync',
};

export function triggerLabel(trigger: string): string {
  return TRIGGERS[trigger] ?? trigger;
}

export function statusLabel(status: ConnectionStatus, paused = false): string {
  if (status === 'ACTIVE') return paused ? 'Paused' : 'Healthy';
  if (status === 'LOGIN_REQUIRED') return 'Login required';
  if (status === 'ERROR') return 'Error';
  return 'Disconnected';
}

/** The choices offered for how often a connection syncs, in minutes. */
export const FREQUENCY_CHOICES = [15, 30, 60, 120, 360, 720, 1440, 10080] as const;

export function frequencyLabel(minutes: number): string {
  if (minutes === 10080) return 'Weekly';
  if (minutes === 1440) return 'Daily';
  if (minutes % 1440 === 0) return `Every ${minutes / 1440} days`;
  if (minutes === 60) return 'Every hour';
  if (minutes % 60 === 0) return `Every ${minutes / 60} hours`;
  return `Every ${minutes} minutes`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
