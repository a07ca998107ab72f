/**
 * The kinds of account a person can keep by hand, and how each is stored in Plaid's own
 * vocabulary (type and subtype), so every screen that groups, totals or signs Plaid's accounts
 * treats a manual one the same way: credit and loan balances are what is owed.
 */
export const MANUAL_ACCOUNT_KINDS = [
  'cash',
  'checking',
  'savings',
  'credit-card',
  'loan',
  'investment',
  'property',
  'other-asset',
  'other-liability',
] as const;
export type ManualAccountKind = (typeof MANUAL_ACCOUNT_KINDS)[number];

export const MANUAL_ACCOUNT_TYPES: Record<
  ManualAccountKind,
  { type: string; subtype: string; label: string; liability: boolean }
> = {
  cash: { type: 'depository', subtype: 'cash', label: 'Cash', liability: false },
  checking: { type: 'depository', subtype: 'checking', label: 'Checking', liability: false },
  savings: { type: 'depository', subtype: 'savings', label: 'Savings', liability: false },
  'credit-card': { type: 'credit', subtype: 'credit card', label: 'Credit card', liability: true },
  loan: { type: 'loan', subtype: 'loan', label: 'Loan', liability: true },
  investment: { type: 'investment', subtype: 'brokerage', label: 'Investment', liability: false },
  property: { type: 'other', subtype: 'property', label: 'Property', liability: false },
  'other-asset': { type: 'other', subtype: 'other asset', label: 'Other asset', liability: false },
  'other-liability': {
    type: 'loan',
    subtype: 'other liability',
    label: 'Other liability',
    liability: true,
  },
};

/** The kind a manual account was made as, from its stored type and subtype. */
export function manualKindOf(type: string, subtype: string | null): ManualAccountKind | null {
  for (const kind of MANUAL_ACCOUNT_KINDS) {
    const stored = MANUAL_ACCOUNT_TYPES[kind];
    if (stored.type === type && stored.subtype === subtype) return kind;
  }
  return null;
}

/** Plaid's account types whose balance is money owed. */
export function isLiabilityType(type: string): boolean {
  return type === 'credit' || type === 'loan';
}
