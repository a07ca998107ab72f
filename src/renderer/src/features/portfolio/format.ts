/** Labels and numbers of the investments and debts screens. */

const quantityFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });

export function formatQuantity(quantity: number): string {
  return quantityFormat.format(quantity);
}

/** A unit price in major units, which may go below a cent. */
export function formatUnitPrice(price: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 4,
    }).format(price);
  } catch {
    return `${quantityFormat.format(price)} ${currency}`;
  }
}

export function formatPercent(percentage: number): string {
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(percentage)}%`;
}

const ACTIVITY_LABELS: Record<string, string> = {
  buy: 'Buy',
  sell: 'Sale',
  fee: 'Fee',
  transfer: 'Transfer',
  cancel: 'Cancelled',
  cash: 'Cash',
};

/** "Dividend", "Contribution", "Buy": the subtype when it says more than the type. */
export function activityLabel(type: string, subtype: string | null): string {
  if (subtype && subtype !== type) return capitalise(subtype);
  return ACTIVITY_LABELS[type] ?? capitalise(type);
}

const APR_LABELS: Record<string, string> = {
  purchase_apr: 'Purchases',
  cash_apr: 'Cash advances',
  balance_transfer_apr: 'Balance transfers',
  special: 'Promotional',
};

export function aprLabel(type: string): string {
  return APR_LABELS[type] ?? capitalise(type.replace(/_/g, ' '));
}

const SECURITY_TYPES: Record<string, string> = {
  etf: 'ETF',
  equity: 'Stock',
  'mutual fund': 'Mutual fund',
  cash: 'Cash',
  'fixed income': 'Bond',
  derivative: 'Option',
  cryptocurrency: 'Crypto',
};

export function securityTypeLabel(type: string | null): string | null {
  if (!type) return null;
  return SECURITY_TYPES[type] ?? capitalise(type);
}

export function liabilityKindLabel(kind: 'credit' | 'student' | 'mortgage'): string {
  return kind === 'credit' ? 'Credit card' : kind === 'student' ? 'Student loan' : 'Mortgage';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
