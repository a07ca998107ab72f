import { CountryCode } from 'plaid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlaidEmulator } from '../src/index';
import {
  clientFor,
  expectPlaidError,
  plaidFailure,
  startHarness,
  syncToEnd,
  type Harness,
} from './helpers';

let h: Harness;
let itemId: string;
let accessToken: string;

beforeAll(async () => {
  h = await startHarness({ rateLimits: false });
  ({ itemId, accessToken } = h.emulator.control.createItem({ institutionId: 'ins_109508' }));
});
afterAll(() => h.emulator.close());

/** Calls of each rate-limited endpoint, for an Item with every product. */
const CALLS: Record<string, () => Promise<unknown>> = {
  '/transactions/sync': () => h.plaid.transactionsSync({ access_token: accessToken, count: 1 }),
  '/accounts/get': () => h.plaid.accountsGet({ access_token: accessToken }),
  '/accounts/balance/get': () => h.plaid.accountsBalanceGet({ access_token: accessToken }),
  '/item/get': () => h.plaid.itemGet({ access_token: accessToken }),
  '/institutions/get_by_id': () =>
    h.plaid.institutionsGetById({ institution_id: 'ins_109508', country_codes: [CountryCode.Us] }),
  '/transactions/refresh': () => h.plaid.transactionsRefresh({ access_token: accessToken }),
  '/investments/holdings/get': () => h.plaid.investmentsHoldingsGet({ access_token: accessToken }),
};

describe('injected errors', () => {
  it.each([
    ['/transactions/sync', 'TRANSACTIONS_SYNC_LIMIT'],
    ['/accounts/get', 'ACCOUNTS_LIMIT'],
    ['/accounts/balance/get', 'BALANCE_LIMIT'],
    ['/item/get', 'ITEM_GET_LIMIT'],
    ['/institutions/get_by_id', 'INSTITUTIONS_GET_BY_ID_LIMIT'],
    ['/transactions/refresh', 'TRANSACTIONS_REFRESH_LIMIT'],
    ['/investments/holdings/get', 'INVESTMENT_HOLDINGS_GET_LIMIT'],
  ])(
    'answers %s with 429 RATE_LIMIT_EXCEEDED / %s for the next call only',
    async (endpoint, code) => {
      h.emulator.control.inject({ endpoint, error: 'RATE_LIMIT_EXCEEDED' });
      const call = CALLS[endpoint]!;
      expectPlaidError(await plaidFailure(call()), {
        status: 429,
        type: 'RATE_LIMIT_EXCEEDED',
        code,
        displayMessage: 'null',
      });
      await expect(call()).resolves.toBeTruthy();
    },
  );

  it.each([
    ['INTERNAL_SERVER_ERROR', 500, 'API_ERROR'],
    ['PLANNED_MAINTENANCE', 503, 'API_ERROR'],
    ['INSTITUTION_DOWN', 400, 'INSTITUTION_ERROR'],
    ['INSTITUTION_NOT_RESPONDING', 400, 'INSTITUTION_ERROR'],
  ])('answers %s with HTTP %i and type %s', async (code, status, type) => {
    h.emulator.control.inject({ endpoint: '/accounts/get', error: code });
    expectPlaidError(await plaidFailure(CALLS['/accounts/get']!()), { status, type, code });
  });

  it('injects PRODUCT_NOT_READY on endpoints other than sync', async () => {
    h.emulator.control.inject({ endpoint: '/accounts/balance/get', error: 'PRODUCT_NOT_READY' });
    expectPlaidError(await plaidFailure(CALLS['/accounts/balance/get']!()), {
      status: 400,
      type: 'ITEM_ERROR',
      code: 'PRODUCT_NOT_READY',
    });
  });

  it('fires for `times` calls, only for the given Item', async () => {
    const other = h.emulator.control.createItem({ institutionId: 'ins_109511' });
    h.emulator.control.inject({
      endpoint: '/accounts/get',
      itemId,
      times: 3,
      error: 'INTERNAL_SERVER_ERROR',
    });
    expect((await h.plaid.accountsGet({ access_token: other.accessToken })).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await plaidFailure(CALLS['/accounts/get']!())).status).toBe(500);
    expect((await h.plaid.accountsGet({ access_token: accessToken })).status).toBe(200);
  });

  it('draws probabilistic failures from the seed, so a flaky run repeats exactly', async () => {
    const pattern = async () => {
      const emulator = await startPlaidEmulator({
        seed: 5,
        today: '2025-03-14',
        rateLimits: false,
      });
      try {
        const plaid = clientFor(emulator);
        emulator.control.inject({
          endpoint: '/institutions/get_by_id',
          probability: 0.5,
          error: 'INTERNAL_SERVER_ERROR',
        });
        const outcome: boolean[] = [];
        for (let i = 0; i < 40; i++) {
          outcome.push(
            await plaid
              .institutionsGetById({
                institution_id: 'ins_109508',
                country_codes: [CountryCode.Us],
              })
              .then(
                () => true,
                () => false,
              ),
          );
        }
        return outcome;
      } finally {
        await emulator.close();
      }
    };
    const first = await pattern();
    expect(first.filter(Boolean).length).toBeGreaterThan(5);
    expect(first.filter((ok) => !ok).length).toBeGreaterThan(5);
    expect(await pattern()).toEqual(first);
  });

  it('rejects rules Plaid could not produce', () => {
    expect(() =>
      h.emulator.control.inject({ endpoint: '/accounts/get', error: 'NOT_A_CODE' }),
    ).toThrow();
    expect(() =>
      h.emulator.control.inject({ endpoint: 'accounts/get', error: 'INTERNAL_SERVER_ERROR' }),
    ).toThrow();
    expect(() => h.emulator.control.inject({ endpoint: '/accounts/get' })).toThrow();
  });
});

describe('login required, repaired through update mode', () => {
  it('keeps ITEM_LOGIN_REQUIRED until update mode re-authenticates the same Item', async () => {
    const item = h.emulator.control.createItem({ institutionId: 'ins_109508' });
    h.emulator.control.inject({
      endpoint: '/transactions/sync',
      itemId: item.itemId,
      error: 'ITEM_LOGIN_REQUIRED',
    });
    for (let i = 0; i < 2; i++) {
      expectPlaidError(
        await plaidFailure(h.plaid.transactionsSync({ access_token: item.accessToken })),
        {
          status: 400,
          type: 'ITEM_ERROR',
          code: 'ITEM_LOGIN_REQUIRED',
        },
      );
    }
    expect(
      (await h.plaid.itemGet({ access_token: item.accessToken })).data.item.error?.error_code,
    ).toBe('ITEM_LOGIN_REQUIRED');

    const { link_token } = (
      await h.plaid.linkTokenCreate({
        client_name: 'Ledgerlight',
        language: 'en',
        country_codes: [CountryCode.Us],
        user: { client_user_id: 'u' },
        access_token: item.accessToken,
      })
    ).data;
    expect(() => h.emulator.control.completeLink(link_token, { password: 'wrong' })).toThrow(
      /credentials/,
    );
    const repaired = h.emulator.control.completeLink(link_token);
    expect(repaired.itemId).toBe(item.itemId);
    expect((await h.plaid.itemGet({ access_token: item.accessToken })).data.item.error).toBeNull();
    const run = await syncToEnd(h.plaid, item.accessToken, undefined, 500);
    expect(run.added.length).toBeGreaterThan(0);
    // No re-exchange is needed, but if a client does exchange, it gets the same Item back.
    const exchanged = (
      await h.plaid.itemPublicTokenExchange({ public_token: repaired.publicToken })
    ).data;
    expect(exchanged).toMatchObject({ item_id: item.itemId, access_token: item.accessToken });
  });
});

describe('broken transport', () => {
  it('drops the connection without an answer', async () => {
    h.emulator.control.resetCalls();
    h.emulator.control.inject({ endpoint: '/accounts/get', drop: true });
    const error = (await CALLS['/accounts/get']!().then(
      () => null,
      (e: unknown) => e,
    )) as { response?: unknown; code?: string; message: string } | null;
    expect(error).not.toBeNull();
    expect(error!.response).toBeUndefined();
    expect(`${error!.code} ${error!.message}`).toMatch(/ECONNRESET|socket hang up/i);
    const [record] = h.emulator.control.calls({ endpoint: '/accounts/get' });
    expect(record).toMatchObject({ status: null, dropped: true, itemId });
    await expect(CALLS['/accounts/get']!()).resolves.toBeTruthy();
  });

  it('sends fewer bytes than Content-Length and hangs up', async () => {
    h.emulator.control.inject({ endpoint: '/transactions/sync', truncate: true });
    const error = (await h.plaid.transactionsSync({ access_token: accessToken }).then(
      () => null,
      (e: unknown) => e,
    )) as { message: string } | null;
    expect(error).not.toBeNull();
    expect(error!.message).toMatch(/aborted|ECONNRESET|socket hang up|terminated|premature/i);
    const raw = await fetch(`${h.emulator.url}/transactions/sync`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        access_token: accessToken,
        client_id: h.emulator.control.clientId,
        secret: h.emulator.control.secret,
      }),
    });
    expect(raw.status).toBe(200);
    h.emulator.control.inject({ endpoint: '/transactions/sync', truncate: true });
    const cut = await fetch(`${h.emulator.url}/transactions/sync`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        access_token: accessToken,
        client_id: h.emulator.control.clientId,
        secret: h.emulator.control.secret,
      }),
    });
    expect(cut.status).toBe(200);
    const declared = Number(cut.headers.get('content-length'));
    expect(declared).toBeGreaterThan(0);
    await expect(cut.text()).rejects.toThrow();
  });

  it('adds latency', async () => {
    h.emulator.control.inject({ endpoint: '/item/get', latencyMs: 300 });
    const started = performance.now();
    await CALLS['/item/get']!();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const quick = performance.now();
    await CALLS['/item/get']!();
    expect(performance.now() - quick).toBeLessThan(250);
  });
});

describe('rate-limit windows (PLAID-NOTES §5, Sandbox numbers)', () => {
  it('allows 50 /transactions/sync calls per Item per minute, then TRANSACTIONS_SYNC_LIMIT', async () => {
    const limited = await startHarness();
    try {
      const a = limited.emulator.control.createItem({ institutionId: 'ins_109511' });
      const b = limited.emulator.control.createItem({ institutionId: 'ins_109511' });
      for (let i = 0; i < 50; i++)
        await limited.plaid.transactionsSync({ access_token: a.accessToken, count: 1 });
      expectPlaidError(
        await plaidFailure(
          limited.plaid.transactionsSync({ access_token: a.accessToken, count: 1 }),
        ),
        {
          status: 429,
          type: 'RATE_LIMIT_EXCEEDED',
          code: 'TRANSACTIONS_SYNC_LIMIT',
        },
      );
      await limited.plaid.transactionsSync({ access_token: b.accessToken, count: 1 });
      limited.emulator.control.advanceTime(60_001);
      await limited.plaid.transactionsSync({ access_token: a.accessToken, count: 1 });
    } finally {
      await limited.emulator.close();
    }
  });

  it('allows 400 /institutions/get_by_id calls per client per minute', async () => {
    const limited = await startHarness();
    try {
      const call = () =>
        limited.plaid.institutionsGetById({
          institution_id: 'ins_109508',
          country_codes: [CountryCode.Us],
        });
      for (let i = 0; i < 400; i++) await call();
      expect((await plaidFailure(call())).data.error_code).toBe('INSTITUTIONS_GET_BY_ID_LIMIT');
    } finally {
      await limited.emulator.close();
    }
  });

  it('takes per-endpoint overrides, counts per client across Items, and can be switched off', async () => {
    const limited = await startHarness({ rateLimits: { '/accounts/get': { perClient: 3 } } });
    try {
      const items = [0, 1, 2, 3].map(() =>
        limited.emulator.control.createItem({ institutionId: 'ins_109511' }),
      );
      for (const item of items.slice(0, 3))
        await limited.plaid.accountsGet({ access_token: item.accessToken });
      const failure = await plaidFailure(
        limited.plaid.accountsGet({ access_token: items[3]!.accessToken }),
      );
      expectPlaidError(failure, {
        status: 429,
        type: 'RATE_LIMIT_EXCEEDED',
        code: 'ACCOUNTS_LIMIT',
      });
      limited.emulator.control.setRateLimits(false);
      for (let i = 0; i < 10; i++)
        await limited.plaid.accountsGet({ access_token: items[3]!.accessToken });
    } finally {
      await limited.emulator.close();
    }
  });
});

describe('call log', () => {
  it('records every call with its outcome and a redacted body', async () => {
    h.emulator.control.resetCalls();
    await h.plaid.accountsGet({ access_token: accessToken });
    await plaidFailure(
      h.plaid.accountsGet({ access_token: 'access-sandbox-00000000-0000-4000-8000-000000000000' }),
    );
    await fetch(`${h.emulator.url}/nowhere`, { method: 'POST', body: '{}' });
    const calls = h.emulator.control.calls();
    expect(calls.map((c) => [c.endpoint, c.status, c.errorCode])).toEqual([
      ['/accounts/get', 200, null],
      ['/accounts/get', 400, 'INVALID_ACCESS_TOKEN'],
      ['/nowhere', 404, 'NOT_FOUND'],
    ]);
    expect(calls[0]!.itemId).toBe(itemId);
    expect(calls[0]!.requestId).toMatch(/^[A-Za-z0-9]{15}$/);
    expect(Date.parse(calls[0]!.time)).not.toBeNaN();
    const logged = JSON.stringify(calls);
    expect(logged).not.toContain(accessToken);
    expect(logged).not.toContain(h.emulator.control.secret);
    expect(calls[0]!.request).toEqual({ access_token: '[REDACTED]' });
    h.emulator.control.resetCalls();
    expect(h.emulator.control.calls()).toEqual([]);
  });
});

describe('named scenarios', () => {
  it("'login-required' breaks the login once the first full sync is delivered", async () => {
    const s = await startHarness({ scenario: 'login-required', rateLimits: false });
    try {
      const item = s.emulator.control.createItem({ institutionId: 'ins_109511' });
      await syncToEnd(s.plaid, item.accessToken, undefined, 500);
      expect(
        (await plaidFailure(s.plaid.transactionsSync({ access_token: item.accessToken }))).data
          .error_code,
      ).toBe('ITEM_LOGIN_REQUIRED');
    } finally {
      await s.emulator.close();
    }
  });

  it("'mutation-during-pagination' fails the first second page once", async () => {
    const s = await startHarness({ scenario: 'mutation-during-pagination', rateLimits: false });
    try {
      const item = s.emulator.control.createItem({ institutionId: 'ins_109508' });
      const first = await s.plaid.transactionsSync({ access_token: item.accessToken, count: 500 });
      const failure = await plaidFailure(
        s.plaid.transactionsSync({
          access_token: item.accessToken,
          cursor: first.data.next_cursor,
          count: 500,
        }),
      );
      expect(failure.data.error_code).toBe('TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION');
      const run = await syncToEnd(s.plaid, item.accessToken, undefined, 500);
      expect(run.added.length).toBe(s.emulator.control.groundTruth(item.itemId).length);
    } finally {
      await s.emulator.close();
    }
  });

  it("'flaky' fails some calls with 500s and 429s", async () => {
    const s = await startHarness({ scenario: 'flaky', rateLimits: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 80; i++) {
        const status = await s.plaid
          .institutionsGetById({ institution_id: 'ins_109508', country_codes: [CountryCode.Us] })
          .then(
            (r) => r.status,
            (e: { response?: { status: number } }) => e.response?.status ?? 0,
          );
        statuses.push(status);
      }
      expect(statuses).toContain(200);
      expect(statuses).toContain(500);
      expect(statuses.some((x) => x === 429 || x === 0)).toBe(true);
    } finally {
      await s.emulator.close();
    }
  });
});
