/**
 * Money arrives as integer minor units with an ISO currency code. It is formatted with
 * Intl.NumberFormat in its own currency, and never summed across currencies.
 */

/** Currencies Intl does not know the decimals of (Plaid's unofficial codes); as in the core. */
const UNOFFICIAL_DIGITS: Record<string, number> = { BTC: 8 };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${currency}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    const digits = currencyDigits(currency);
    try {
      found = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        minimumFractionDigits: options.notation === 'compact' ? 0 : digits,
        maximumFractionDigits: options.notation === 'compact' ? 1 : digits,
        ...options,
      });
    } catch {
      // A code Intl refuses: show the number with the code beside it rather than fail.
      found = new Intl.NumberFormat(undefined, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    }
    formatters.set(key, found);
  }
  return found;
}

/** How many decimal places the currency's minor unit has. */
export function currencyDigits(currency: string): number {
  const unofficial = UNOFFICIAL_DIGITS[currency];
  if (unofficial !== undefined) return unofficial;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** The amount in major units, for charts only (display needs no exactness beyond a cent). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

export interface MoneyFormatOptions {
  /** `always` shows a + on money in (transaction lists). */
  signDisplay?: 'auto' | 'always' | 'exceptZero';
  compact?: boolean;
}

export function formatMoney(minor: number, currency: string, options: MoneyFormatOptions = {}) {
  const nf = formatter(currency, {
    ...(options.signDisplay ? { signDisplay: options.signDisplay } : {}),
    ...(options.compact ? { notation: 'compact' } : {}),
  });
  const text = nf.format(toMajor(minor, currency));
  return nf.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

/**
 * The exact decimal string of a minor-unit amount ("-1234.50"), built from the integer, never
 * through a float: what the CSV export writes.
 */
export function toDecimalString(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const whole = String(Math.abs(minor));
  if (digits === 0) return `${negative ? '-' : ''}${whole}`;
  const padded = whole.padStart(digits + 1, '0');
  const units = padded.slice(0, -digits);
  const fraction = padded.slice(-digits);
  return `${negative ? '-' : ''}${units}.${fraction}`;
}

export interface CurrencyTotal {
  currency: string;
  amount: number;
}

/** Sums per currency, largest absolute total first: amounts in different currencies never mix. */
export function sumByCurrency(items: Iterable<{ amount: number; currency: string }>) {
  const totals = new Map<string, number>();
  for (const item of items)
    totals.set(item.currency, (totals.get(item.currency) ?? 0) + item.amount);
  return [...totals.entries()]
    .map(([currency, amount]): CurrencyTotal => ({ currency, amount }))
    .sort(
      (a, b) => Math.abs(b.amount) - Math.abs(a.amount) || a.currency.localeCompare(b.currency),
    );
}
