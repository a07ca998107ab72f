import { CountryCode, Products } from 'plaid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPlaidError, plaidFailure, startHarness, type Harness } from './helpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ rateLimits: false });
});
afterAll(() => h.emulator.close());

async function linkedItem(institution_id = 'ins_109508', options = {}) {
  const { public_token } = (
    await h.plaid.sandboxPublicTokenCreate({
      institution_id,
      initial_products: [Products.Transactions],
      options,
    })
  ).data;
  return (await h.plaid.itemPublicTokenExchange({ public_token })).data;
}

describe('/sandbox/public_token/create and /item/public_token/exchange', () => {
  it('creates an Item whose public token exchanges once for an access token', async () => {
    const { public_token } = (
      await h.plaid.sandboxPublicTokenCreate({
        institution_id: 'ins_109508',
        initial_products: [Products.Transactions],
      })
    ).data;
    expect(public_token).toMatch(/^public-sandbox-[0-9a-f-]{36}$/);
    const { access_token, item_id, request_id } = (
      await h.plaid.itemPublicTokenExchange({ public_token })
    ).data;
    expect(access_token).toMatch(/^access-sandbox-[0-9a-f-]{36}$/);
    expect(item_id).toMatch(/^[0-9A-Za-z]{37}$/);
    expect(request_id).toMatch(/^[A-Za-z0-9]{15}$/);
    expectPlaidError(await plaidFailure(h.plaid.itemPublicTokenExchange({ public_token })), {
      status: 400,
      type: 'INVALID_INPUT',
      code: 'INVALID_PUBLIC_TOKEN',
    });
  });

  it('expires a public token after 30 minutes', async () => {
    const { public_token } = (
      await h.plaid.sandboxPublicTokenCreate({
        institution_id: 'ins_109511',
        initial_products: [Products.Transactions],
      })
    ).data;
    h.emulator.control.advanceTime(30 * 60_000 + 1000);
    expectPlaidError(await plaidFailure(h.plaid.itemPublicTokenExchange({ public_token })), {
      status: 400,
      type: 'INVALID_INPUT',
      code: 'INVALID_PUBLIC_TOKEN',
    });
  });

  it('refuses malformed public tokens, unknown institutions, bad credentials and the down institution', async () => {
    expect(
      (await plaidFailure(h.plaid.itemPublicTokenExchange({ public_token: 'public-nonsense' })))
        .data.error_code,
    ).toBe('INVALID_PUBLIC_TOKEN');
    expectPlaidError(
      await plaidFailure(
        h.plaid.sandboxPublicTokenCreate({
          institution_id: 'ins_1',
          initial_products: [Products.Transactions],
        }),
      ),
      { status: 400, type: 'INVALID_INPUT', code: 'INVALID_INSTITUTION' },
    );
    expectPlaidError(
      await plaidFailure(
        h.plaid.sandboxPublicTokenCreate({
          institution_id: 'ins_109508',
          initial_products: [Products.Transactions],
          options: { override_username: 'user_good', override_password: 'nope' },
        }),
      ),
      { status: 400, type: 'ITEM_ERROR', code: 'INVALID_CREDENTIALS', displayMessage: 'set' },
    );
    expectPlaidError(
      await plaidFailure(
        h.plaid.sandboxPublicTokenCreate({
          institution_id: 'ins_132361',
          initial_products: [Products.Transactions],
        }),
      ),
      { status: 400, type: 'INSTITUTION_ERROR', code: 'INSTITUTION_DOWN', displayMessage: 'set' },
    );
    expect(
      (
        await plaidFailure(
          h.plaid.sandboxPublicTokenCreate({
            institution_id: 'ins_109508',
            initial_products: [Products.Balance],
          }),
        )
      ).data.error_code,
    ).toBe('INVALID_PRODUCT');
  });

  it('defaults to 90 days of history, as Plaid does, and honours days_requested', async () => {
    const short = await linkedItem('ins_109508');
    const long = await linkedItem('ins_109508', { transactions: { days_requested: 730 } });
    const span = (itemId: string) => {
      const dates = h.emulator.control
        .groundTruth(itemId)
        .map((t) => t.date)
        .sort();
      return (Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / 86_400_000;
    };
    expect(span(short.item_id)).toBeLessThanOrEqual(92);
    expect(span(long.item_id)).toBeGreaterThan(700);
  });
});

describe('/item/get, /item/remove, /sandbox/item/reset_login', () => {
  it('describes the Item, its products and its transactions status', async () => {
    const { access_token, item_id } = await linkedItem();
    const { data } = await h.plaid.itemGet({ access_token });
    expect(data.item).toMatchObject({
      item_id,
      institution_id: 'ins_109508',
      webhook: null,
      error: null,
      billed_products: ['transactions'],
      consent_expiration_time: null,
      update_type: 'background',
    });
    expect(data.item.available_products).toContain('balance');
    expect(data.item.available_products).not.toContain('transactions');
    expect(data.status?.transactions?.last_successful_update).toEqual(expect.any(String));
  });

  it('reports ITEM_LOGIN_REQUIRED in item.error after reset_login while data endpoints answer with it', async () => {
    const { access_token } = await linkedItem();
    expect((await h.plaid.sandboxItemResetLogin({ access_token })).data.reset_login).toBe(true);
    const { data } = await h.plaid.itemGet({ access_token });
    expect(data.item.error).toMatchObject({
      error_type: 'ITEM_ERROR',
      error_code: 'ITEM_LOGIN_REQUIRED',
    });
    expect(data.item.error).not.toHaveProperty('status');
    for (const call of [
      h.plaid.accountsGet({ access_token }),
      h.plaid.accountsBalanceGet({ access_token }),
      h.plaid.transactionsSync({ access_token }),
      h.plaid.transactionsRefresh({ access_token }),
    ]) {
      expectPlaidError(await plaidFailure(call), {
        status: 400,
        type: 'ITEM_ERROR',
        code: 'ITEM_LOGIN_REQUIRED',
      });
    }
  });

  it('turns an expired consent into ITEM_LOGIN_REQUIRED', async () => {
    const { access_token, item_id } = await linkedItem();
    const expiry = new Date(
      Date.parse(h.emulator.control.today() + 'T00:00:00Z') + 5 * 86_400_000,
    ).toISOString();
    h.emulator.control.setConsentExpiration(item_id, expiry);
    expect((await h.plaid.itemGet({ access_token })).data.item.consent_expiration_time).toBe(
      expiry,
    );
    await h.plaid.accountsGet({ access_token });
    h.emulator.control.advanceTime(6 * 86_400_000);
    expect((await plaidFailure(h.plaid.accountsGet({ access_token }))).data.error_code).toBe(
      'ITEM_LOGIN_REQUIRED',
    );
    h.emulator.control.setConsentExpiration(item_id, null);
    expect((await h.plaid.itemGet({ access_token })).data.item.consent_expiration_time).toBeNull();
  });

  it('answers a removed Item with ITEM_NOT_FOUND, or INVALID_ACCESS_TOKEN when so configured', async () => {
    const first = await linkedItem();
    expect(
      (await h.plaid.itemRemove({ access_token: first.access_token })).data.request_id,
    ).toEqual(expect.any(String));
    expectPlaidError(
      await plaidFailure(h.plaid.accountsGet({ access_token: first.access_token })),
      {
        status: 400,
        type: 'ITEM_ERROR',
        code: 'ITEM_NOT_FOUND',
      },
    );
    h.emulator.control.setRemovedItemError('INVALID_ACCESS_TOKEN');
    try {
      const second = await linkedItem();
      await h.plaid.itemRemove({ access_token: second.access_token });
      expectPlaidError(await plaidFailure(h.plaid.itemGet({ access_token: second.access_token })), {
        status: 400,
        type: 'INVALID_INPUT',
        code: 'INVALID_ACCESS_TOKEN',
      });
    } finally {
      h.emulator.control.setRemovedItemError('ITEM_NOT_FOUND');
    }
  });
});

describe('/institutions/get_by_id', () => {
  it('returns the sandbox institution without optional metadata unless asked', async () => {
    const { data } = await h.plaid.institutionsGetById({
      institution_id: 'ins_109508',
      country_codes: [CountryCode.Us],
    });
    expect(data.institution).toMatchObject({
      institution_id: 'ins_109508',
      name: 'First Platypus Bank',
      oauth: false,
    });
    expect(data.institution).not.toHaveProperty('logo');
    expect(data.institution).not.toHaveProperty('status');
    expect(data.institution.routing_numbers.length).toBeGreaterThan(0);
  });

  it('adds a base64 PNG logo (or null), primary_color and url with include_optional_metadata', async () => {
    const { data } = await h.plaid.institutionsGetById({
      institution_id: 'ins_127287',
      country_codes: [CountryCode.Us],
      options: { include_optional_metadata: true },
    });
    expect(data.institution.oauth).toBe(true);
    expect(data.institution.primary_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(data.institution.url).toMatch(/^https:\/\//);
    const png = Buffer.from(data.institution.logo!, 'base64');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const houndstooth = await h.plaid.institutionsGetById({
      institution_id: 'ins_109512',
      country_codes: [CountryCode.Us],
      options: { include_optional_metadata: true },
    });
    expect(houndstooth.data.institution.logo).toBeNull();
  });

  it.each([
    ['ins_109508', 'HEALTHY'],
    ['ins_132363', 'DEGRADED'],
    ['ins_132361', 'DOWN'],
  ])('reports %s as %s with include_status', async (institution_id, status) => {
    const { data } = await h.plaid.institutionsGetById({
      institution_id,
      country_codes: [CountryCode.Us],
      options: { include_status: true },
    });
    expect(data.institution.status?.transactions_updates?.status).toBe(status);
    expect(data.institution.status?.item_logins?.status).toBe(status);
  });

  it('lets control change an institution status, and an Item there then fails with INSTITUTION_DOWN', async () => {
    const { access_token } = await linkedItem('ins_109512');
    h.emulator.control.setInstitutionStatus('ins_109512', 'DOWN');
    try {
      expectPlaidError(await plaidFailure(h.plaid.transactionsSync({ access_token })), {
        status: 400,
        type: 'INSTITUTION_ERROR',
        code: 'INSTITUTION_DOWN',
      });
      expect((await h.plaid.itemGet({ access_token })).data.item.item_id).toBeTruthy();
    } finally {
      h.emulator.control.setInstitutionStatus('ins_109512', 'HEALTHY');
    }
  });

  it('answers an unknown institution or country with INVALID_INSTITUTION', async () => {
    for (const [institution_id, country] of [
      ['ins_999999', CountryCode.Us],
      ['ins_109508', CountryCode.Gb],
    ] as const) {
      expectPlaidError(
        await plaidFailure(
          h.plaid.institutionsGetById({ institution_id, country_codes: [country] }),
        ),
        {
          status: 400,
          type: 'INVALID_INPUT',
          code: 'INVALID_INSTITUTION',
        },
      );
    }
  });
});

describe('/accounts/get and /accounts/balance/get', () => {
  it('lists every account type with consistent balances and one currency code', async () => {
    const { access_token } = await linkedItem();
    const { data } = await h.plaid.accountsGet({ access_token });
    const bySubtype = new Map(data.accounts.map((a) => [a.subtype, a]));
    for (const subtype of [
      'checking',
      'savings',
      'credit card',
      'student',
      'mortgage',
      'ira',
      '401k',
    ]) {
      expect(bySubtype.has(subtype as never), subtype).toBe(true);
    }
    const currencies = new Set(data.accounts.map((a) => a.balances.iso_currency_code));
    expect([...currencies].sort()).toEqual(['CAD', 'USD']);
    for (const a of data.accounts) {
      expect(a.account_id).toMatch(/^[0-9A-Za-z]{37}$/);
      expect(a.balances.unofficial_currency_code).toBeNull();
      expect(a.balances.last_updated_datetime ?? null).toBeNull();
      expect(Number.isInteger(Math.round((a.balances.current ?? 0) * 100))).toBe(true);
    }
    const card = bySubtype.get('credit card' as never)!;
    expect(card.balances.limit).toBeGreaterThan(0);
    expect(card.balances.available).toBeCloseTo(
      card.balances.limit! - card.balances.current! - pendingOn(card.account_id),
      2,
    );
    expect(data.item.institution_id).toBe('ins_109508');

    function pendingOn(accountId: string): number {
      return h.emulator.control
        .groundTruth(data.item.item_id)
        .filter((t) => t.pending && t.account_id === accountId)
        .reduce((sum, t) => sum + Math.max(0, t.amount), 0);
    }
  });

  it('filters by options.account_ids and refuses unknown ids', async () => {
    const { access_token } = await linkedItem();
    const all = (await h.plaid.accountsGet({ access_token })).data.accounts;
    const one = (
      await h.plaid.accountsGet({ access_token, options: { account_ids: [all[1]!.account_id] } })
    ).data;
    expect(one.accounts.map((a) => a.account_id)).toEqual([all[1]!.account_id]);
    expectPlaidError(
      await plaidFailure(h.plaid.accountsGet({ access_token, options: { account_ids: ['nope'] } })),
      { status: 400, type: 'INVALID_INPUT', code: 'INVALID_ACCOUNT_ID' },
    );
  });

  it('stamps real-time balances, and they move when the feed does', async () => {
    const { access_token, item_id } = await linkedItem();
    const before = (await h.plaid.accountsBalanceGet({ access_token })).data.accounts;
    expect(before.every((a) => typeof a.balances.last_updated_datetime === 'string')).toBe(true);
    h.emulator.control.advance({ days: 20, itemId: item_id });
    const after = (await h.plaid.accountsBalanceGet({ access_token })).data.accounts;
    const checking = (list: typeof before) =>
      list.find((a) => a.subtype === 'checking' && a.balances.iso_currency_code === 'USD')!;
    expect(checking(after).balances.current).not.toBe(checking(before).balances.current);
  });
});

describe('/transactions/refresh', () => {
  it('moves a user_transactions_dynamic Item forward and leaves user_good alone', async () => {
    const dynamic = await linkedItem('ins_109508', {
      override_username: 'user_transactions_dynamic',
      override_password: 'x',
    });
    const good = await linkedItem('ins_109508');
    const before = h.emulator.control.today(dynamic.item_id);
    await h.plaid.transactionsRefresh({ access_token: dynamic.access_token });
    await h.plaid.transactionsRefresh({ access_token: good.access_token });
    expect(h.emulator.control.today(dynamic.item_id) > before).toBe(true);
    expect(h.emulator.control.today(good.item_id)).toBe(before);
  });
});

describe('/investments/holdings/get and /liabilities/get', () => {
  it('returns holdings whose securities are all listed, in more than one currency', async () => {
    const { access_token } = await linkedItem();
    const { data } = await h.plaid.investmentsHoldingsGet({ access_token });
    expect(data.accounts.map((a) => a.subtype).sort()).toEqual(['401k', 'ira']);
    const securities = new Map(data.securities.map((s) => [s.security_id, s]));
    expect(data.holdings.length).toBeGreaterThan(3);
    for (const holding of data.holdings) {
      const security = securities.get(holding.security_id);
      expect(security, holding.security_id).toBeDefined();
      expect(holding.institution_value).toBeCloseTo(
        holding.quantity * holding.institution_price,
        1,
      );
    }
    expect(data.securities.some((s) => s.is_cash_equivalent)).toBe(true);
    const houndstooth = await linkedItem('ins_109512');
    const brokerage = (
      await h.plaid.investmentsHoldingsGet({ access_token: houndstooth.access_token })
    ).data;
    expect(new Set(brokerage.holdings.map((x) => x.iso_currency_code))).toEqual(
      new Set(['USD', 'CAD']),
    );
  });

  it('returns credit, student and mortgage liabilities', async () => {
    const { access_token } = await linkedItem();
    const { liabilities, accounts } = (await h.plaid.liabilitiesGet({ access_token })).data;
    expect(liabilities.credit).toHaveLength(1);
    expect(liabilities.student).toHaveLength(1);
    expect(liabilities.mortgage).toHaveLength(1);
    expect(liabilities.credit![0]!.aprs.map((a) => a.apr_type)).toContain('purchase_apr');
    expect(liabilities.mortgage![0]!.interest_rate.type).toBe('fixed');
    expect(liabilities.student![0]!.loan_status.type).toBe('repayment');
    const ids = new Set(accounts.map((a) => a.account_id));
    expect(ids.has(liabilities.credit![0]!.account_id!)).toBe(true);
    expect(accounts.every((a) => a.type === 'credit' || a.type === 'loan')).toBe(true);
  });

  it('answers NO_INVESTMENT_ACCOUNTS and NO_LIABILITY_ACCOUNTS where the Item lacks them', async () => {
    const { access_token } = await linkedItem('ins_109511');
    expectPlaidError(await plaidFailure(h.plaid.investmentsHoldingsGet({ access_token })), {
      status: 400,
      type: 'ITEM_ERROR',
      code: 'NO_INVESTMENT_ACCOUNTS',
    });
    expectPlaidError(await plaidFailure(h.plaid.liabilitiesGet({ access_token })), {
      status: 400,
      type: 'ITEM_ERROR',
      code: 'NO_LIABILITY_ACCOUNTS',
    });
  });
});
