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

/** Plaid's `FOOD_AND_DRINK` → "Food and drink", the name a Plaid category starts with. */
export function plaidCategoryName(key: string): string {
  const words = key.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Text that reads as a Plaid key rather than a name a person typed. */
export function isPlaidKey(text: string): boolean {
  return /^[A-Z0-9_]+$/.test(text);
}
