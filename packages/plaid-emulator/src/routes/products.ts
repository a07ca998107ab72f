import { Products } from 'plaid';
import { PlaidApiError } from '../errors';
import type { ProductName } from '../plaid-enums';

/**
 * Product lists are checked by hand rather than by the schema because Plaid answers a bad product
 * with INVALID_PRODUCT (not INVALID_FIELD), and singles out `balance`, which is never requested.
 */
const KNOWN_PRODUCTS: ReadonlySet<string> = new Set<string>(Object.values(Products));

export function checkProducts(products: readonly string[], field: string): ProductName[] {
  for (const product of products) {
    if (product === 'balance') {
      throw new PlaidApiError(
        'INVALID_PRODUCT',
        `${field}: balance is not a valid product. Balance is available on every Item without being requested`,
      );
    }
    if (!KNOWN_PRODUCTS.has(product)) {
      throw new PlaidApiError('INVALID_PRODUCT', `${field}: ${product} is not a valid product`);
    }
  }
  return [...new Set(products)] as ProductName[];
}

export const COUNTRY_CODES = [
  'US',
  'GB',
  'ES',
  'NL',
  'FR',
  'IE',
  'CA',
  'DE',
  'IT',
  'PL',
  'DK',
  'NO',
  'SE',
  'EE',
  'LT',
  'LV',
  'PT',
  'BE',
  'AT',
  'FI',
];
export const LANGUAGES = [
  'da',
  'nl',
  'en',
  'et',
  'fr',
  'de',
  'hi',
  'it',
  'ja',
  'lv',
  'lt',
  'no',
  'pl',
  'pt',
  'ro',
  'es',
  'sv',
  'vi',
  'zh',
];
