import type { InvestmentTransaction } from 'plaid';
import { addDays, dayOfMonth, monthKey } from '../dates';
import { plaidId } from '../ids';
import { rngFor } from '../prng';
import type { Wire } from '../wire';
import type { AccountKey } from './accounts';
import { PORTFOLIOS, SECURITIES, priceOn, securityId, type SecurityDef } from './investments';

export type WireInvestmentTransaction = Wire<InvestmentTransaction>;

/** How far back an investment account's activity goes (Plaid keeps up to 24 months). */
export const INVESTMENT_HISTORY_DAYS = 730;

const CONTRIBUTION_DAY = 15;
const DIVIDEND_DAY = 28;
const MONTHLY_CONTRIBUTION: Partial<Record<AccountKey, number>> = {
  ira: 500,
  k401: 750,
  brokerage: 400,
};

const dollars = (value: number) => Math.round(value * 100) / 100;

/**
 * An investment account's activity, the way a brokerage reports it: a contribution on the 15th
 * that buys one of the account's funds the same day, quarterly dividends, a yearly account fee on
 * the 401(k) and a yearly trim of the brokerage's single stock. Plaid's signs: `amount` is
 * positive when cash leaves the account (a buy, a fee), negative when it comes in; `quantity` is
 * negative for a sale.
 */
export function investmentTransactionsBetween(
  seed: string,
  dataSalt: string,
  accounts: ReadonlyArray<{ key: AccountKey; accountId: string }>,
  from: string,
  to: string,
): WireInvestmentTransaction[] {
  const out: WireInvestmentTransaction[] = [];
  for (const account of accounts) {
    const portfolio = PORTFOLIOS[account.key];
    const contribution = MONTHLY_CONTRIBUTION[account.key];
    if (!portfolio || contribution === undefined) continue;
    const defs = portfolio
      .map(([ticker, quantity]) => ({ def: SECURITIES.find((s) => s.ticker === ticker), quantity }))
      .filter((p): p is { def: SecurityDef; quantity: number } => p.def !== undefined);
    const funds = defs.filter((p) => p.def.type !== 'cash' && p.def.currency === 'USD');
    const cash = defs.find((p) => p.def.type === 'cash')?.def ?? null;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const dom = dayOfMonth(day);
      const month = Number(monthKey(day).slice(5));
      const push = (
        n: number,
        fields: Omit<
          WireInvestmentTransaction,
          | 'investment_transaction_id'
          | 'cancel_transaction_id'
          | 'account_id'
          | 'date'
          | 'transaction_datetime'
        >,
      ) =>
        out.push({
          investment_transaction_id: plaidId(rngFor(dataSalt, 'inv-txn', account.key, day, n)),
          cancel_transaction_id: null,
          account_id: account.accountId,
          date: day,
          transaction_datetime: null,
          ...fields,
        });
      if (dom === CONTRIBUTION_DAY && funds.length > 0) {
        push(0, {
          security_id: cash ? securityId(seed, cash) : null,
          name: account.key === 'k401' ? 'Payroll contribution' : 'Contribution',
          quantity: contribution,
          amount: -contribution,
          price: 1,
          fees: 0,
          type: 'cash',
          subtype: 'contribution',
          iso_currency_code: 'USD',
          unofficial_currency_code: null,
        });
        const fund = funds[month % funds.length]!.def;
        const price = priceOn(fund, day);
        const quantity = Math.floor((contribution / price) * 1000) / 1000;
        push(1, {
          security_id: securityId(seed, fund),
          name: `BUY ${fund.name}`,
          quantity,
          amount: dollars(quantity * price),
          price,
          fees: 0,
          type: 'buy',
          subtype: 'buy',
          iso_currency_code: fund.currency,
          unofficial_currency_code: null,
        });
      }
      if (dom === DIVIDEND_DAY && month % 3 === 0) {
        defs.forEach(({ def, quantity }, i) => {
          if (def.type !== 'etf' && def.type !== 'equity') return;
          const rng = rngFor(dataSalt, 'dividend', account.key, def.name, day);
          const perShare = dollars(priceOn(def, day) * (0.003 + rng.next() * 0.003));
          push(2 + i, {
            security_id: securityId(seed, def),
            name: `DIVIDEND ${def.name}`,
            quantity: 0,
            amount: -dollars(perShare * quantity),
            price: 0,
            fees: 0,
            type: 'cash',
            subtype: 'dividend',
            iso_currency_code: def.currency,
            unofficial_currency_code: null,
          });
        });
      }
      if (account.key === 'k401' && day.endsWith('-01-05')) {
        push(20, {
          security_id: null,
          name: 'Annual account fee',
          quantity: 0,
          amount: 25,
          price: 0,
          fees: 25,
          type: 'fee',
          subtype: 'account fee',
          iso_currency_code: 'USD',
          unofficial_currency_code: null,
        });
      }
      const stock = defs.find((p) => p.def.type === 'equity')?.def;
      if (stock && day.endsWith('-06-10')) {
        const price = priceOn(stock, day);
        push(21, {
          security_id: securityId(seed, stock),
          name: `SELL ${stock.name}`,
          quantity: -2,
          amount: -dollars(2 * price - 4.95),
          price,
          fees: 4.95,
          type: 'sell',
          subtype: 'sell',
          iso_currency_code: stock.currency,
          unofficial_currency_code: null,
        });
      }
    }
  }
  // Newest first, as Plaid lists them; the id settles ties so pages never overlap.
  return out.sort((a, b) =>
    a.date === b.date
      ? a.investment_transaction_id.localeCompare(b.investment_transaction_id)
      : a.date < b.date
        ? 1
        : -1,
  );
}

export function securitiesFor(
  seed: string,
  transactions: readonly WireInvestmentTransaction[],
): SecurityDef[] {
  const used = new Set(transactions.map((t) => t.security_id));
  return SECURITIES.filter((def) => used.has(securityId(seed, def)));
}
