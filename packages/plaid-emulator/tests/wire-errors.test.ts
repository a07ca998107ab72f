import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountryCode, Products } from 'plaid';
import {
  clientFor,
  expectPlaidError,
  keylessClient,
  plaidFailure,
  rawPost,
  startHarness,
  type Harness,
} from './helpers';

let h: Harness;
let accessToken: string;

beforeAll(async () => {
  h = await startHarness();
  accessToken = h.emulator.control.createItem({ institutionId: 'ins_109508' }).accessToken;
});
afterAll(() => h.emulator.close());

describe('authentication (PLAID-NOTES §1, §10.1)', () => {
  it('accepts the keys as PLAID-CLIENT-ID / PLAID-SECRET headers', async () => {
    const { data } = await h.plaid.itemGet({ access_token: accessToken });
    expect(data.item.institution_id).toBe('ins_109508');
    expect(data.request_id).toMatch(/^[A-Za-z0-9]{15}$/);
  });

  it('accepts the keys in the JSON body', async () => {
    const plaid = keylessClient(h.emulator);
    const { data } = await plaid.itemGet({
      access_token: accessToken,
      client_id: h.emulator.control.clientId,
      secret: h.emulator.control.secret,
    });
    expect(data.item.item_id).toHaveLength(37);
  });

  it('matches the header names case-insensitively', async () => {
    const { status, data } = await rawPost(
      h.emulator,
      '/item/get',
      JSON.stringify({ access_token: accessToken }),
      {
        'plaid-client-id': h.emulator.control.clientId,
        'Plaid-Secret': h.emulator.control.secret,
      },
    );
    expect(status).toBe(200);
    expect(data.request_id).toBeTypeOf('string');
  });

  it('answers wrong keys with 400 INVALID_INPUT / INVALID_API_KEYS', async () => {
    const plaid = clientFor(h.emulator, { secret: 'not-the-secret' });
    expectPlaidError(await plaidFailure(plaid.itemGet({ access_token: accessToken })), {
      status: 400,
      type: 'INVALID_INPUT',
      code: 'INVALID_API_KEYS',
      displayMessage: 'null',
    });
    const wrongBody = keylessClient(h.emulator);
    expectPlaidError(
      await plaidFailure(
        wrongBody.itemGet({
          access_token: accessToken,
          client_id: 'someone-else',
          secret: h.emulator.control.secret,
        }),
      ),
      { status: 400, type: 'INVALID_INPUT', code: 'INVALID_API_KEYS' },
    );
  });

  it('answers missing keys with INVALID_API_KEYS too', async () => {
    expectPlaidError(
      await plaidFailure(keylessClient(h.emulator).itemGet({ access_token: accessToken })),
      {
        status: 400,
        type: 'INVALID_INPUT',
        code: 'INVALID_API_KEYS',
      },
    );
  });

  it('honours custom keys given at start-up', async () => {
    const custom = await startHarness({ clientId: 'my-id', secret: 'my-secret' });
    try {
      const good = clientFor(custom.emulator, { clientId: 'my-id', secret: 'my-secret' });
      const { data } = await good.institutionsGetById({
        institution_id: 'ins_109508',
        country_codes: [CountryCode.Us],
      });
      expect(data.institution.name).toBe('First Platypus Bank');
      const defaults = clientFor(custom.emulator, {
        clientId: 'emulator-client-id',
        secret: 'emulator-secret',
      });
      const failure = await plaidFailure(
        defaults.institutionsGetById({
          institution_id: 'ins_109508',
          country_codes: [CountryCode.Us],
        }),
      );
      expect(failure.data.error_code).toBe('INVALID_API_KEYS');
    } finally {
      await custom.emulator.close();
    }
  });
});

describe('request errors (PLAID-NOTES §3)', () => {
  const keys = () => ({
    'PLAID-CLIENT-ID': h.emulator.control.clientId,
    'PLAID-SECRET': h.emulator.control.secret,
  });

  it('answers an unknown path with 404 INVALID_REQUEST / NOT_FOUND', async () => {
    const failure = await rawPost(h.emulator, '/transactions/teleport', '{}', keys());
    expectPlaidError(failure, { status: 404, type: 'INVALID_REQUEST', code: 'NOT_FOUND' });
    const get = await fetch(`${h.emulator.url}/item/get`);
    expect(get.status).toBe(404);
    expect(((await get.json()) as { error_code: string }).error_code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with INVALID_BODY', async () => {
    expectPlaidError(await rawPost(h.emulator, '/item/get', '{"access_token": ', keys()), {
      status: 400,
      type: 'INVALID_REQUEST',
      code: 'INVALID_BODY',
    });
    expectPlaidError(await rawPost(h.emulator, '/item/get', '[1,2]', keys()), {
      status: 400,
      type: 'INVALID_REQUEST',
      code: 'INVALID_BODY',
    });
  });

  it('lists every missing required field in MISSING_FIELDS', async () => {
    const failure = await plaidFailure(
      h.plaid.linkTokenCreate({} as unknown as Parameters<typeof h.plaid.linkTokenCreate>[0]),
    );
    expectPlaidError(failure, { status: 400, type: 'INVALID_REQUEST', code: 'MISSING_FIELDS' });
    for (const field of ['client_name', 'language', 'country_codes']) {
      expect(failure.data.error_message).toContain(field);
    }
  });

  it('refuses fields the endpoint does not know with UNKNOWN_FIELDS', async () => {
    const failure = await plaidFailure(
      h.plaid.itemGet({ access_token: accessToken, colour: 'blue' } as unknown as {
        access_token: string;
      }),
    );
    expectPlaidError(failure, { status: 400, type: 'INVALID_REQUEST', code: 'UNKNOWN_FIELDS' });
    expect(failure.data.error_message).toContain('colour');
    const nested = await plaidFailure(
      h.plaid.transactionsSync({
        access_token: accessToken,
        options: { flavour: 'x' } as unknown as { account_id: string },
      }),
    );
    expect(nested.data.error_code).toBe('UNKNOWN_FIELDS');
    expect(nested.data.error_message).toContain('options.flavour');
  });

  it('answers a wrongly typed field with INVALID_FIELD', async () => {
    const failure = await plaidFailure(
      h.plaid.transactionsSync({ access_token: accessToken, count: 'ten' as unknown as number }),
    );
    expectPlaidError(failure, { status: 400, type: 'INVALID_REQUEST', code: 'INVALID_FIELD' });
    expect(failure.data.error_message).toContain('count');
  });

  it('puts request_id on every 200 and a fresh one on every call', async () => {
    const a = await h.plaid.accountsGet({ access_token: accessToken });
    const b = await h.plaid.accountsGet({ access_token: accessToken });
    expect(a.data.request_id).toMatch(/^[A-Za-z0-9]{15}$/);
    expect(b.data.request_id).not.toBe(a.data.request_id);
  });

  it('answers a malformed access token with INVALID_INPUT / INVALID_ACCESS_TOKEN', async () => {
    for (const token of [
      'nonsense',
      'access-production-8ab976e9-6e2c-4b2c-9d28-5e4a6b1c2d3e',
      'access-sandbox-00000000-0000-4000-8000-000000000000',
    ]) {
      expectPlaidError(await plaidFailure(h.plaid.accountsGet({ access_token: token })), {
        status: 400,
        type: 'INVALID_INPUT',
        code: 'INVALID_ACCESS_TOKEN',
      });
    }
  });

  it('answers an unknown product with INVALID_PRODUCT and singles out balance', async () => {
    const base = {
      client_name: 'Ledgerlight',
      language: 'en',
      country_codes: [CountryCode.Us],
      user: { client_user_id: 'u-1' },
    };
    const balance = await plaidFailure(
      h.plaid.linkTokenCreate({ ...base, products: [Products.Balance] }),
    );
    expectPlaidError(balance, { status: 400, type: 'INVALID_INPUT', code: 'INVALID_PRODUCT' });
    expect(balance.data.error_message).toContain('balance');
    const bogus = await plaidFailure(
      h.plaid.linkTokenCreate({ ...base, products: ['teleportation' as Products] }),
    );
    expect(bogus.data.error_code).toBe('INVALID_PRODUCT');
  });
});
