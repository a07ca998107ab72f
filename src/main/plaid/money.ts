/** Decimal places of currencies Intl does not know (Plaid's `unofficial_currency_code`s). */
const UNOFFICIAL_EXPONENTS: Record<string, number> = { BTC: 8 };

/** Answers already worked out; a sync asks once per row, and Intl's answer costs microseconds. */
const exponents = new Map<string, number | null>();
/** Currency codes come from the bank's data: the memo must not grow without bound. */
const MAX_REMEMBERED = 512;

/** How many minor units a currency's major unit has, as a power of ten; null when unknown. */
export function currencyExponent(currency: string): number | null {
  const known = exponents.get(currency);
  if (known !== undefined) return known;
  const exponent = lookUpExponent(currency);
  if (exponents.size < MAX_REMEMBERED) exponents.set(currency, exponent);
  return exponent;
}

function lookUpExponent(currency: string): number | null {
  if (Object.hasOwn(UNOFFICIAL_EXPONENTS, currency)) return UNOFFICIAL_EXPONENTS[currency]!;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? null
    );
  } catch {
    return null;
  }
}

/**
 * Plaid's decimal amount as an integer of minor units, or null when it does not fit (more
 * decimals than the currency has, or beyond the safe integer range): such a row is quarantined
 * rather than rounded, because a silently changed amount is the one thing a ledger must not do.
 */
export function toMinorUnits(amount: number, currency: string): number | null {
  const exponent = currencyExponent(currency);
  if (exponent === null || !Number.isFinite(amount)) return null;
  const scaled = amount * 10 ** exponent;
  const rounded = Math.round(scaled);
  if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) return null;
  return Number.isSafeInteger(rounded) ? rounded : null;
}
