import { CountryCode, Products, type LinkTokenCreateRequest } from 'plaid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/dates';
import {
  expectPlaidError,
  plaidFailure,
  rawPost,
  startHarness,
  TODAY,
  type Harness,
} from './helpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ rateLimits: false });
});
afterAll(() => h.emulator.close());

const base = (): LinkTokenCreateRequest => ({
  client_name: 'Ledgerlight',
  language: 'en',
  country_codes: [CountryCode.Us],
  user: { client_user_id: 'user-1' },
  products: [Products.Transactions],
});

async function linkUi<T>(path: string, body: Record<string, unknown>) {
  return rawPost(h.emulator, `/link/v2/stable/api/${path}`, JSON.stringify(body)) as Promise<{
    status: number;
    data: T & Record<string, unknown>;
  }>;
}

describe('/link/token/create', () => {
  it('issues a link-sandbox token valid for four hours', async () => {
    const { data } = await h.plaid.linkTokenCreate(base());
    expect(data.link_token).toMatch(
      /^link-sandbox-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // The emulator's clock starts on TODAY, so measure against the token's own creation time.
    const got = (await h.plaid.linkTokenGet({ link_token: data.link_token })).data;
    expect(got.expiration).toBe(data.expiration);
    expect(Date.parse(got.expiration!) - Date.parse(got.created_at!)).toBe(4 * 3_600_000);
    expect(got.created_at!.slice(0, 10)).toBe(TODAY);
    expect(data.hosted_link_url).toBeUndefined();
  });

  it.each([
    ['client_name longer than 30 characters', { client_name: 'L'.repeat(31) }, 'INVALID_FIELD'],
    ['days_requested 0', { transactions: { days_requested: 0 } }, 'INVALID_FIELD'],
    ['days_requested 731', { transactions: { days_requested: 731 } }, 'INVALID_FIELD'],
    ['an unsupported language', { language: 'tlh' }, 'INVALID_FIELD'],
    ['an unknown country', { country_codes: ['XX'] }, 'INVALID_FIELD'],
    ['no country', { country_codes: [] }, 'INVALID_FIELD'],
    ['an empty product list', { products: [] }, 'INVALID_FIELD'],
    ['no product list for a new Item', { products: undefined }, 'MISSING_FIELDS'],
    ['no user', { user: undefined }, 'MISSING_FIELDS'],
    ['balance as a product', { products: ['balance'] }, 'INVALID_PRODUCT'],
    ['balance as an optional product', { optional_products: ['balance'] }, 'INVALID_PRODUCT'],
  ])('refuses %s', async (_label, patch, code) => {
    const failure = await plaidFailure(
      h.plaid.linkTokenCreate({ ...base(), ...patch } as LinkTokenCreateRequest),
    );
    expect(failure.status).toBe(400);
    expect(failure.data.error_code).toBe(code);
  });

  it('accepts days_requested at the bounds 1 and 730', async () => {
    for (const days of [1, 730]) {
      const { data } = await h.plaid.linkTokenCreate({
        ...base(),
        transactions: { days_requested: days },
      });
      expect(data.link_token).toMatch(/^link-sandbox-/);
    }
  });

  it.each([
    ['https://app.example.com/oauth', true],
    ['http://localhost:5173/oauth', true],
    ['http://example.com/oauth', false],
    ['ledgerlight://oauth', false],
    ['https://app.example.com/oauth?next=1', false],
    ['https://app.example.com/oauth#x', false],
    ['not a url', false],
  ])('applies the redirect_uri rules to %s', async (redirect_uri, ok) => {
    const call = h.plaid.linkTokenCreate({ ...base(), redirect_uri });
    if (ok) {
      const { data } = await call;
      expect(
        (await h.plaid.linkTokenGet({ link_token: data.link_token })).data.metadata.redirect_uri,
      ).toBe(redirect_uri);
    } else {
      expectPlaidError(await plaidFailure(call), {
        status: 400,
        type: 'INVALID_REQUEST',
        code: 'INVALID_FIELD',
      });
    }
  });

  it('enforces the Dashboard allow-list when one is configured', async () => {
    const strict = await startHarness({ allowedRedirectUris: ['https://app.example.com/oauth'] });
    try {
      await strict.plaid.linkTokenCreate({
        ...base(),
        redirect_uri: 'https://app.example.com/oauth',
      });
      const failure = await plaidFailure(
        strict.plaid.linkTokenCreate({
          ...base(),
          redirect_uri: 'https://other.example.com/oauth',
        }),
      );
      expect(failure.data.error_code).toBe('INVALID_FIELD');
      expect(failure.data.error_message).toMatch(/dashboard/i);
    } finally {
      await strict.emulator.close();
    }
  });

  it('creates a 30-minute update-mode token from an access_token, without products', async () => {
    const { accessToken } = h.emulator.control.createItem({ institutionId: 'ins_109508' });
    const { data } = await h.plaid.linkTokenCreate({
      ...base(),
      products: undefined,
      access_token: accessToken,
    });
    const got = (await h.plaid.linkTokenGet({ link_token: data.link_token })).data;
    expect(Date.parse(got.expiration!) - Date.parse(got.created_at!)).toBe(30 * 60_000);
    expectPlaidError(
      await plaidFailure(
        h.plaid.linkTokenCreate({
          ...base(),
          access_token: 'access-sandbox-00000000-0000-4000-8000-000000000000',
        }),
      ),
      { status: 400, type: 'INVALID_INPUT', code: 'INVALID_ACCESS_TOKEN' },
    );
  });

  it('offers account selection in update mode only when update.account_selection_enabled is set', async () => {
    const { accessToken } = h.emulator.control.createItem({ institutionId: 'ins_109508' });
    const plain = (
      await h.plaid.linkTokenCreate({ ...base(), products: undefined, access_token: accessToken })
    ).data;
    const selecting = (
      await h.plaid.linkTokenCreate({
        ...base(),
        products: undefined,
        access_token: accessToken,
        update: { account_selection_enabled: true },
      })
    ).data;
    const a = await linkUi<{ mode: string; account_selection: boolean }>('start', {
      link_token: plain.link_token,
    });
    const b = await linkUi<{ mode: string; account_selection: boolean }>('start', {
      link_token: selecting.link_token,
    });
    expect([a.data.mode, a.data.account_selection]).toEqual(['update', false]);
    expect([b.data.mode, b.data.account_selection]).toEqual(['update', true]);
  });
});

describe('Hosted Link and /link/token/get', () => {
  it('returns a hosted_link_url that opens the Link page, and fills results after completion', async () => {
    const { data } = await h.plaid.linkTokenCreate({
      ...base(),
      hosted_link: {
        completion_redirect_uri: 'ledgerlight://link-complete',
        url_lifetime_seconds: 900,
      },
    });
    expect(data.hosted_link_url).toMatch(new RegExp(`^${h.emulator.url}/hl/[0-9a-f]+$`));
    const opened = await fetch(data.hosted_link_url!, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toContain('/link/v2/stable/link.html#token=');

    const before = (await h.plaid.linkTokenGet({ link_token: data.link_token })).data;
    expect(before.link_sessions).toEqual([]);

    const done = h.emulator.control.completeLink(data.link_token, { institutionId: 'ins_109511' });
    const after = (await h.plaid.linkTokenGet({ link_token: data.link_token })).data;
    expect(after.link_sessions).toHaveLength(1);
    const session = after.link_sessions![0]!;
    expect(session.link_session_id).toBe(done.linkSessionId);
    expect(session.finished_at).not.toBeNull();
    expect(session.exit).toBeNull();
    const result = session.results!.item_add_results[0]!;
    expect(result.public_token).toBe(done.publicToken);
    expect(result.institution).toEqual({ name: 'Tartan Bank', institution_id: 'ins_109511' });
    expect(result.accounts.map((a) => a.mask).sort()).toEqual(['0000', '1111']);
    expect(session.events?.map((e) => e.event_name)).toEqual(
      expect.arrayContaining(['OPEN', 'SELECT_INSTITUTION', 'SUBMIT_CREDENTIALS', 'HANDOFF']),
    );
    const exchanged = (await h.plaid.itemPublicTokenExchange({ public_token: result.public_token }))
      .data;
    expect(exchanged.item_id).toBe(done.itemId);
    expect(after.metadata).toMatchObject({
      client_name: 'Ledgerlight',
      initial_products: ['transactions'],
      country_codes: ['US'],
    });
  });

  it('expires the hosted URL after url_lifetime_seconds', async () => {
    const { data } = await h.plaid.linkTokenCreate({
      ...base(),
      hosted_link: { url_lifetime_seconds: 60 },
    });
    h.emulator.control.advanceTime(61_000);
    expect((await fetch(data.hosted_link_url!, { redirect: 'manual' })).status).toBe(410);
  });

  it('records an abandoned session with its error', async () => {
    const { data } = await h.plaid.linkTokenCreate(base());
    expect(() => h.emulator.control.completeLink(data.link_token, { password: 'wrong' })).toThrow(
      /credentials/,
    );
    const sessions = (await h.plaid.linkTokenGet({ link_token: data.link_token })).data
      .link_sessions!;
    expect(sessions[0]!.results).toBeNull();
    expect(sessions[0]!.exit?.error?.error_code).toBe('INVALID_CREDENTIALS');
    const exited = h.emulator.control.exitLink(data.link_token, {
      status: 'institution_not_found',
    });
    const again = (await h.plaid.linkTokenGet({ link_token: data.link_token })).data.link_sessions!;
    expect(again[1]!.link_session_id).toBe(exited.linkSessionId);
    expect(again[1]!.exit?.metadata?.status).toBe('institution_not_found');
  });

  it('answers an unknown link token with INVALID_LINK_TOKEN', async () => {
    expectPlaidError(
      await plaidFailure(
        h.plaid.linkTokenGet({ link_token: 'link-sandbox-00000000-0000-4000-8000-000000000000' }),
      ),
      { status: 400, type: 'INVALID_INPUT', code: 'INVALID_LINK_TOKEN' },
    );
  });

  it('refuses to open Link with an expired token', async () => {
    const { data } = await h.plaid.linkTokenCreate(base());
    h.emulator.control.advanceTime(4 * 3_600_000 + 1000);
    const start = await linkUi('start', { link_token: data.link_token });
    expect(start.status).toBe(400);
    expect(start.data.error_code).toBe('INVALID_LINK_TOKEN');
    expect(() => h.emulator.control.completeLink(data.link_token)).toThrow(/expired/);
  });
});

describe('the fake Link page API', () => {
  it('retries after INVALID_CREDENTIALS and accepts user_transactions_dynamic with any password', async () => {
    const { data } = await h.plaid.linkTokenCreate(base());
    const start = await linkUi<{
      link_session_id: string;
      institutions: Array<{ institution_id: string }>;
    }>('start', {
      link_token: data.link_token,
    });
    expect(start.data.institutions.map((i) => i.institution_id)).toEqual(
      expect.arrayContaining([
        'ins_109508',
        'ins_109511',
        'ins_109512',
        'ins_127287',
        'ins_132363',
        'ins_132361',
      ]),
    );
    const session = start.data.link_session_id;
    const bad = await linkUi('credentials', {
      link_session_id: session,
      institution_id: 'ins_109512',
      username: 'user_good',
      password: 'nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ error_type: 'ITEM_ERROR', error_code: 'INVALID_CREDENTIALS' });
    expect(bad.data.display_message).toEqual(expect.any(String));
    const good = await linkUi<{ accounts: Array<{ id: string; mask: string }> }>('credentials', {
      link_session_id: session,
      institution_id: 'ins_109512',
      username: 'user_transactions_dynamic',
      password: 'anything at all',
    });
    expect(good.status).toBe(200);
    const finish = await linkUi<{ public_token: string }>('finish', {
      link_session_id: session,
      account_ids: good.data.accounts.map((a) => a.id),
    });
    const exchanged = (
      await h.plaid.itemPublicTokenExchange({ public_token: finish.data.public_token })
    ).data;
    expect(h.emulator.control.items().find((i) => i.itemId === exchanged.item_id)?.username).toBe(
      'user_transactions_dynamic',
    );
  });

  it('answers INSTITUTION_DOWN for the down sandbox institution', async () => {
    const { data } = await h.plaid.linkTokenCreate(base());
    const start = await linkUi<{ link_session_id: string }>('start', {
      link_token: data.link_token,
    });
    const down = await linkUi('credentials', {
      link_session_id: start.data.link_session_id,
      institution_id: 'ins_132361',
      username: 'user_good',
      password: 'pass_good',
    });
    expect(down.status).toBe(400);
    expect(down.data).toMatchObject({
      error_type: 'INSTITUTION_ERROR',
      error_code: 'INSTITUTION_DOWN',
    });
  });

  it('runs the OAuth redirect round trip for Platypus OAuth Bank', async () => {
    const { data } = await h.plaid.linkTokenCreate({
      ...base(),
      redirect_uri: 'https://app.example.com/oauth',
    });
    const start = await linkUi<{ link_session_id: string }>('start', {
      link_token: data.link_token,
    });
    const oauth = await linkUi<{ redirect: string }>('oauth', {
      link_session_id: start.data.link_session_id,
      institution_id: 'ins_127287',
    });
    expect(oauth.data.redirect).toMatch(
      /^https:\/\/app\.example\.com\/oauth\?oauth_state_id=[0-9a-f-]{36}$/,
    );
    const resumed = await linkUi<{ link_session_id: string; accounts: Array<{ id: string }> }>(
      'start',
      {
        link_token: data.link_token,
        received_redirect_uri: oauth.data.redirect,
      },
    );
    expect(resumed.data.link_session_id).toBe(start.data.link_session_id);
    expect(resumed.data.accounts.length).toBeGreaterThan(0);
    const finish = await linkUi<{ institution: { institution_id: string } }>('finish', {
      link_session_id: resumed.data.link_session_id,
      account_ids: resumed.data.accounts.map((a) => a.id),
    });
    expect(finish.data.institution.institution_id).toBe('ins_127287');
    const bogus = await linkUi('start', {
      link_token: data.link_token,
      received_redirect_uri: 'https://app.example.com/oauth?oauth_state_id=nope',
    });
    expect(bogus.status).toBe(400);
  });

  it('honours transactions.days_requested for the Item it creates', async () => {
    const { data } = await h.plaid.linkTokenCreate({
      ...base(),
      transactions: { days_requested: 30 },
    });
    const done = h.emulator.control.completeLink(data.link_token);
    const dates = h.emulator.control
      .groundTruth(done.itemId)
      .map((t) => t.authorized_date ?? t.date);
    expect(dates.length).toBeGreaterThan(10);
    expect(dates.every((d) => d >= addDays(TODAY, -29))).toBe(true);
  });
});
