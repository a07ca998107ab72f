import { NUMBER_FORMATS, type NumberFormat } from '../../shared/import-mapping';

/** Characters banks put between thousands besides the format's own: spaces and apostrophes. */
const EXTRA_GROUPING = [' ', '\u00a0', '\u202f', "'", '’'];

const SEPARATORS: Record<NumberFormat, { decimal: string; grouping: string[] }> = {
  dot: { decimal: '.', grouping: [',', ...EXTRA_GROUPING] },
  comma: { decimal: ',', grouping: ['.', ...EXTRA_GROUPING] },
};

/** A currency sign, optionally after letters ("US$", "R$", "€"), or a three-letter code ("EUR"). */
const LEADING_CURRENCY = /^(?:[A-Za-z]{0,3}\p{Sc}|[A-Za-z]{3}(?![A-Za-z]))/u;
const TRAILING_CURRENCY = /(?:[A-Za-z]{0,3}\p{Sc}|(?<![A-Za-z])[A-Za-z]{3})$/u;
const MINUS = /^[-\u2212]/;

interface Marks {
  core: string;
  negative: boolean;
}

/**
 * Peels signs, parentheses and currency off both ends, in any order ("-$12.50", "$-12.50",
 * "($12.50)", "12.50 €-"). More than one sign is refused: "-(12.50)" has no single reading.
 */
function peel(text: string): Marks | null {
  let s = text.trim();
  let signs = 0;
  let negative = false;
  let open = false;
  let close = false;
  for (let changed = true; changed && s.length > 0;) {
    const before = s;
    if (s.startsWith('(') && !open) {
      open = true;
      s = s.slice(1);
    } else if (s.endsWith(')') && !close) {
      close = true;
      s = s.slice(0, -1);
    } else if (MINUS.test(s)) {
      signs++;
      negative = true;
      s = s.slice(1);
    } else if (s.startsWith('+')) {
      signs++;
      s = s.slice(1);
    } else if (/[-\u2212]$/.test(s)) {
      signs++;
      negative = true;
      s = s.slice(0, -1);
    } else if (s.endsWith('+')) {
      signs++;
      s = s.slice(0, -1);
    } else {
      s = s.replace(LEADING_CURRENCY, '').replace(TRAILING_CURRENCY, '');
    }
    s = s.trim();
    changed = s !== before;
  }
  if (open !== close) return null;
  if (open) {
    signs++;
    negative = true;
  }
  if (signs > 1) return null;
  return { core: s, negative };
}

/**
 * The digits of a whole-number part written with grouping: "1,234,567", "12,34,567" (Indian
 * lakhs) or "1 234". Groups are checked so a misread format ("12,50" read as dot) is refused
 * rather than read as 1250.
 */
function wholeDigits(whole: string, grouping: readonly string[]): string | null {
  if (/^\d*$/.test(whole)) return whole;
  const used = grouping.filter((g) => whole.includes(g));
  if (used.length !== 1) return null;
  const groups = whole.split(used[0]!);
  const first = groups[0]!;
  const last = groups[groups.length - 1]!;
  const middle = groups.slice(1, -1);
  if (!/^\d{1,3}$/.test(first) || !/^\d{3}$/.test(last)) return null;
  if (!middle.every((g) => /^\d{2,3}$/.test(g))) return null;
  return groups.join('');
}

/**
 * Exact integer minor units of an amount as a bank writes it, or null when the text is not an
 * amount. Never goes through a float: "0.1" is 10, not 10.000000000000002. More decimals than the
 * currency has are fine only when the extra ones are zeros ("12.500" in USD), since anything else
 * would have to be rounded and a ledger must not silently change money.
 */
export function parseMoneyText(
  text: string,
  numberFormat: NumberFormat,
  exponent: number,
): number | null {
  const marks = peel(text);
  if (!marks || marks.core === '') return null;
  const { decimal, grouping } = SEPARATORS[numberFormat];
  const at = marks.core.lastIndexOf(decimal);
  const whole = at === -1 ? marks.core : marks.core.slice(0, at);
  const fraction = at === -1 ? '' : marks.core.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return null;
  const digits = wholeDigits(whole, grouping);
  if (digits === null || digits.length + fraction.length === 0) return null;
  if (fraction.slice(exponent).replace(/0/g, '') !== '') return null;
  const minor = BigInt((digits || '0') + fraction.slice(0, exponent).padEnd(exponent, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const value = Number(minor);
  return marks.negative && value !== 0 ? -value : value;
}

/**
 * The way a file writes its numbers, from its amounts: the format under which most of them read,
 * with dot on a tie (a file of whole numbers reads either way, and dot is the commoner).
 */
export function guessNumberFormat(values: readonly string[], exponent: number): NumberFormat {
  let best: NumberFormat = 'dot';
  let bestCount = -1;
  for (const format of NUMBER_FORMATS) {
    const count = values.filter((v) => parseMoneyText(v, format, exponent) !== null).length;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  return best;
}
