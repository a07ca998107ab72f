import type { AccountSubtypeName } from '../plaid-enums';

/**
 * The account kinds an emulated Item can hold, with the names and masks Plaid's sandbox uses for
 * user_good (PLAID-NOTES §9) plus a Canadian-dollar account so clients meet a second currency.
 */

export type AccountKey =
  'checking' | 'savings' | 'card' | 'cad' | 'ira' | 'k401' | 'brokerage' | 'student' | 'mortgage';

export interface AccountTemplate {
  key: AccountKey;
  name: string;
  officialName: string | null;
  mask: string;
  type: 'depository' | 'credit' | 'loan' | 'investment';
  subtype: AccountSubtypeName;
  currency: 'USD' | 'CAD';
  /** Credit limit in cents (credit cards only). */
  limitCents?: number;
}

export const ACCOUNT_TEMPLATES: Record<AccountKey, AccountTemplate> = {
  checking: {
    key: 'checking',
    name: 'Plaid Checking',
    officialName: 'Plaid Gold Standard 0% Interest Checking',
    mask: '0000',
    type: 'depository',
    subtype: 'checking',
    currency: 'USD',
  },
  savings: {
    key: 'savings',
    name: 'Plaid Saving',
    officialName: 'Plaid Silver Standard 0.1% Interest Saving',
    mask: '1111',
    type: 'depository',
    subtype: 'savings',
    currency: 'USD',
  },
  card: {
    key: 'card',
    name: 'Plaid Credit Card',
    officialName: 'Plaid Diamond 12.5% APR Interest Credit Card',
    mask: '3333',
    type: 'credit',
    subtype: 'credit card',
    currency: 'USD',
    limitCents: 1_000_000,
  },
  cad: {
    key: 'cad',
    name: 'Plaid CAD Travel',
    officialName: 'Plaid Canadian Dollar Chequing',
    mask: '9004',
    type: 'depository',
    subtype: 'checking',
    currency: 'CAD',
  },
  ira: {
    key: 'ira',
    name: 'Plaid IRA',
    officialName: null,
    mask: '5555',
    type: 'investment',
    subtype: 'ira',
    currency: 'USD',
  },
  k401: {
    key: 'k401',
    name: 'Plaid 401k',
    officialName: null,
    mask: '6666',
    type: 'investment',
    subtype: '401k',
    currency: 'USD',
  },
  brokerage: {
    key: 'brokerage',
    name: 'Plaid Brokerage',
    officialName: 'Plaid Self-Directed Brokerage',
    mask: '9003',
    type: 'investment',
    subtype: 'brokerage',
    currency: 'USD',
  },
  student: {
    key: 'student',
    name: 'Plaid Student Loan',
    officialName: null,
    mask: '7777',
    type: 'loan',
    subtype: 'student',
    currency: 'USD',
  },
  mortgage: {
    key: 'mortgage',
    name: 'Plaid Mortgage',
    officialName: null,
    mask: '8888',
    type: 'loan',
    subtype: 'mortgage',
    currency: 'USD',
  },
};

/** Accounts that carry transactions (and so appear in /transactions/sync's `accounts`). */
export function hasTransactions(template: AccountTemplate): boolean {
  return template.type === 'depository' || template.type === 'credit';
}
