import { CountryCode, Products } from 'plaid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectPlaidError, plaidFailure, startHarness, TODAY, type Harness } from './helpers';

/**
 * /sandbox/transactions/create as Plaid Sandbox defines it, and Link update mode with account
 * selection: after it the Item holds only the accounts chosen, through the real SDK.
 */

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emulator.close();
});

async function linkedItem(username = 'user_good', password = 'pass_good') {
  const { public_token } = (
    await h.plaid.sandboxPublicTokenCreate({
      institution_id: 'ins_109508',
      initial_products: [Products.Transactions],
      options: { override_username: username, override_password: password },
    })
  ).data;
  return (await h.plaid.itemPublicTokenExchange({ public_token })).data;
}

async function syncAll(access_token: string, cursor?: string) {
  const added: string[] = [];
  const removed: string[] = [];
  let next = cursor;
  for (;;) {
    const { data } = await h.plaid.transactionsSync({
      access_token,
      count: 500,
      ...(next ? { cursor: next } : {}),
    });
    added.push(...data.added.map((t) => t.transaction_id));
    removed.push(...data.removed.map((r) => r.transaction_id));
    next = data.next_cursor;
    if (!data.has_more) return { added, removed, cursor: next, accounts: data.accounts };
  }
}

describe('/sandbox/transactions/create', () => {
  it('adds posted transactions to a user_transactions_dynamic Item, reported by the next sync', async () => {
    const { access_token } = await linkedItem('user_transactions_dynamic', 'anything');
    const before = await syncAll(access_token);
    const { data } = await h.plaid.sandboxTransactionsCreate({
      access_token,
      transactions: [
        {
          date_transacted: TODAY,
          date_posted: TODAY,
          amount: 12.34,
          description: 'Emulated coffee',
        },
      ],
    });
    expect(data.request_id).toMatch(/^\w{15}$/);
    const { data: page } = await h.plaid.transactionsSync({ access_token, cursor: before.cursor });
    expect(page.added).toHaveLength(1);
    expect(page.added[0]).toMatchObject({
      name: 'Emulated coffee',
      amount: 12.34,
      date: TODAY,
      authorized_date: TODAY,
      pending: false,
      iso_currency_code: 'USD',
    });
  });

  it('refuses an Item of another test user, more than 10 rows and dates older than 14 days', async () => {
    const good = await linkedItem();
    const row = { date_transacted: TODAY, date_posted: TODAY, amount: 1, description: 'x' };
    for (const call of [
      h.plaid.sandboxTransactionsCreate({ access_token: good.access_token, transactions: [row] }),
    ]) {
      expectPlaidError(await plaidFailure(call), {
        status: 400,
        type: 'INVALID_REQUEST',
        code: 'INVALID_FIELD',
      });
    }
    const dynamic = await linkedItem('user_transactions_dynamic', 'x');
    for (const transactions of [
      Array.from({ length: 11 }, () => row),
      [{ ...row, date_transacted: '2025-02-01', date_posted: '2025-02-01' }],
      [{ ...row, date_transacted: '2025-03-15', date_posted: '2025-03-15' }],
    ]) {
      expectPlaidError(
        await plaidFailure(
          h.plaid.sandboxTransactionsCreate({ access_token: dynamic.access_token, transactions }),
        ),
        { status: 400, type: 'INVALID_REQUEST', code: 'INVALID_FIELD' },
      );
    }
  });
});

describe('update mode with account selection', () => {
  it('leaves the Item with only the chosen accounts and brings a newly chosen one with its history', async () => {
    const { access_token, item_id } = await linkedItem();
    const first = await syncAll(access_token);
    const all = (await h.plaid.accountsGet({ access_token })).data.accounts;
    const savings = all.find((a) => a.subtype === 'savings')!;
    const savingsRows = h.emulator.control
      .groundTruth(item_id)
      .filter((t) => t.account_id === savings.account_id);
    expect(savingsRows.length).toBeGreaterThan(0);

    const update = async (accountIds: string[]) => {
      const { link_token } = (
        await h.plaid.linkTokenCreate({
          client_name: 'Test',
          language: 'en',
          country_codes: [CountryCode.Us],
          user: { client_user_id: 'u1' },
          access_token,
          update: { account_selection_enabled: true },
        })
      ).data;
      return h.emulator.control.completeLink(link_token, { accountIds });
    };

    await update(all.filter((a) => a !== savings).map((a) => a.account_id));
    const after = (await h.plaid.accountsGet({ access_token })).data.accounts;
    expect(after.map((a) => a.account_id)).not.toContain(savings.account_id);
    expect(after).toHaveLength(all.length - 1);
    const second = await syncAll(access_token, first.cursor);
    expect(second.accounts.map((a) => a.account_id)).not.toContain(savings.account_id);
    expect(second.removed.sort()).toEqual(savingsRows.map((t) => t.transaction_id).sort());

    await update(all.map((a) => a.account_id));
    const third = await syncAll(access_token, second.cursor);
    expect(third.added.sort()).toEqual(savingsRows.map((t) => t.transaction_id).sort());
    expect((await h.plaid.accountsGet({ access_token })).data.accounts).toHaveLength(all.length);
  });
});
