import { currencyDigits, toDecimalString } from '../../format/money';

/** The largest amount the core takes (see the contract's `minorUnits`). */
const LIMIT = 1e13;

export type AmountReading = { ok: true; minor: number | null } | { ok: false; message: string };

/** "1,234.56" for a currency with cents, "1,234" for one without (JPY). */
export function amountExample(currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0 ? '1,234' : `1,234.${'56789'.slice(0, digits).padEnd(digits, '0')}`;
}

/**
 * Minor units of an amount a person typed, exactly: the digits before and after the point are
 * read as whole numbers and joined, never through a float. "1,234.56", "1234.5", "-20" and
 * "+20" are read; an empty box is no amount (null); anything else comes back as a sentence to
 * show under the box. More decimals than the currency has is refused rather than rounded.
 */
export function readAmount(
  text: string,
  currency: string,
  options: { allowNegative?: boolean } = {},
): AmountReading {
  const allowNegative = options.allowNegative ?? true;
  const digits = currencyDigits(currency);
  // A pasted amount may carry spaces, a Unicode minus or the currency's own symbol or code.
  const cleaned = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, '')
    .replace(new RegExp(`^([-+]?)(?:${escape(currency)}|[$€£¥₹₩₪₺₽฿₫₦]|[A-Z]{0,3}\\$)`, 'i'), '$1');
  if (cleaned === '') return { ok: true, minor: null };
  const unreadable = {
    ok: false as const,
    message:
      digits === 0
        ? `Type a whole amount like ${amountExample(currency)}: ${currency} has no smaller unit.`
        : `Type an amount like ${amountExample(currency)}.`,
  };
  const match = /^([-+])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(cleaned);
  if (!match) {
    // A comma as the decimal mark ("12,50") is a common habit: say what to type instead.
    if (digits > 0 && /^[-+]?\d+,\d{1,2}$/.test(cleaned)) {
      return {
        ok: false,
        message: `Use a point for the decimals, like ${cleaned.replace(',', '.')}.`,
      };
    }
    return unreadable;
  }
  const [, sign, wholeText = '', fraction = ''] = match;
  if (wholeText === '' && fraction === '') return unreadable;
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `${currency} has no smaller unit: type a whole amount like ${amountExample(currency)}.`
          : `${currency} amounts have at most ${digits} ${digits === 1 ? 'digit' : 'digits'} after the point.`,
    };
  }
  const whole = wholeText.replace(/,/g, '');
  if (whole.length > 16) return { ok: false, message: 'That amount is too large.' };
  const units = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(units) || units > LIMIT) {
    return { ok: false, message: 'That amount is too large.' };
  }
  if (sign === '-' && !allowNegative) {
    return { ok: false, message: 'Type the amount without a minus sign.' };
  }
  return { ok: true, minor: sign === '-' && units !== 0 ? -units : units };
}

/** How a stored amount is shown in a box to edit ("1234.50"), exactly. */
export function amountText(minor: number, currency: string): string {
  return toDecimalString(minor, currency);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
