import { afterEach, describe, expect, it } from 'vitest';
import { recurringStreams } from '../src/data/recurring';
import type { WireTransaction } from '../src/data/timeline';
import { plaidFailure, startHarness, TODAY, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

async function item(institutionId = 'ins_109508') {
  h = await startHarness();
  return h.emulator.control.createItem({ institutionId, products: ['transactions'] }).accessToken;
}

describe('/investments/transactions/get', () => {
  it('pages by offset and count over one fixed, newest-first list', async () => {
    const token = await item();
    const request = { access_token: token, start_date: '2024-01-01', end_date: TODAY };
    const all = (await h!.plaid.investmentsTransactionsGet({ ...request, options: { count: 500 } }))
      .data;
    expect(all.total_investment_transactions).toBe(all.investment_transactions.length);
    const pages = [];
    for (let offset = 0; offset < all.total_investment_transactions; offset += 30) {
      const page = (
        await h!.plaid.investmentsTransactionsGet({ ...request, options: { count: 30, offset } })
      ).data;
      expect(page.total_investment_transactions).toBe(all.total_investment_transactions);
      const named = new Set(page.securities.map((s) => s.security_id));
      for (const t of page.investment_transactions)
        if (t.security_id) expect(named.has(t.security_id)).toBe(true);
      pages.push(...page.investment_transactions);
    }
    expect(pages.map((t) => t.investment_transaction_id)).toEqual(
      all.investment_transactions.map((t) => t.investment_transaction_id),
    );
    const dates = pages.map((t) => t.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.every((d) => d >= '2024-01-01' && d <= TODAY)).toBe(true);
    const buy = pages.find((t) => t.type === 'buy')!;
    expect(buy.amount).toBeGreaterThan(0);
    expect(buy.quantity).toBeGreaterThan(0);
    expect(pages.find((t) => t.subtype === 'dividend')!.amount).toBeLessThan(0);
    expect(pages.find((t) => t.type === 'sell')?.quantity ?? -1).toBeLessThan(0);
  });

  it('refuses what Plaid refuses', async () => {
    const token = await item();
    const missing = await plaidFailure(
      h!.plaid.investmentsTransactionsGet({ access_token: token } as never),
    );
    expect(missing.data).toMatchObject({ error_code: 'MISSING_FIELDS' });
    const badDate = await plaidFailure(
      h!.plaid.investmentsTransactionsGet({
        access_token: token,
        start_date: '2024-13-01',
        end_date: TODAY,
      }),
    );
    expect(badDate.data).toMatchObject({ error_code: 'INVALID_FIELD' });
    const tooMany = await plaidFailure(
      h!.plaid.investmentsTransactionsGet({
        access_token: token,
        start_date: '2024-01-01',
        end_date: TODAY,
        options: { count: 501 },
      }),
    );
    expect(tooMany.data).toMatchObject({ error_code: 'INVALID_FIELD' });
    const tartan = h!.emulator.control.createItem({ institutionId: 'ins_109511' }).accessToken;
    const none = await plaidFailure(
      h!.plaid.investmentsTransactionsGet({
        access_token: tartan,
        start_date: '2024-01-01',
        end_date: TODAY,
      }),
    );
    expect(none.data).toMatchObject({ error_code: 'NO_INVESTMENT_ACCOUNTS' });
  });
});

describe('/transactions/recurring/get', () => {
  it('finds pay, rent-like bills and subscriptions, signed as Plaid signs them', async () => {
    const token = await item();
    const r = (await h!.plaid.transactionsRecurringGet({ access_token: token })).data;
    expect(r.request_id).toMatch(/^\w{15}$/);
    const payroll = r.inflow_streams.find((s) => s.merchant_name === 'Acme Corp')!;
    expect(payroll).toMatchObject({ frequency: 'BIWEEKLY', status: 'MATURE', is_active: true });
    expect(payroll.average_amount.amount).toBeLessThan(0);
    const netflix = r.outflow_streams.find((s) => s.merchant_name === 'Netflix')!;
    expect(netflix.frequency).toBe('MONTHLY');
    expect(netflix.average_amount.amount).toBeGreaterThan(0);
    expect(netflix.predicted_next_date! > netflix.last_date).toBe(true);
    const ids = new Set<string>();
    let cursor: string | undefined;
    for (let more = true; more;) {
      const page = (await h!.plaid.transactionsSync({ access_token: token, count: 500, cursor }))
        .data;
      for (const t of page.added) ids.add(t.transaction_id);
      cursor = page.next_cursor;
      more = page.has_more;
    }
    expect(ids.has(netflix.transaction_ids.at(-1)!)).toBe(true);
    // Coffee and groceries happen often but not on a schedule: no stream.
    const all = [...r.inflow_streams, ...r.outflow_streams];
    expect(all.some((s) => /starbucks|safeway/i.test(s.merchant_name ?? ''))).toBe(false);
  });

  it('marks a stream that stopped as tombstoned and one seen twice as an early detection', () => {
    const row = (id: string, date: string, name: string, amount: number) =>
      ({
        transaction_id: id,
        account_id: 'acc',
        date,
        name,
        amount,
        pending: false,
        merchant_name: name,
        iso_currency_code: 'USD',
        category: null,
        category_id: null,
        personal_finance_category: null,
      }) as unknown as WireTransaction;
    const streams = recurringStreams(
      'salt',
      [
        row('a1', '2025-01-05', 'Gym', 30),
        row('a2', '2025-02-05', 'Gym', 30),
        row('a3', '2025-03-05', 'Gym', 30),
        row('b1', '2025-07-10', 'Magazine', 9),
        row('b2', '2025-08-10', 'Magazine', 9),
      ],
      '2025-08-20',
    );
    const gym = streams.outflow.find((s) => s.description === 'Gym')!;
    expect(gym).toMatchObject({
      status: 'TOMBSTONED',
      is_active: false,
      predicted_next_date: null,
    });
    const magazine = streams.outflow.find((s) => s.description === 'Magazine')!;
    expect(magazine).toMatchObject({
      status: 'EARLY_DETECTION',
      is_active: true,
      predicted_next_date: '2025-09-10',
    });
  });
});
