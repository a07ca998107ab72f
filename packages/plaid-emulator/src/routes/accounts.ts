import type { AccountsBalanceGetRequest, AccountsGetRequest, AccountsGetResponse } from 'plaid';
import { PlaidApiError } from '../errors';
import type { EmulatedItem, WireAccount } from '../items';
import { f } from '../validate';
import { usableItem } from './guards';
import { requireProduct } from './product-access';
import { plaidRoute } from './route';

function selectAccounts(
  item: EmulatedItem,
  all: WireAccount[],
  accountIds: readonly string[] | undefined | null,
): WireAccount[] {
  if (!accountIds) return all;
  for (const id of accountIds) {
    if (!item.accountById(id)) throw new PlaidApiError('INVALID_ACCOUNT_ID');
  }
  return all.filter((a) => accountIds.includes(a.account_id));
}

/** Cached balances (Plaid refreshes these about daily): last_updated_datetime stays null. */
export const accountsGet = plaidRoute<AccountsGetRequest, AccountsGetResponse>({
  path: '/accounts/get',
  fields: {
    access_token: f.reqStr(),
    options: f.obj({ account_ids: f.strArray() }),
  },
  handle: ({ body, state, requestId }) => {
    const item = usableItem(state, body.access_token);
    const accounts = selectAccounts(
      item,
      item.accountViews({ lastUpdated: null }),
      body.options?.account_ids,
    );
    return { accounts, item: item.itemView(), request_id: requestId };
  },
});

/** Real-time balances: stamped with the moment they were fetched. */
export const accountsBalanceGet = plaidRoute<AccountsBalanceGetRequest, AccountsGetResponse>({
  path: '/accounts/balance/get',
  fields: {
    access_token: f.reqStr(),
    options: f.obj({ account_ids: f.strArray(), min_last_updated_datetime: f.str() }),
  },
  handle: ({ body, state, requestId }) => {
    const item = usableItem(state, body.access_token);
    requireProduct(state, item, 'balance');
    const minUpdated = body.options?.min_last_updated_datetime;
    if (minUpdated !== undefined && Number.isNaN(Date.parse(minUpdated))) {
      throw new PlaidApiError(
        'INVALID_FIELD',
        'options.min_last_updated_datetime must be an ISO 8601 date-time',
      );
    }
    const accounts = selectAccounts(
      item,
      item.accountViews({ lastUpdated: state.clock.nowIso() }),
      body.options?.account_ids,
    );
    return { accounts, item: item.itemView(), request_id: requestId };
  },
});
