import type {
  InvestmentsHoldingsGetRequest,
  InvestmentsHoldingsGetResponse,
  InvestmentsTransactionsGetRequest,
  InvestmentsTransactionsGetResponse,
} from 'plaid';
import {
  INVESTMENT_HISTORY_DAYS,
  investmentTransactionsBetween,
  securitiesFor,
} from '../data/investment-transactions';
import { renderSecurity } from '../data/investments';
import { addDays, isIsoDate } from '../dates';
import { PlaidApiError } from '../errors';
import { f } from '../validate';
import { addProduct, requireReady, usableItem } from './guards';
import type { EmulatorState } from '../state';
import { plaidRoute } from './route';

/**
 * What both investments endpoints check first: a usable, ready Item with investment accounts,
 * now billed for Investments, and `account_ids` (if given) naming only its investment accounts.
 */
function investmentsItem(state: EmulatorState, accessToken: string, accountIds?: string[]) {
  const item = usableItem(state, accessToken);
  if (!item.hasAccountType('investment')) throw new PlaidApiError('NO_INVESTMENT_ACCOUNTS');
  requireReady(state, item);
  addProduct(item, 'investments');
  for (const id of accountIds ?? []) {
    if (item.accountById(id)?.template.type !== 'investment')
      throw new PlaidApiError('INVALID_ACCOUNT_ID');
  }
  const keep = (accountId: string) => !accountIds || accountIds.includes(accountId);
  return { item, keep };
}

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
    const { item, keep } = investmentsItem(state, body.access_token, body.options?.account_ids);
    const view = item.holdings();
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

const DEFAULT_INVESTMENT_COUNT = 100;

/**
 * /investments/transactions/get: the activity between two dates, newest first, a page at a time
 * (options.count up to 500, options.offset to skip); total_investment_transactions says how many
 * there are in all.
 */
export const investmentsTransactionsGet = plaidRoute<
  InvestmentsTransactionsGetRequest,
  InvestmentsTransactionsGetResponse
>({
  path: '/investments/transactions/get',
  fields: {
    access_token: f.reqStr(),
    start_date: f.reqStr(),
    end_date: f.reqStr(),
    options: f.obj({
      account_ids: f.strArray(),
      count: { kind: 'integer', min: 1, max: 500 },
      offset: { kind: 'integer', min: 0 },
      async_update: f.bool(),
    }),
  },
  handle: ({ body, state, requestId }) => {
    if (!isIsoDate(body.start_date))
      throw new PlaidApiError(
        'INVALID_FIELD',
        'start_date must be a date in the format YYYY-MM-DD',
      );
    if (!isIsoDate(body.end_date))
      throw new PlaidApiError('INVALID_FIELD', 'end_date must be a date in the format YYYY-MM-DD');
    if (body.end_date < body.start_date)
      throw new PlaidApiError('INVALID_FIELD', 'end_date must not be before start_date');
    const { item, keep } = investmentsItem(state, body.access_token, body.options?.account_ids);
    const oldest = addDays(item.today, -(INVESTMENT_HISTORY_DAYS - 1));
    const from = body.start_date < oldest ? oldest : body.start_date;
    const to = body.end_date > item.today ? item.today : body.end_date;
    const all =
      from > to
        ? []
        : investmentTransactionsBetween(
            item.seed,
            item.dataSalt,
            item.accounts.filter((a) => keep(a.accountId)),
            from,
            to,
          );
    const offset = body.options?.offset ?? 0;
    const page = all.slice(offset, offset + (body.options?.count ?? DEFAULT_INVESTMENT_COUNT));
    const accounts = item
      .accountViews({ lastUpdated: null })
      .filter((a) => a.type === 'investment' && keep(a.account_id))
      .map((a) => ({ ...a, balances: { ...a.balances, margin_loan_amount: null } }));
    return {
      item: item.itemView(),
      accounts,
      securities: securitiesFor(item.seed, page).map((def) =>
        renderSecurity(item.seed, item.institution.id, def, item.today),
      ),
      investment_transactions: page,
      total_investment_transactions: all.length,
      is_investments_fallback_item: false,
      request_id: requestId,
    };
  },
});
