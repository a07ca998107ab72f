import type { Holding, Security } from 'plaid';
import { daysBetween } from '../dates';
import { plaidId } from '../ids';
import { hash32, rngFor } from '../prng';
import type { Wire } from '../wire';
import type { AccountKey } from './accounts';

/** Securities and holdings for the investment accounts; prices drift day by day. */

export interface SecurityDef {
  ticker: string | null;
  name: string;
  type: 'etf' | 'equity' | 'mutual fund' | 'cash';
  subtype: string | null;
  currency: 'USD' | 'CAD';
  basePrice: number;
  cusip: string | null;
  isin: string | null;
  mic: string | null;
  sector: string | null;
  industry: string | null;
}

export const SECURITIES: readonly SecurityDef[] = [
  {
    ticker: 'VTI',
    name: 'Vanguard Total Stock Market ETF',
    type: 'etf',
    subtype: 'etf',
    currency: 'USD',
    basePrice: 248.1,
    cusip: '922908769',
    isin: 'US9229087690',
    mic: 'ARCX',
    sector: null,
    industry: null,
  },
  {
    ticker: 'VXUS',
    name: 'Vanguard Total International Stock ETF',
    type: 'etf',
    subtype: 'etf',
    currency: 'USD',
    basePrice: 60.4,
    cusip: '921909768',
    isin: 'US9219097683',
    mic: 'XNAS',
    sector: null,
    industry: null,
  },
  {
    ticker: 'BND',
    name: 'Vanguard Total Bond Market ETF',
    type: 'etf',
    subtype: 'etf',
    currency: 'USD',
    basePrice: 72.3,
    cusip: '921937835',
    isin: 'US9219378356',
    mic: 'XNAS',
    sector: null,
    industry: null,
  },
  {
    ticker: 'AAPL',
    name: 'Apple Inc.',
    type: 'equity',
    subtype: 'common stock',
    currency: 'USD',
    basePrice: 191.5,
    cusip: '037833100',
    isin: 'US0378331005',
    mic: 'XNAS',
    sector: 'Electronic Technology',
    industry: 'Telecommunications Equipment',
  },
  {
    ticker: 'FXAIX',
    name: 'Fidelity 500 Index Fund',
    type: 'mutual fund',
    subtype: 'mutual fund',
    currency: 'USD',
    basePrice: 178.9,
    cusip: '315911750',
    isin: 'US3159117502',
    mic: null,
    sector: null,
    industry: null,
  },
  {
    ticker: 'XIC',
    name: 'iShares Core S&P/TSX Capped Composite Index ETF',
    type: 'etf',
    subtype: 'etf',
    currency: 'CAD',
    basePrice: 34.7,
    cusip: null,
    isin: 'CA46435D1096',
    mic: 'XTSE',
    sector: null,
    industry: null,
  },
  {
    ticker: 'CUR:USD',
    name: 'U S Dollar',
    type: 'cash',
    subtype: 'cash',
    currency: 'USD',
    basePrice: 1,
    cusip: null,
    isin: null,
    mic: null,
    sector: null,
    industry: null,
  },
];

export const PORTFOLIOS: Partial<Record<AccountKey, Array<[ticker: string, quantity: number]>>> = {
  ira: [
    ['VTI', 42.5],
    ['VXUS', 118],
    ['BND', 80],
    ['CUR:USD', 512.33],
  ],
  k401: [
    ['FXAIX', 210.482],
    ['BND', 150],
  ],
  brokerage: [
    ['AAPL', 25],
    ['VTI', 10],
    ['XIC', 100],
    ['CUR:USD', 1204.18],
  ],
};

const PRICE_EPOCH = '2024-01-01';

/** A smooth, deterministic walk: slow growth, a seasonal swing and a little daily noise. */
export function priceOn(def: SecurityDef, date: string): number {
  if (def.type === 'cash') return 1;
  const t = daysBetween(PRICE_EPOCH, date);
  const phase = (hash32(def.name) % 1000) / 160;
  const noise = rngFor('price', def.name, date).next() - 0.5;
  const value =
    def.basePrice * (1 + 0.00025 * t) * (1 + 0.05 * Math.sin(t / 41 + phase) + 0.008 * noise);
  return Math.round(Math.max(0.5, value) * 100) / 100;
}

export type WireSecurity = Wire<Security>;
export type WireHolding = Wire<Holding>;

export function securityId(seed: string, def: SecurityDef): string {
  return plaidId(rngFor(seed, 'security', def.name));
}

export function renderSecurity(
  seed: string,
  institutionId: string,
  def: SecurityDef,
  date: string,
): WireSecurity {
  return {
    security_id: securityId(seed, def),
    isin: def.isin,
    cusip: def.cusip,
    sedol: null,
    institution_security_id: null,
    institution_id: institutionId,
    proxy_security_id: null,
    name: def.name,
    ticker_symbol: def.ticker,
    is_cash_equivalent: def.type === 'cash',
    type: def.type,
    subtype: def.subtype,
    close_price: priceOn(def, date),
    close_price_as_of: date,
    update_datetime: null,
    iso_currency_code: def.currency,
    unofficial_currency_code: null,
    market_identifier_code: def.mic,
    sector: def.sector,
    industry: def.industry,
    cfi_code: null,
    figi: null,
    option_contract: null,
    fixed_income: null,
  };
}

export interface HoldingsView {
  holdings: WireHolding[];
  securities: WireSecurity[];
}

/** Holdings of the given accounts on `date`; quantities vary a little per Item. */
export function holdingsOn(
  seed: string,
  dataSalt: string,
  institutionId: string,
  accounts: ReadonlyArray<{ key: AccountKey; accountId: string }>,
  date: string,
): HoldingsView {
  const holdings: WireHolding[] = [];
  const used = new Map<string, SecurityDef>();
  for (const account of accounts) {
    const portfolio = PORTFOLIOS[account.key];
    if (!portfolio) continue;
    const rng = rngFor(dataSalt, 'portfolio', account.key);
    for (const [ticker, baseQuantity] of portfolio) {
      const def = SECURITIES.find((s) => s.ticker === ticker);
      if (!def) continue;
      used.set(def.name, def);
      const quantity =
        def.type === 'cash'
          ? baseQuantity
          : Math.round(baseQuantity * (0.8 + rng.next() * 0.4) * 1000) / 1000;
      const price = priceOn(def, date);
      holdings.push({
        account_id: account.accountId,
        security_id: securityId(seed, def),
        institution_price: price,
        institution_price_as_of: date,
        institution_price_datetime: null,
        institution_value: Math.round(quantity * price * 100) / 100,
        // Cash costs what it is worth; a fund was bought below today's price, on average.
        cost_basis:
          def.type === 'cash'
            ? Math.round(quantity * price * 100) / 100
            : Math.round(quantity * def.basePrice * 0.86 * 100) / 100,
        quantity,
        iso_currency_code: def.currency,
        unofficial_currency_code: null,
        vested_quantity: null,
        vested_value: null,
      });
    }
  }
  const securities = [...used.values()].map((def) =>
    renderSecurity(seed, institutionId, def, date),
  );
  return { holdings, securities };
}

/** USD value of one account's holdings, converting CAD at a fixed rate: balances need one number. */
export function accountValueCents(
  view: HoldingsView,
  accountId: string,
): { total: number; cash: number } {
  const cashIds = new Set(
    view.securities.filter((s) => s.is_cash_equivalent).map((s) => s.security_id),
  );
  let total = 0;
  let cash = 0;
  for (const h of view.holdings) {
    if (h.account_id !== accountId) continue;
    const usd = h.iso_currency_code === 'CAD' ? h.institution_value * 0.73 : h.institution_value;
    total += Math.round(usd * 100);
    if (cashIds.has(h.security_id)) cash += Math.round(usd * 100);
  }
  return { total, cash };
}
