import type { Account } from '../../../../shared/model';
import { mainCurrency } from '../accounts/summary';

let known: readonly string[] | null = null;

/** Every ISO currency code this machine can show, as the core accepts them (Intl's list). */
export function knownCurrencies(): readonly string[] {
  known ??= Intl.supportedValuesOf('currency');
  return known;
}

export function isKnownCurrency(code: string): boolean {
  return knownCurrencies().includes(code);
}

let names: Intl.DisplayNames | null = null;

/** "Euro" for EUR, in the person's language; the code itself when there is no name. */
export function currencyName(code: string): string {
  try {
    names ??= new Intl.DisplayNames(undefined, { type: 'currency' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The euro area, and the few other regions whose currency a locale's region does not name. */
const EURO_REGIONS = new Set([
  'AT', 'BE', 'HR', 'CY', 'EE', 'FI', 'FR', 'DE', 'GR', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PT', 'SK', 'SI', 'ES', 'AD', 'MC', 'SM', 'VA', 'ME', 'XK',
]); // prettier-ignore

/** The currency of a region, for the regions whose people most often use this app. */
const REGION_CURRENCIES: Record<string, string> = {
  US: 'USD', CA: 'CAD', GB: 'GBP', AU: 'AUD', NZ: 'NZD', IE: 'EUR', CH: 'CHF', LI: 'CHF',
  SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON',
  BG: 'BGN', JP: 'JPY', CN: 'CNY', HK: 'HKD', TW: 'TWD', KR: 'KRW', SG: 'SGD', IN: 'INR',
  ID: 'IDR', MY: 'MYR', PH: 'PHP', TH: 'THB', VN: 'VND', IL: 'ILS', TR: 'TRY', AE: 'AED',
  SA: 'SAR', ZA: 'ZAR', NG: 'NGN', KE: 'KES', EG: 'EGP', BR: 'BRL', MX: 'MXN', AR: 'ARS',
  CL: 'CLP', CO: 'COP', PE: 'PEN', UA: 'UAH', RU: 'RUB', PR: 'USD',
}; // prettier-ignore

/** The currency of the person's region, from the language settings; USD when it cannot tell. */
export function localeCurrency(locale: string = navigator.language): string {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    if (region && EURO_REGIONS.has(region)) return 'EUR';
    const found = region ? REGION_CURRENCIES[region] : undefined;
    if (found && isKnownCurrency(found)) return found;
  } catch {
    // An odd language tag: fall through to the default.
  }
  return 'USD';
}

/** What a new account is offered in: the currency most accounts use, else the region's. */
export function defaultCurrency(accounts: readonly Account[]): string {
  return mainCurrency([...accounts]) ?? localeCurrency();
}

/** A code as typed ("eur ") made comparable with the list ("EUR"). */
export function normalizeCurrency(text: string): string {
  return text.trim().toUpperCase();
}
