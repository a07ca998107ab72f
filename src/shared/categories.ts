/**
 * The person's categories as the core lists them. Rows carry a category as text: a Plaid key
 * (`FOOD_AND_DRINK`) or a name the person made. `category` is that text, the value filters and
 * edits use; `name` is what the person calls it, which for a Plaid category may have been renamed.
 */
export interface CategoryInfo {
  /** What rows carry: the Plaid key when the category has one, else its name. */
  category: string;
  name: string;
  plaidKey: string | null;
  /** Not offered in pickers; rows that have it keep it. */
  hidden: boolean;
  /** Rows in view (not removed) that show this category. */
  count: number;
}

/**
 * Plaid keys whose words alone would mislead: Plaid files a credit card payment under
 * LOAN_PAYMENTS (LOAN_PAYMENTS_CREDIT_CARD_PAYMENT), so "Loan payments" hid the card payments.
 */
const PLAID_NAMES: Record<string, string> = {
  LOAN_PAYMENTS: 'Loan and credit card payments',
  LOAN_PAYMENTS_CREDIT_CARD_PAYMENT: 'Credit card payment',
};

/** The words of a key alone: `FOOD_AND_DRINK` → "Food and drink" (as migration 13 named them). */
export function plaidKeyWords(key: string): string {
  const words = key.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Plaid's `FOOD_AND_DRINK` → "Food and drink", the name a Plaid category starts with. */
export function plaidCategoryName(key: string): string {
  return PLAID_NAMES[key] ?? plaidKeyWords(key);
}

/** Text that reads as a Plaid key rather than a name a person typed. */
export function isPlaidKey(text: string): boolean {
  return /^[A-Z0-9_]+$/.test(text);
}
