import {
  MANUAL_ACCOUNT_KINDS,
  MANUAL_ACCOUNT_TYPES,
  isLiabilityType,
  manualKindOf,
  type ManualAccountKind,
} from '../../../../shared/manual-accounts';
import type { Account } from '../../../../shared/model';
import { formatDay, localToday } from '../../format/dates';
import { subtypeLabel } from '../../format/labels';

/** One line for each kind, under the picker: what it is for. */
export const KIND_HINTS: Record<ManualAccountKind, string> = {
  cash: 'Notes and coins: a wallet, a cash box, a travel purse.',
  checking: 'An everyday bank account Plaid does not reach, like a small credit union.',
  savings: 'Money put aside at a bank Plaid does not reach.',
  'credit-card': 'A card whose balance is what you owe on it.',
  loan: 'A mortgage, a car loan or a student loan: what you still owe.',
  investment: 'Shares, funds or a pension, at what they are worth.',
  property: 'A house or a car, at what it is worth.',
  'other-asset': 'Anything else you own that has a value, like money someone owes you.',
  'other-liability': 'Anything else you owe, like money borrowed from family.',
};

export const KIND_CHOICES = MANUAL_ACCOUNT_KINDS.map((kind) => ({
  kind,
  label: MANUAL_ACCOUNT_TYPES[kind].label,
  hint: KIND_HINTS[kind],
  liability: MANUAL_ACCOUNT_TYPES[kind].liability,
}));

export function isManual(account: Pick<Account, 'source'>): boolean {
  return account.source === 'manual';
}

export function isLiability(account: Pick<Account, 'type'>): boolean {
  return isLiabilityType(account.type);
}

/** What kind of account it is, in words: the kind it was made as, else the bank's subtype. */
export function kindLabel(account: Pick<Account, 'source' | 'type' | 'subtype'>): string {
  if (isManual(account)) {
    const kind = manualKindOf(account.type, account.subtype);
    if (kind) return MANUAL_ACCOUNT_TYPES[kind].label;
  }
  return subtypeLabel(account.subtype, account.type);
}

/** "Closed on Mar 3, 2025": the day (in the person's own time zone) it was closed. */
export function closedOn(closedAt: string): string {
  return `Closed on ${formatDay(localToday(new Date(closedAt)))}`;
}
