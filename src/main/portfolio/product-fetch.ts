import type { InvestmentTransaction, PlaidApi, Security } from 'plaid';
import { saveInvestmentTransactions } from '../db/portfolio-repo';
import { saveRecurringStreams } from '../db/recurring-repo';
import type { SyncStore } from '../db/sync-store';
import { addDays } from '../iso-days';

/** Plaid keeps up to 24 months of investment activity; a run reads all of it. */
export const INVESTMENT_WINDOW_DAYS = 730;
/** Plaid's largest page of /investments/transactions/get. */
export const INVESTMENT_PAGE_SIZE = 500;
/** A guard against a server whose total never comes within reach. */
const MAX_INVESTMENT_PAGES = 40;

export interface ProductFetch {
  api: PlaidApi;
  accessToken: string;
  store: SyncStore;
  connectionId: string;
  runId: number;
  today: string;
  now: () => string;
  call: <T>(fn: () => Promise<{ data: T }>) => Promise<T>;
}

/**
 * What a fetch brings back, to be stored once the run's own rows are in. Fetching happens before
 * the run commits, so a run is not reported done while Plaid is still being asked.
 */
export type SaveFetched = () => void;

/**
 * Every page of the window's investment activity (offset and count, as Plaid pages it), stored
 * together: a run that fails part-way stores nothing and keeps what the last run had.
 */
export async function fetchInvestmentTransactions(p: ProductFetch): Promise<SaveFetched> {
  const window = { from: addDays(p.today, -(INVESTMENT_WINDOW_DAYS - 1)), to: p.today };
  const transactions: InvestmentTransaction[] = [];
  const securities = new Map<string, Security>();
  for (let page = 0; page < MAX_INVESTMENT_PAGES; page++) {
    const response = await p.call(() =>
      p.api.investmentsTransactionsGet({
        access_token: p.accessToken,
        start_date: window.from,
        end_date: window.to,
        options: { count: INVESTMENT_PAGE_SIZE, offset: transactions.length },
      }),
    );
    transactions.push(...response.investment_transactions);
    for (const s of response.securities) securities.set(s.security_id, s);
    const done = transactions.length >= response.total_investment_transactions;
    if (response.investment_transactions.length === 0 || done) break;
  }
  return () =>
    saveInvestmentTransactions(
      p.store,
      p.connectionId,
      p.runId,
      window,
      transactions,
      [...securities.values()],
      p.now(),
    );
}

export async function fetchRecurringStreams(p: ProductFetch): Promise<SaveFetched> {
  const response = await p.call(() =>
    p.api.transactionsRecurringGet({ access_token: p.accessToken }),
  );
  return () => saveRecurringStreams(p.store, p.connectionId, p.runId, response, p.now());
}
