import type { Account } from '../../../../shared/model';
import { sumByCurrency, type CurrencyTotal } from '../../format/money';
import {
  ACCOUNT_GROUP_LABELS,
  ACCOUNT_GROUP_ORDER,
  LIABILITY_GROUPS,
  accountGroup,
  type AccountGroup,
} from '../../format/labels';

export interface AccountGroupSummary {
  group: AccountGroup;
  label: string;
  liability: boolean;
  accounts: Account[];
  totals: CurrencyTotal[];
}

const balanceOf = (a: Account) => ({ amount: a.balances.current ?? 0, currency: a.currency });

/** Accounts by kind (cash, investments, cards, loans, other), each with per-currency totals. */
export function groupAccounts(accounts: Account[]): AccountGroupSummary[] {
  return ACCOUNT_GROUP_ORDER.map((group) => {
    const members = accounts.filter((a) => accountGroup(a.type) === group);
    return {
      group,
      label: ACCOUNT_GROUP_LABELS[group],
      liability: LIABILITY_GROUPS.includes(group),
      accounts: members,
      totals: sumByCurrency(members.map(balanceOf)),
    };
  }).filter((g) => g.accounts.length > 0);
}

export interface NetWorth {
  /** Everything owned: cash, investments and other assets. */
  assets: CurrencyTotal[];
  /** Cash accounts only. */
  cash: CurrencyTotal[];
  /** Cards and loans: what is owed, as positive amounts. */
  debt: CurrencyTotal[];
  /** Assets minus debt, per currency. */
  netWorth: CurrencyTotal[];
}

/**
 * Net worth per currency. Plaid reports a card's or loan's balance as the amount owed (positive),
 * and a manual card or loan is kept the same way, so those are subtracted; amounts in different
 * currencies are never added together. A closed account no longer counts.
 */
export function netWorth(all: Account[]): NetWorth {
  const accounts = all.filter((a) => !a.closedAt);
  const liabilities = accounts.filter((a) => LIABILITY_GROUPS.includes(accountGroup(a.type)));
  const assets = accounts.filter((a) => !LIABILITY_GROUPS.includes(accountGroup(a.type)));
  const cash = accounts.filter((a) => accountGroup(a.type) === 'cash');
  const signed = [
    ...assets.map(balanceOf),
    ...liabilities.map((a) => ({ amount: -(a.balances.current ?? 0), currency: a.currency })),
  ];
  return {
    assets: sumByCurrency(assets.map(balanceOf)),
    cash: sumByCurrency(cash.map(balanceOf)),
    debt: sumByCurrency(liabilities.map(balanceOf)),
    netWorth: sumByCurrency(signed),
  };
}

/** The currency most of the money is in: what the overview leads with. */
export function mainCurrency(accounts: Account[]): string | null {
  const byCount = new Map<string, number>();
  for (const a of accounts) byCount.set(a.currency, (byCount.get(a.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [currency, count] of byCount) {
    if (best === null || count > (byCount.get(best) ?? 0)) best = currency;
  }
  return best;
}

export function accountLabel(account: Pick<Account, 'name' | 'mask'>): string {
  return account.mask ? `${account.name} ••${account.mask}` : account.name;
}

/**
 * The available balance worth showing, or null. Banks report it for cash and cards (what can be
 * spent); for an investment account Plaid's "available" is its uninvested cash, often 0 for a
 * 401(k), and for a loan it is not reported: neither is shown as "Available".
 */
export function shownAvailable(account: Account): number | null {
  const available = account.balances.available;
  if (available === null) return null;
  return account.type === 'depository' || account.type === 'credit' ? available : null;
}
