import { PlaidApiError } from '../errors';
import type { EmulatedItem } from '../items';
import type { ProductName } from '../plaid-enums';
import type { EmulatorState } from '../state';

/**
 * Plaid's two refusals of a product: keys not enabled for it (INVALID_PRODUCT, an INVALID_INPUT
 * error, checked first since it is about the client) and a bank that does not offer it
 * (PRODUCTS_NOT_SUPPORTED, an ITEM_ERROR).
 */
export function requireProduct(state: EmulatorState, item: EmulatedItem, product: ProductName) {
  if (state.disabledProducts.has(product)) {
    throw new PlaidApiError(
      'INVALID_PRODUCT',
      `client is not authorized to access the following products: ["${product}"]`,
    );
  }
  if (!state.institutionOverrides.supports(item.institution, product)) {
    throw new PlaidApiError('PRODUCTS_NOT_SUPPORTED');
  }
}
