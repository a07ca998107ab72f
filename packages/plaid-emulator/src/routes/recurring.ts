import type { TransactionsRecurringGetRequest, TransactionsRecurringGetResponse } from 'plaid';
import { recurringStreams } from '../data/recurring';
import { PlaidApiError } from '../errors';
import { f } from '../validate';
import { addProduct, requireReady, usableItem } from './guards';
import { plaidRoute } from './route';

/**
 * /transactions/recurring/get: the Item's inflow and outflow streams, worked out from the
 * transactions it holds today (optionally only some accounts'), as Plaid's Recurring Transactions
 * add-on reports them.
 */
export const transactionsRecurringGet = plaidRoute<
  TransactionsRecurringGetRequest,
  TransactionsRecurringGetResponse
>({
  path: '/transactions/recurring/get',
  fields: {
    access_token: f.reqStr(),
    account_ids: f.strArray(),
    options: f.obj({
      include_personal_finance_category: f.bool(),
      personal_finance_category_version: f.str({ oneOf: ['v1', 'v2'] }),
    }),
  },
  handle: ({ body, state, requestId }) => {
    const item = usableItem(state, body.access_token);
    requireReady(state, item);
    addProduct(item, 'transactions');
    const wanted = body.account_ids ?? null;
    if (wanted) {
      for (const id of wanted) {
        const account = item.accountById(id);
        if (!account || !item.transactionAccounts().includes(account))
          throw new PlaidApiError('INVALID_ACCOUNT_ID');
      }
    }
    const transactions = item
      .transactions()
      .filter((t) => wanted === null || wanted.includes(t.account_id));
    const streams = recurringStreams(item.itemId, transactions, item.today);
    return {
      inflow_streams: streams.inflow,
      outflow_streams: streams.outflow,
      updated_datetime: state.clock.nowIso(),
      personal_finance_category_version: body.options?.personal_finance_category_version ?? 'v1',
      request_id: requestId,
    };
  },
});
