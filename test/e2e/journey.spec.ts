import { expect, test, type Page } from '@playwright/test';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { startBuiltHost, type RunningHost } from './support/host';
import { routePlaidCdn } from './support/plaid-cdn';
import { expectAccessible, keepScreenshot } from './support/screens';

/**
 * The path a new user takes, end to end: the built host (the same core and renderer as the
 * desktop app) on the Plaid emulator, real react-plaid-link driving the emulator's fake Link in
 * Chromium, and the emulator's control API standing in for the bank's side of things.
 */

let emulator: PlaidEmulator;
let host: RunningHost;

test.beforeAll(async () => {
  emulator = await startPlaidEmulator({ seed: 5, today: new Date().toISOString().slice(0, 10) });
  host = await startBuiltHost({
    LEDGERLIGHT_PLAID_BASE_URL: emulator.url,
    // Two manual syncs of one bank within a minute: no cooldown here (it has its own test).
    LEDGERLIGHT_MANUAL_COOLDOWN_MS: '0',
  });
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
  await emulator.close();
});

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(120_000);

/**
 * Clicks what opens Link and answers the Link page's own window (a pop-up on the Link page's
 * origin, with no opener), and the Plaid Link frame in it.
 */
async function linkOpenedBy(page: Page, open: () => Promise<void>) {
  const opened = page.context().waitForEvent('page');
  await open();
  const window = await opened;
  return { window, link: window.frameLocator('iframe[title="Plaid Link"]') };
}
const nav = (page: Page, screen: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();

async function transactionCount(page: Page): Promise<number> {
  await nav(page, 'Transactions');
  const subtitle = page.locator('.page-subtitle');
  await expect(subtitle).toHaveText(/^[\d,]+ transactions?$/);
  return Number((await subtitle.textContent())!.replace(/\D/g, ''));
}

test('a new user: keys, a bank through Link, Sync now, login required, repair, disconnect', async ({
  page,
  context,
}) => {
  await routePlaidCdn(context, emulator);

  // 1. No keys yet: the welcome screen with its guide.
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Welcome to Ledgerlight' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sandbox or Production?' })).toBeVisible();
  await expectAccessible(page, 'onboarding');
  await keepScreenshot(page, 'onboarding');

  // 2. Sandbox keys: checked with "Plaid" (the emulator), kept in the keychain.
  await page.getByRole('radio', { name: /^Sandbox/ }).check();
  await page.getByLabel('Client id').fill(emulator.control.clientId);
  await page.getByLabel('Secret').fill(emulator.control.secret);
  await page.getByRole('button', { name: 'Save keys' }).click();
  await expect(page.getByRole('heading', { name: 'No banks connected yet' })).toBeVisible();
  expect(await host.keychain.get('plaid:sandbox:secret')).toBe(emulator.control.secret);
  await expectAccessible(page, 'overview, empty');
  await keepScreenshot(page, 'overview-empty');

  // 3. Link exits with an error: Plaid's own message is shown.
  const failed = await linkOpenedBy(page, () =>
    page.getByRole('button', { name: 'Connect a bank' }).first().click(),
  );
  await expect(page.getByText('Finish in the Plaid window')).toBeVisible();
  await failed.link.getByRole('button', { name: 'Tartan Bank' }).click();
  await failed.link.getByLabel('Username').fill('user_good');
  await failed.link.getByLabel('Password').fill('wrong');
  await failed.link.getByRole('button', { name: 'Submit' }).click();
  await expect(failed.link.getByRole('alert')).toBeVisible();
  await failed.link.getByRole('button', { name: 'Close' }).click();
  // The Link page reported the exit and closed itself.
  await failed.window.waitForEvent('close');
  const failure = page.getByRole('alert').filter({ hasText: 'The bank was not connected' });
  await expect(failure).toContainText(/credentials|password|incorrect/i);
  await failure.getByRole('button', { name: 'Dismiss' }).click();

  // 4. Connect First Platypus Bank through react-plaid-link and the fake Link.
  const connect = await linkOpenedBy(page, () =>
    page.getByRole('button', { name: 'Connect a bank' }).first().click(),
  );
  const link = connect.link;
  await expect(link.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  // Plaid's script runs on the Link page's own origin, never on the app's.
  expect(new URL(connect.window.url()).origin).not.toBe(new URL(page.url()).origin);
  // It holds no reference to the app's page either, and none of its storage (the API token).
  expect(
    await connect.window.evaluate(() => ({
      opener: window.opener === null,
      token: sessionStorage.getItem('ledgerlight.token'),
    })),
  ).toEqual({ opener: true, token: null });
  await keepScreenshot(connect.window, 'plaid-link');
  await link.getByRole('button', { name: 'First Platypus Bank', exact: true }).click();
  await link.getByLabel('Username').fill('user_good');
  await link.getByLabel('Password').fill('pass_good');
  await link.getByRole('button', { name: 'Submit' }).click();
  await expect(link.getByRole('heading', { name: 'Select accounts' })).toBeVisible();
  await link.getByRole('button', { name: 'Continue' }).click();
  await link.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/connections\?focus=conn_/);
  await expect(page.getByText('Bank connected', { exact: true })).toBeVisible();
  const card = page.getByRole('article', { name: 'First Platypus Bank' });
  await expect(card).toBeVisible();
  // The first sync runs by itself; the card ends healthy with what it brought.
  await expect(card.getByText(/^Last run: [\d,]+ new/)).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText('Healthy')).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: 'Sync status' })).toContainText('Up to date');

  // 5. Accounts and transactions appear.
  await nav(page, 'Accounts');
  await expect(page.getByRole('link', { name: 'Plaid Checking' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Credit cards' })).toBeVisible();
  const item = emulator.control.items()[0]!;
  const before = await transactionCount(page);
  expect(before).toBe(emulator.control.groundTruth(item.itemId).length);
  await expect(page.getByRole('row').nth(1)).toBeVisible();

  // 6. Adding the same bank again is refused, and the existing connection is offered instead.
  await nav(page, 'Connections');
  await page.getByRole('button', { name: 'Add a test bank' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Add test bank' }).click();
  await expect(page.getByText('First Platypus Bank is connected already')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Update accounts' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();

  // 7. New days at the bank, then Sync now: the progress bar shows, and the new rows arrive.
  emulator.control.advance({ days: 3, itemId: item.itemId });
  // Slow Plaid down a little so the running sync can be seen: before the first page, and
  // after the last one while the balances are fetched.
  emulator.control.inject({
    endpoint: '/transactions/sync',
    itemId: item.itemId,
    latencyMs: 800,
    times: 1,
  });
  emulator.control.inject({
    endpoint: '/accounts/balance/get',
    itemId: item.itemId,
    latencyMs: 1500,
    times: 1,
  });
  await card.getByRole('button', { name: 'Sync First Platypus Bank now' }).click();
  const progress = card.getByRole('progressbar', { name: 'Syncing First Platypus Bank' });
  await expect(progress).toBeVisible();
  await expect(card.getByText('Syncing', { exact: true })).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: 'Sync status' })).toContainText(
    'Syncing 1 connection',
  );
  await keepScreenshot(page, 'connections-syncing');
  await expect(card.locator('.sync-progress-text')).toHaveText(/^Page \d+: [\d,]+ new/);
  await expect(progress).toBeHidden({ timeout: 30_000 });
  await expect(card.getByText(/^Last run: [1-9][\d,]* new/)).toBeVisible();
  const after = await transactionCount(page);
  expect(after).toBe(emulator.control.groundTruth(item.itemId).length);
  expect(after).not.toBe(before);

  // 8. The bank wants a new login: the next sync says so on the card and in the status line.
  emulator.control.resetLogin(item.itemId);
  await nav(page, 'Connections');
  await card.getByRole('button', { name: 'Sync First Platypus Bank now' }).click();
  await expect(card.getByText('Login required')).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText('Sign in to First Platypus Bank again')).toBeVisible();
  const status = page.getByRole('contentinfo', { name: 'Sync status' });
  await expect(status.getByRole('link', { name: '1 connection needs attention' })).toBeVisible();
  await expectAccessible(page, 'connections, login required');
  await keepScreenshot(page, 'connections-login-required');

  // 9. Repair through Link's update mode: sign in again, no institution to pick.
  const repair = (
    await linkOpenedBy(page, () => card.getByRole('button', { name: 'Repair' }).click())
  ).link;
  await expect(
    repair.getByRole('heading', { name: 'Log in to First Platypus Bank' }),
  ).toBeVisible();
  await repair.getByLabel('Username').fill('user_good');
  await repair.getByLabel('Password').fill('pass_good');
  await repair.getByRole('button', { name: 'Submit' }).click();
  await repair.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('First Platypus Bank repaired', { exact: true })).toBeVisible();
  await expect(card.getByText('Healthy')).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText('Login required')).toHaveCount(0);
  await expect(status.getByRole('link', { name: /needs attention/ })).toHaveCount(0);
  expect(emulator.control.items()[0]!.errorCode).toBeNull();

  // 10. Disconnect, keeping the data: the rows are still listed.
  await card.getByRole('button', { name: 'Disconnect' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect First Platypus Bank?' });
  await expect(
    dialog.getByRole('radio', { name: /Keep the accounts and transactions/ }),
  ).toBeChecked();
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(page.getByText('First Platypus Bank disconnected', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Disconnected' })).toBeVisible();
  await expect(card.getByText(/Disconnected\. Its accounts and transactions stay/)).toBeVisible();
  expect(emulator.control.items()[0]!.removed).toBe(true);
  expect(await transactionCount(page)).toBe(after);
});
