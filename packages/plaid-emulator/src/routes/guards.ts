import { PlaidApiError } from '../errors';
import type { EmulatedItem } from '../items';
import type { ProductName } from '../plaid-enums';
import type { EmulatorState } from '../state';

/**
 * The checks every Item data endpoint makes, in Plaid's order: a valid token, then the Item's own
 * error (login required, expired consent), then whether the institution is reachable.
 */
export function usableItem(state: EmulatorState, accessToken: string): EmulatedItem {
  const item = state.resolveAccessToken(accessToken);
  const error = item.currentError(state.clock.nowMs());
  if (error) throw new PlaidApiError(error.code, error.message);
  if (state.institutionHealth(item.institution) === 'DOWN') {
    item.lastFailedUpdate = state.clock.nowIso();
    throw new PlaidApiError('INSTITUTION_DOWN');
  }
  return item;
}

/** Investments and liabilities are fetched after linking; until the Item is ready they are not. */
export function requireReady(state: EmulatorState, item: EmulatedItem): void {
  if (!item.isReady(state.clock.nowMs())) throw new PlaidApiError('PRODUCT_NOT_READY');
}

export function addProduct(item: EmulatedItem, product: ProductName): void {
  if (!item.products.includes(product)) item.products.push(product);
}
