import type { RecurringFrequency, RecurringStatus } from '../../../../shared/model';

export const FREQUENCY_LABELS: Record<RecurringFrequency, string> = {
  WEEKLY: 'Weekly',
  BIWEEKLY: 'Every two weeks',
  SEMI_MONTHLY: 'Twice a month',
  MONTHLY: 'Monthly',
  ANNUALLY: 'Yearly',
  UNKNOWN: 'Irregular',
};

/** How many times a year a stream recurs, to put streams of different rhythms side by side. */
const PER_YEAR: Record<RecurringFrequency, number | null> = {
  WEEKLY: 52,
  BIWEEKLY: 26,
  SEMI_MONTHLY: 24,
  MONTHLY: 12,
  ANNUALLY: 1,
  UNKNOWN: null,
};

/** About how much a stream comes to in a month (minor units), or null for an irregular one. */
export function monthlyEquivalent(frequency: RecurringFrequency, amount: number): number | null {
  const perYear = PER_YEAR[frequency];
  return perYear === null ? null : Math.round((amount * perYear) / 12);
}

/**
 * Money moved between the person's own accounts (savings transfers, a card's autopay, seen from
 * both sides): a stream all the same, but not a bill or an income, so left out of the monthly sums.
 */
export function isOwnMoneyMove(stream: {
  category: string | null;
  categoryDetailed: string | null;
}): boolean {
  return (
    stream.category === 'TRANSFER_IN' ||
    stream.category === 'TRANSFER_OUT' ||
    stream.categoryDetailed === 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT'
  );
}

export const STATUS_LABELS: Record<
  RecurringStatus,
  { label: string; tone: 'positive' | 'info' | 'neutral' | 'warning' }
> = {
  MATURE: { label: 'Regular', tone: 'positive' },
  EARLY_DETECTION: { label: 'New', tone: 'info' },
  TOMBSTONED: { label: 'Stopped', tone: 'neutral' },
  UNKNOWN: { label: 'Unclear', tone: 'warning' },
};
