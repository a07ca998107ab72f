import type { InvestmentsHoldingsGetRequest, InvestmentsHoldingsGetResponse } from 'plaid';
import { PlaidApiError } from '../errors';
import { f } from '../validate';
import { addProduct, requireReady, usableItem } from './guards';
import { plaidRoute } from './route';

export const investmentsHoldingsGet = plaidRoute<
  InvestmentsHoldingsGetRequest,
  InvestmentsHoldingsGetResponse
>({
  path: '/investments/holdings/get',
  fields: {
    access_token: f.reqStr(),
    options: f.obj({ account_ids: f.strArray() }),
  },
  handle: ({ body, state, requestId }) => {
    const item = usableItem(state, body.access_token);
    if (!item.hasAccountType('investment')) throw new PlaidApiError('NO_INVESTMENT_ACCOUNTS');
    requireReady(state, item);
    addProduct(item, 'investments');
    const wanted = body.options?.account_ids ?? null;
    if (wanted) {
      for (const id of wanted) {
        if (item.accountById(id)?.template.type !== 'investment')
          throw new PlaidApiError('INVALID_ACCOUNT_ID');
      }
    }
    const view = item.holdings();
    const keep = (accountId: string) => wanted === null || wanted.includes(accountId);
    const accounts = item
      .accountViews({ lastUpdated: null })
      .filter((a) => a.type === 'investment' && keep(a.account_id))
      .map((a) => ({ ...a, balances: { ...a.balances, margin_loan_amount: null } }));
    const holdings = view.holdings.filter((h) => keep(h.account_id));
    const used = new Set(holdings.map((h) => h.security_id));
    return {
      accounts,
      holdings,
      securities: view.securities.filter((s) => used.has(s.security_id)),
      item: item.itemView(),
      request_id: requestId,
    };
  },
});
