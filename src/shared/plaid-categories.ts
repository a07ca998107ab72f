/**
 * Plaid's personal-finance primary categories, in the order people scan them: the categories a
 * person can pick from before they have made their own.
 */
export const PLAID_PRIMARY_CATEGORIES = [
  'FOOD_AND_DRINK',
  'GENERAL_MERCHANDISE',
  'RENT_AND_UTILITIES',
  'TRANSPORTATION',
  'TRAVEL',
  'ENTERTAINMENT',
  'PERSONAL_CARE',
  'MEDICAL',
  'HOME_IMPROVEMENT',
  'GENERAL_SERVICES',
  'GOVERNMENT_AND_NON_PROFIT',
  'LOAN_PAYMENTS',
  'BANK_FEES',
  'INCOME',
  'TRANSFER_IN',
  'TRANSFER_OUT',
] as const;
