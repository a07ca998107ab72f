import BetterSqlite3 from 'better-sqlite3';
import { Configuration, PlaidApi } from 'plaid';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaidApi } from '../../src/main/plaid/client';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import type { CoreOptions } from '../../src/main/core';
import type { CardLiability, LoanLiability } from '../../src/shared/model';
import { EMULATOR_TODAY, startHarness, type Harness } from '../support/sync-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const cents = (dollars: number) => Math.round(dollars * 100);
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** Links First Platypus Bank through Link, so investments and liabilities come with it. */
async function linkWithEverything(harness: Harness) {
  const { linkToken } = await harness.call('link.createToken');
  const done = harness.emulator.control.completeLink(linkToken, { institutionId: 'ins_109508' });
  const { connectionId } = await harness.call('link.exchange', {
    publicToken: done.publicToken,
    institution: null,
    accounts: [],
  });
  await harness.core.idle();
  const token = (await harness.secrets.get(secretAccounts.accessToken(connectionId)))!;
  return { connectionId, itemId: done.itemId, token };
}

/** A client of its own, to ask the emulator what Plaid would say (the expected values). */
function plaidFor(harness: Harness): PlaidApi {
  return new PlaidApi(
    new Configuration({
      basePath: harness.emulator.url,
      baseOptions: {
        headers: {
          'PLAID-CLIENT-ID': harness.emulator.control.clientId,
          'PLAID-SECRET': harness.emulator.control.secret,
        },
      },
    }),
  );
}

/** Investment activity read in pages of 20 through the core, the way the screen pages it. */
async function allActivity(harness: Harness) {
  const items = [];
  for (let offset = 0; ; offset += 20) {
    const page = await harness.call('portfolio.investmentTransactions', { limit: 20, offset });
    items.push(...page.items);
    if (page.items.length < 20) return { items, total: page.total };
  }
}

describe('investments', () => {
  it('holdings per account in minor units, with gains and totals that add up', async () => {
    h = await startHarness();
    const { token } = await linkWithEverything(h);
    const expected = (await plaidFor(h).investmentsHoldingsGet({ access_token: token })).data;

    const portfolio = await h.call('portfolio.holdings');
    const rows = portfolio.accounts.flatMap((a) => a.holdings);
    expect(portfolio.accounts.length).toBe(2); // the IRA and the 401(k)
    expect(rows).toHaveLength(expected.holdings.length);
    for (const plaid of expected.holdings) {
      const row = rows.find(
        (r) => r.accountId === plaid.account_id && r.securityId === plaid.security_id,
      )!;
      const security = expected.securities.find((s) => s.security_id === plaid.security_id)!;
      expect(row).toMatchObject({
        quantity: plaid.quantity,
        value: cents(plaid.institution_value),
        costBasis: cents(plaid.cost_basis!),
        gain: cents(plaid.institution_value) - cents(plaid.cost_basis!),
        currency: plaid.iso_currency_code,
        ticker: security.ticker_symbol,
        name: security.name,
        price: cents(security.close_price!),
      });
    }
    for (const account of portfolio.accounts) {
      const [usd] = account.totals;
      expect(usd!.value).toBe(account.holdings.reduce((s, r) => s + r.value!, 0));
      expect(usd!.gain).toBe(usd!.value - usd!.costBasis!);
    }
    expect(portfolio.totals).toEqual([
      {
        currency: 'USD',
        value: rows.reduce((s, r) => s + r.value!, 0),
        costBasis: rows.reduce((s, r) => s + r.costBasis!, 0),
        gain: rows.reduce((s, r) => s + r.gain!, 0),
      },
    ]);
    expect(portfolio.securities.map((s) => s.ticker).sort()).toEqual(
      expected.securities.map((s) => s.ticker_symbol).sort(),
    );

    // One account alone, and an account that is not there.
    const one = await h.call('portfolio.holdings', { accountId: portfolio.accounts[0]!.accountId });
    expect(one.accounts).toHaveLength(1);
    const missing = await h.failure('portfolio.holdings', { accountId: 'acc_nowhere' });
    expect(missing).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That account is not in your ledger any more.',
    });
  });

  it('investment transactions are read page by page (offset and count) and stored whole', async () => {
    const pageSizes: number[] = [];
    const core: Partial<CoreOptions> = {
      // Small pages so that two years of activity takes several calls, as a busy account would.
      createPlaidApi: (credentials) => {
        const api = createPlaidApi(credentials);
        const get = api.investmentsTransactionsGet.bind(api);
        api.investmentsTransactionsGet = async (request, ...rest) => {
          const response = await get(
            { ...request, options: { ...request.options, count: 25 } },
            ...rest,
          );
          pageSizes.push(response.data.investment_transactions.length);
          return response;
        };
        return api;
      },
    };
    h = await startHarness({ core });
    const { token, itemId } = await linkWithEverything(h);
    const calls = h.emulator.control.calls({ itemId, endpoint: '/investments/transactions/get' });
    const start = new Date(Date.parse(EMULATOR_TODAY) - 729 * 86_400_000).toISOString();
    const expected = (
      await plaidFor(h).investmentsTransactionsGet({
        access_token: token,
        start_date: start.slice(0, 10),
        end_date: EMULATOR_TODAY,
        options: { count: 500 },
      })
    ).data;
    expect(expected.total_investment_transactions).toBeGreaterThan(75);
    expect(calls.length).toBe(Math.ceil(expected.total_investment_transactions / 25));
    expect(pageSizes.slice(0, -1).every((n) => n === 25)).toBe(true);

    const { items, total } = await allActivity(h);
    expect(total).toBe(expected.total_investment_transactions);
    expect(new Set(items.map((i) => i.id)).size).toBe(total);
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort().reverse());
    for (const plaid of expected.investment_transactions) {
      const mine = items.find((i) => i.id === plaid.investment_transaction_id)!;
      // The ledger's sign: cash into the account is positive, so a buy is negative.
      expect(mine.amount).toBe(-cents(plaid.amount));
      expect(mine).toMatchObject({ type: plaid.type, quantity: plaid.quantity, date: plaid.date });
    }
    const buy = items.find((i) => i.type === 'buy')!;
    expect(buy.amount).toBeLessThan(0);
    expect(buy.ticker).not.toBeNull();
    const contribution = items.find((i) => i.subtype === 'contribution')!;
    expect(contribution.amount).toBeGreaterThan(0);

    // A second sync replaces the window rather than adding to it.
    await h.call('connections.sync', {});
    await h.core.idle();
    expect((await allActivity(h)).total).toBe(total);
  });
});

describe('liabilities', () => {
  it('cards and loans come back typed, in minor units, with the next due date', async () => {
    h = await startHarness();
    const { token } = await linkWithEverything(h);
    const expected = (await plaidFor(h).liabilitiesGet({ access_token: token })).data.liabilities;
    const list = await h.call('liabilities.list');
    expect(list.map((l) => l.kind)).toEqual(['credit', 'student', 'mortgage']);

    const card = list[0] as CardLiability;
    const plaidCard = expected.credit![0]!;
    expect(card).toMatchObject({
      minimumPayment: cents(plaidCard.minimum_payment_amount!),
      lastStatementBalance: cents(plaidCard.last_statement_balance!),
      lastStatementDate: plaidCard.last_statement_issue_date,
      nextPaymentDueDate: plaidCard.next_payment_due_date,
      currency: 'USD',
    });
    expect(card.aprs.map((a) => [a.type, a.percentage])).toEqual([
      ['purchase_apr', 22.99],
      ['cash_apr', 27.99],
    ]);
    expect(card.nextPaymentDueDate! > EMULATOR_TODAY).toBe(true);

    const mortgage = list[2] as LoanLiability;
    const plaidMortgage = expected.mortgage![0]!;
    expect(mortgage).toMatchObject({
      interestRatePercentage: plaidMortgage.interest_rate.percentage,
      interestRateType: 'fixed',
      term: '30 year',
      nextPaymentAmount: cents(plaidMortgage.next_monthly_payment!),
      escrowBalance: cents(plaidMortgage.escrow_balance!),
      originationPrincipal: cents(plaidMortgage.origination_principal_amount!),
      nextPaymentDueDate: plaidMortgage.next_payment_due_date,
    });
    const student = list[1] as LoanLiability;
    expect(student).toMatchObject({
      interestRatePercentage: expected.student![0]!.interest_rate_percentage,
      term: '10 years',
      nextPaymentAmount: cents(expected.student![0]!.minimum_payment_amount!),
      escrowBalance: null,
    });
  });
});

describe('recurring streams', () => {
  it('are fetched on each sync and read back believable: pay in, bills out, on schedule', async () => {
    h = await startHarness();
    const { connectionId } = await linkWithEverything(h);
    const streams = await h.call('recurring.list');
    const inflows = streams.filter((s) => s.direction === 'inflow');
    const outflows = streams.filter((s) => s.direction === 'outflow');
    expect(inflows.length).toBeGreaterThan(0);
    expect(outflows.length).toBeGreaterThanOrEqual(8);

    const payroll = inflows.find((s) => s.merchantName === 'Acme Corp')!;
    expect(payroll).toMatchObject({ frequency: 'BIWEEKLY', status: 'MATURE', isActive: true });
    expect(payroll.averageAmount).toBeGreaterThan(0);
    expect(daysBetween(payroll.lastDate, payroll.predictedNextDate!)).toBe(14);

    const netflix = outflows.find((s) => s.merchantName === 'Netflix')!;
    expect(netflix).toMatchObject({ frequency: 'MONTHLY', status: 'MATURE', isActive: true });
    expect(netflix.averageAmount).toBeLessThan(0);
    const spacing =
      daysBetween(netflix.firstDate, netflix.lastDate) / (netflix.transactionCount - 1);
    expect(spacing).toBeGreaterThan(28);
    expect(spacing).toBeLessThan(32);
    expect(netflix.predictedNextDate! > netflix.lastDate).toBe(true);
    expect(daysBetween(netflix.lastDate, netflix.predictedNextDate!)).toBeGreaterThanOrEqual(28);
    for (const s of streams) {
      expect(s.predictedNextDate === null || s.predictedNextDate > s.lastDate).toBe(true);
      expect(Number.isInteger(s.averageAmount)).toBe(true);
    }

    // Every transaction a stream names is a row the sync delivered to the ledger.
    const db = new BetterSqlite3(h.databasePath, { readonly: true });
    try {
      const ids = (
        db.prepare('SELECT transaction_ids FROM recurring_streams').pluck().all() as string[]
      ).flatMap((json) => JSON.parse(json) as string[]);
      const present = db
        .prepare(
          `SELECT COUNT(*) FROM transactions WHERE id IN (SELECT value FROM json_each(?))
             AND removed_at IS NULL`,
        )
        .pluck()
        .get(JSON.stringify(ids)) as number;
      expect(present).toBe(ids.length);
    } finally {
      db.close();
    }

    // A month later the streams have moved on: the last date follows the clock.
    h.emulator.control.advance({ days: 35 });
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    const later = (await h.call('recurring.list')).find((s) => s.id === netflix.id)!;
    expect(later.lastDate > netflix.lastDate).toBe(true);
    expect(later.transactionCount).toBe(netflix.transactionCount + 1);
  });

  it('a failing recurring call leaves the sync succeeded and the last streams in place', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId } = await linkWithEverything(h);
    const before = await h.call('recurring.list');
    h.emulator.control.inject({
      endpoint: '/transactions/recurring/get',
      itemId,
      error: 'PRODUCT_NOT_READY',
    });
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    const [run] = await h.call('connections.logs', { connectionId });
    expect(run!.status).toBe('succeeded');
    expect(await h.call('recurring.list')).toEqual(before);
  });

  it('a bank with transactions only still has streams, and nothing to invest or owe', async () => {
    h = await startHarness();
    await h.call('link.sandboxConnect', { institutionId: 'ins_109511' });
    await h.core.idle();
    expect((await h.call('recurring.list')).length).toBeGreaterThan(0);
    expect(await h.call('portfolio.holdings')).toEqual({
      accounts: [],
      totals: [],
      securities: [],
    });
    expect(await h.call('liabilities.list')).toEqual([]);
    expect((await h.call('portfolio.investmentTransactions', {})).total).toBe(0);
  });
});
