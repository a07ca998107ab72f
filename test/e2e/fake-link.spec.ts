import { expect, test, type Page } from '@playwright/test';
import { Configuration, CountryCode, PlaidApi, Products } from 'plaid';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';

/**
 * The emulator's fake Link in real Chromium: a host page on a fake https origin loads
 * https://cdn.plaid.com/link/v2/stable/link-initialize.js, which Playwright routes to the emulator,
 * exactly as an app's page would load Plaid's script.
 */

const HOST = 'https://app.ledgerlight.test';
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body>
<h1>Ledgerlight test host</h1>
<script src="https://cdn.plaid.com/link/v2/stable/link-initialize.js"></script>
<script>
  window.linkResult = { loaded: false, success: null, exit: null, events: [] };
  window.openLink = function (token) {
    var handler = window.Plaid.create({
      token: token,
      onLoad: function () { window.linkResult.loaded = true; },
      onSuccess: function (publicToken, metadata) { window.linkResult.success = { publicToken: publicToken, metadata: metadata }; },
      onExit: function (error, metadata) { window.linkResult.exit = { error: error, metadata: metadata }; },
      onEvent: function (name, metadata) { window.linkResult.events.push({ name: name, metadata: metadata }); },
    });
    handler.open();
  };
</script>
</body></html>`;

interface LinkResult {
  loaded: boolean;
  success: { publicToken: string; metadata: Record<string, unknown> } | null;
  exit: { error: Record<string, unknown> | null; metadata: Record<string, unknown> } | null;
  events: Array<{ name: string; metadata: Record<string, unknown> }>;
}

let emulator: PlaidEmulator;
let plaid: PlaidApi;

test.beforeAll(async () => {
  emulator = await startPlaidEmulator({ seed: 11, today: '2025-03-14' });
  plaid = new PlaidApi(
    new Configuration({
      basePath: emulator.url,
      baseOptions: {
        headers: {
          'PLAID-CLIENT-ID': emulator.control.clientId,
          'PLAID-SECRET': emulator.control.secret,
        },
      },
    }),
  );
});

test.afterAll(async () => {
  await emulator.close();
});

async function openHost(page: Page): Promise<void> {
  await page.route('https://cdn.plaid.com/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${emulator.url}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: HOST_PAGE }),
  );
  await page.goto(`${HOST}/`);
}

async function newLinkToken(accessToken?: string): Promise<string> {
  const { data } = await plaid.linkTokenCreate({
    client_name: 'Ledgerlight',
    language: 'en',
    country_codes: [CountryCode.Us],
    user: { client_user_id: 'e2e-user' },
    ...(accessToken ? { access_token: accessToken } : { products: [Products.Transactions] }),
  });
  return data.link_token;
}

const linkResult = (page: Page) =>
  page.evaluate(() => (window as unknown as { linkResult: LinkResult }).linkResult);

/** Calls Plaid.create(...).open() in the test page with this token. */
async function openLink(page: Page, token: string): Promise<void> {
  await page.evaluate(
    (t) => (window as unknown as { openLink(t: string): void }).openLink(t),
    token,
  );
}

/** Opens the host page, then Link with a fresh token (update mode when given an access token). */
async function openLinkWithNewToken(page: Page, accessToken?: string) {
  await openHost(page);
  const token = await newLinkToken(accessToken);
  await openLink(page, token);
  return { token, link: page.frameLocator('iframe[title="Plaid Link"]') };
}

test('links First Platypus Bank through the fake Link and exchanges the public token', async ({
  page,
}) => {
  const { link, token } = await openLinkWithNewToken(page);
  await expect(link.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  await link.getByLabel('Search institutions').fill('platypus');
  await expect(link.getByRole('button', { name: 'Tartan Bank' })).toHaveCount(0);
  await link.getByRole('button', { name: 'First Platypus Bank', exact: true }).click();
  await link.getByLabel('Username').fill('user_good');
  await link.getByLabel('Password').fill('pass_good');
  await link.getByRole('button', { name: 'Submit' }).click();

  await expect(link.getByRole('heading', { name: 'Select accounts' })).toBeVisible();
  const boxes = link.getByRole('checkbox');
  await expect(boxes).toHaveCount(8);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  // Leave the mortgage out: the Item must hold only what the user shared.
  await link.getByLabel('Plaid Mortgage ••••8888').uncheck();
  await link.getByRole('button', { name: 'Continue' }).click();
  await expect(link.getByRole('heading', { name: 'Success' })).toBeVisible();
  await link.getByRole('button', { name: 'Continue' }).click();

  await expect.poll(async () => (await linkResult(page)).success).not.toBeNull();
  const result = await linkResult(page);
  expect(result.loaded).toBe(true);
  expect(result.exit).toBeNull();
  await expect(page.locator('iframe[title="Plaid Link"]')).toBeHidden();

  const success = result.success!;
  expect(success.publicToken).toMatch(/^public-sandbox-[0-9a-f-]{36}$/);
  const metadata = success.metadata as {
    institution: { name: string; institution_id: string };
    accounts: Array<{
      id: string;
      name: string;
      mask: string;
      type: string;
      subtype: string;
      verification_status: null;
    }>;
    link_session_id: string;
    transfer_status: null;
    public_token: string;
  };
  expect(metadata.institution).toEqual({
    name: 'First Platypus Bank',
    institution_id: 'ins_109508',
  });
  expect(metadata.public_token).toBe(success.publicToken);
  expect(metadata.transfer_status).toBeNull();
  expect(metadata.accounts).toHaveLength(7);
  expect(metadata.accounts.map((a) => a.mask)).not.toContain('8888');
  for (const account of metadata.accounts) {
    expect(Object.keys(account)).toEqual(
      expect.arrayContaining(['id', 'name', 'mask', 'type', 'subtype', 'verification_status']),
    );
    expect(account.verification_status).toBeNull();
  }
  const names = result.events.map((e) => e.name);
  for (const name of ['OPEN', 'SELECT_INSTITUTION', 'SUBMIT_CREDENTIALS', 'HANDOFF'])
    expect(names).toContain(name);
  expect(names.indexOf('OPEN')).toBeLessThan(names.indexOf('HANDOFF'));
  expect(result.events.every((e) => e.metadata.link_session_id === metadata.link_session_id)).toBe(
    true,
  );

  const exchanged = await plaid.itemPublicTokenExchange({ public_token: success.publicToken });
  expect(exchanged.data.access_token).toMatch(/^access-sandbox-/);
  const accounts = await plaid.accountsGet({ access_token: exchanged.data.access_token });
  expect(accounts.data.accounts.map((a) => a.account_id).sort()).toEqual(
    metadata.accounts.map((a) => a.id).sort(),
  );

  const sessions = (await plaid.linkTokenGet({ link_token: token })).data.link_sessions ?? [];
  const session = sessions.find((s) => s.link_session_id === metadata.link_session_id);
  expect(session?.results?.item_add_results[0]?.public_token).toBe(success.publicToken);
});

test('shows INVALID_CREDENTIALS for a wrong password, lets the user retry, then reports the exit', async ({
  page,
}) => {
  const { link, token } = await openLinkWithNewToken(page);
  await link.getByRole('button', { name: 'Tartan Bank' }).click();
  await link.getByLabel('Username').fill('user_good');
  await link.getByLabel('Password').fill('wrong-password');
  await link.getByRole('button', { name: 'Submit' }).click();
  await expect(link.getByRole('alert')).toContainText('credentials you provided were incorrect');

  // Retryable: the form is still there and accepts another attempt.
  await link.getByLabel('Username').fill('user_good');
  await link.getByLabel('Password').fill('still-wrong');
  await link.getByRole('button', { name: 'Submit' }).click();
  await expect(link.getByRole('alert')).toBeVisible();
  await link.getByRole('button', { name: 'Close' }).click();

  await expect.poll(async () => (await linkResult(page)).exit).not.toBeNull();
  const result = await linkResult(page);
  expect(result.success).toBeNull();
  const exit = result.exit!;
  expect(exit.error).toMatchObject({ error_type: 'ITEM_ERROR', error_code: 'INVALID_CREDENTIALS' });
  expect(typeof exit.error?.display_message).toBe('string');
  expect(exit.metadata).toMatchObject({
    status: 'requires_credentials',
    institution: { name: 'Tartan Bank', institution_id: 'ins_109511' },
  });
  const names = result.events.map((e) => e.name);
  expect(names.filter((n) => n === 'ERROR')).toHaveLength(2);
  expect(names[names.length - 1]).toBe('EXIT');

  const sessions = (await plaid.linkTokenGet({ link_token: token })).data.link_sessions ?? [];
  expect(sessions.at(-1)?.exit?.error?.error_code).toBe('INVALID_CREDENTIALS');
  expect(sessions.at(-1)?.results).toBeNull();
});

test('closes with INVALID_LINK_TOKEN for a token the emulator never issued', async ({ page }) => {
  await openHost(page);
  await openLink(page, 'link-sandbox-00000000-0000-4000-8000-000000000000');
  await expect.poll(async () => (await linkResult(page)).exit).not.toBeNull();
  const { exit, success } = await linkResult(page);
  expect(success).toBeNull();
  expect(exit?.error).toMatchObject({
    error_type: 'INVALID_INPUT',
    error_code: 'INVALID_LINK_TOKEN',
  });
});

test('update mode re-authenticates the existing Item without choosing an institution', async ({
  page,
}) => {
  const { itemId, accessToken } = emulator.control.createItem({ institutionId: 'ins_109508' });
  emulator.control.resetLogin(itemId);
  const { link } = await openLinkWithNewToken(page, accessToken);
  await expect(link.getByRole('heading', { name: 'Log in to First Platypus Bank' })).toBeVisible();
  await expect(link.getByRole('button', { name: '← Back' })).toHaveCount(0);
  await link.getByLabel('Username').fill('user_good');
  await link.getByLabel('Password').fill('pass_good');
  await link.getByRole('button', { name: 'Submit' }).click();
  await link.getByRole('button', { name: 'Continue' }).click();

  await expect.poll(async () => (await linkResult(page)).success).not.toBeNull();
  const { success } = await linkResult(page);
  expect(
    (success!.metadata as { institution: { institution_id: string } }).institution.institution_id,
  ).toBe('ins_109508');
  expect((await plaid.itemGet({ access_token: accessToken })).data.item.error).toBeNull();
  const exchanged = await plaid.itemPublicTokenExchange({ public_token: success!.publicToken });
  expect(exchanged.data).toMatchObject({ item_id: itemId, access_token: accessToken });
});

test('Platypus OAuth Bank goes through a simulated bank consent instead of a password', async ({
  page,
}) => {
  const { link } = await openLinkWithNewToken(page);
  await link.getByRole('button', { name: 'Platypus OAuth Bank' }).click();
  await expect(link.getByLabel('Password')).toHaveCount(0);
  await link.getByRole('button', { name: 'Continue' }).click();
  await link.getByRole('button', { name: 'Authorize' }).click();
  await expect(link.getByRole('heading', { name: 'Select accounts' })).toBeVisible();
  await link.getByRole('button', { name: 'Continue' }).click();
  await link.getByRole('button', { name: 'Continue' }).click();

  await expect.poll(async () => (await linkResult(page)).success).not.toBeNull();
  const { success, events } = await linkResult(page);
  expect((success!.metadata as { institution: { name: string } }).institution.name).toBe(
    'Platypus OAuth Bank',
  );
  expect(events.map((e) => e.name)).toEqual(
    expect.arrayContaining(['OPEN_OAUTH', 'CLOSE_OAUTH', 'HANDOFF']),
  );
});
