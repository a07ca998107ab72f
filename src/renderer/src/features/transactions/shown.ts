import type { Transaction } from '../../../../shared/model';

/** The name a row shows: the person's payee, else the bank's merchant, else its raw text. */
export const shownPayee = (t: Transaction): string => t.user.payee ?? t.merchantName ?? t.name;

/** The category a row shows and counts under: the person's, else Plaid's. */
export const shownCategory = (t: Transaction): string | null => t.user.category ?? t.category;
