import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import { startBuiltHost, type RunningHost } from './support/host';
import { expectAccessible, keepScreenshot } from './support/screens';
import { SEEDED, seedLedger } from './support/seed-ledger';

/**
 * Every screen on a seeded ledger (three banks, eight months of a household's transactions, one
 * connection needing a new login, one whose consent ends soon): its content, axe-core, and a
 * screenshot. Keys are put straight into the host's throwaway keychain service; no Plaid call
 * is made.
 */

let host: RunningHost;

test.beforeAll(async () => {
  const seeded = await seedLedger({ manualSyncJustNow: [SEEDED.hound] });
  host = await startBuiltHost({}, { dataDir: seeded.dataDir });
  await host.keychain.set(secretAccounts.plaidClientId('sandbox'), 'seeded-client-id-7f3a');
  await host.keychain.set(secretAccounts.plaidSecret('sandbox'), 'seeded-secret');
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test.use({ viewport: { width: 1440, height: 900 } });

async function open(page: Page, path = '/'): Promise<void> {
  await page.goto(host.openUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  if (path !== '/') await page.goto(`${host.url.replace(/\/$/, '')}${path}`);
}

test('overview: net worth, cash vs debt and spending charts', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Net worth', exact: true })
      .getByText('Net worth', { exact: true }),
  ).toBeVisible();
  // Over time, one chart per currency: the seeded ledger holds dollars and Canadian dollars.
  await expect(page.getByRole('heading', { name: 'Net worth over time' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Net worth in / })).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Cash vs debt' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Spending in / })).toBeVisible();
  await expect(page.getByRole('list', { name: /Spending in .* by category/ })).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByText('Tartan Bank needs your attention')).toBeVisible();
  // The status line: up to date, one connection needing attention, linking to it.
  const status = page.getByRole('contentinfo', { name: 'Sync status' });
  await expect(status).toContainText('2 of 3 connections up to date');
  await expect(status).toContainText('Last sync');
  await expectAccessible(page, 'overview');
  await keepScreenshot(page, 'overview');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'overview (dark)');
  await keepScreenshot(page, 'overview-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await status.getByRole('link', { name: '1 connection needs attention' }).click();
  await expect(page).toHaveURL(/\/connections\?focus=conn_tartan/);
  await expect(page.getByRole('heading', { name: 'Tartan Bank', level: 2 })).toBeFocused();
});

test('accounts grouped by kind with per-currency totals, and an account page', async ({ page }) => {
  await open(page, '/accounts');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  for (const group of ['Cash', 'Investments', 'Credit cards', 'Loans']) {
    await expect(page.getByRole('heading', { level: 2, name: group })).toBeVisible();
  }
  // USD and CAD are totalled apart, never added together.
  const cash = page.getByRole('region', { name: 'Cash' });
  await expect(cash).toContainText('$25,467.23');
  await expect(cash).toContainText('CA$1,830.40');
  await expectAccessible(page, 'accounts');
  await keepScreenshot(page, 'accounts');

  await page.getByRole('link', { name: 'Plaid Credit Card' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plaid Credit Card' })).toBeVisible();
  await expect(page.getByText('Balance owed')).toBeVisible();
  await expect(page.getByText('$10,000.00')).toBeVisible();
  await expect(page.locator('.recharts-area')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent transactions' })).toBeVisible();
  await expectAccessible(page, 'account detail');
  await keepScreenshot(page, 'account-detail');
});

test('connections: status, login required, consent warning, cooldown countdown, dialogs', async ({
  page,
}) => {
  await open(page, '/connections');
  const tartan = page.getByRole('article', { name: 'Tartan Bank' });
  await expect(tartan.getByText('Login required')).toBeVisible();
  await expect(tartan.getByRole('button', { name: 'Repair' })).toBeVisible();
  const hound = page.getByRole('article', { name: 'Houndstooth Bank' });
  await expect(hound.getByText(/Your consent ends in 6 days/)).toBeVisible();
  await expect(hound.getByRole('button', { name: 'Renew access' })).toBeVisible();
  await expectAccessible(page, 'connections');
  await keepScreenshot(page, 'connections');

  // A manual sync started moments ago: the core answers TOO_EARLY and the button counts down.
  const sync = hound.getByRole('button', { name: 'Sync Houndstooth Bank now' });
  await sync.click();
  await expect(sync).toBeDisabled();
  await expect(sync).toHaveText(/Sync now \(\d+ s\)/);
  const first = Number(/\((\d+) s\)/.exec((await sync.textContent()) ?? '')?.[1]);
  await expect
    .poll(async () => Number(/\((\d+) s\)/.exec((await sync.textContent()) ?? '')?.[1]))
    .toBeLessThan(first);

  // Rename and pause go through connections.update.
  const platypus = page.getByRole('article', { name: 'First Platypus Bank' });
  await platypus.getByRole('button', { name: 'Rename & frequency' }).click();
  await platypus.getByLabel('Name', { exact: true }).fill('Everyday bank');
  await platypus.getByLabel('Sync', { exact: true }).selectOption({ label: 'Every 12 hours' });
  await platypus.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByRole('article', { name: 'Everyday bank' });
  await expect(renamed.getByText('Every 12 hours')).toBeVisible();
  await renamed.getByRole('button', { name: 'Pause' }).click();
  await expect(renamed.getByText('Paused').first()).toBeVisible();
  await renamed.getByRole('button', { name: 'Resume' }).click();
  await expect(renamed.getByText('Healthy')).toBeVisible();
  // Back as it was, for the screens that follow.
  await renamed.getByRole('button', { name: 'Rename & frequency' }).click();
  await renamed.getByLabel('Name', { exact: true }).fill('First Platypus Bank');
  await renamed.getByLabel('Sync', { exact: true }).selectOption({ label: 'Every 6 hours' });
  await renamed.getByRole('button', { name: 'Save' }).click();
  await expect(platypus.getByText('Every 6 hours')).toBeVisible();

  await platypus.getByRole('button', { name: 'Disconnect' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect First Platypus Bank?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Keep the accounts/ })).toBeChecked();
  await expectAccessible(page, 'disconnect dialog');
  await keepScreenshot(page, 'disconnect-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('transactions: a virtualized table of the whole ledger', async ({ page }) => {
  await open(page, '/transactions');
  await expect(page.getByRole('heading', { level: 1, name: 'Transactions' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Transactions' })).toBeVisible();
  await expect(page.getByText('Pending').first()).toBeVisible();
  await expectAccessible(page, 'transactions');
  await keepScreenshot(page, 'transactions');
});

test('activity: sync runs with Plaid request ids, import batches and their rows', async ({
  page,
}) => {
  await open(page, '/activity');
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  const runs = page.getByRole('region', { name: 'Sync runs' });
  await expect(runs.getByText('ITEM_LOGIN_REQUIRED')).toBeVisible();
  await expect(runs.getByText('Zq8vKb2LmN4pRtY')).toBeVisible();
  await expectAccessible(page, 'activity');
  await keepScreenshot(page, 'activity');

  await page.getByRole('link', { name: 'Import batches' }).click();
  await expect(page).toHaveURL(/view=batches/);
  await expectAccessible(page, 'import batches');
  await page
    .getByRole('link', { name: /^Sync of / })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Sync of / })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Rows of batch \d+/ })).toBeVisible();
  await expectAccessible(page, 'batch detail');
  await keepScreenshot(page, 'batch-detail');

  await page.goto(`${host.url}activity?view=quarantine`);
  await expect(page.getByText(/unknown account/)).toBeVisible();
  await expectAccessible(page, 'set aside');
});

test('settings: masked keys, sync frequency, data folder, export', async ({ page }) => {
  await open(page, '/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText(/•+7f3a/)).toBeVisible();
  await expect(page.getByText('seeded-secret')).toHaveCount(0);
  await expect(page.getByText(host.dataDir).first()).toBeVisible();

  await expectAccessible(page, 'settings');
  await keepScreenshot(page, 'settings');
  await page.getByLabel('Sync new connections').selectOption({ label: 'Every 12 hours' });
  await expect(page.getByText('Default sync frequency saved')).toBeVisible();

  // OAuth banks: off by default (Link's pop-up); an address Plaid would refuse is explained.
  const oauth = page.getByRole('region', { name: 'Banks that sign in on their own site' });
  await expect(oauth.getByText('Off (pop-up window)')).toBeVisible();
  const address = oauth.getByLabel('Redirect address registered at Plaid');
  await address.fill('ledgerlight://oauth');
  await oauth.getByRole('button', { name: 'Use this address' }).click();
  await expect(oauth.getByRole('alert')).toContainText('“ledgerlight://oauth” cannot be used.');
  await address.fill('https://example.org/ledgerlight-oauth');
  await oauth.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByText('Redirect address saved')).toBeVisible();
  await expect(oauth.getByText('https://example.org/ledgerlight-oauth').first()).toBeVisible();
  await expectAccessible(page, 'settings, OAuth redirect');
  await oauth.getByRole('button', { name: 'Turn off' }).click();
  await expect(oauth.getByText('Off (pop-up window)')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all transactions (CSV)' }).click();
  const file = await download;
  const csv = fs.readFileSync(await file.path(), 'utf8');
  const lines = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'Date,Description,Merchant,Category,Category detail,Account,Bank,Amount,Currency,Pending,Payee,Your category,Notes,Left out of reports,Transaction ID',
  );
  expect(lines.length).toBeGreaterThan(500);
  // Exact decimals with their currency, and CAD rows kept in CAD.
  expect(lines.some((l) => /,4125\.00,USD,no,/.test(l))).toBe(true);
  // Three banks' "Plaid Checking" are told apart by the bank beside them.
  expect(lines.some((l) => /Plaid Checking 0000,First Platypus Bank,/.test(l))).toBe(true);
  expect(lines.some((l) => /,-\d+\.\d{2},CAD,/.test(l))).toBe(true);
});

/** A build whose index.html loads `./assets/…` could not be opened at /accounts/<id> directly. */
function assetsAreRelative(): boolean {
  const index = path.resolve(import.meta.dirname, '../../out/renderer/index.html');
  return fs.readFileSync(index, 'utf8').includes('src="./assets/');
}

test('a nested address opens directly and survives a reload', async ({ page }) => {
  expect(assetsAreRelative(), 'the renderer must be built with base "/"').toBe(false);
  await open(page, '/accounts/acc_p_sav');
  await expect(page.getByRole('heading', { level: 1, name: 'Plaid Saving' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Plaid Saving' })).toBeVisible();
  await page.goto(`${host.url}activity/batches/1`);
  // The batch's own title once it has loaded ("Import batch #1" only stands in while it loads).
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sync of First Platypus Bank' }),
  ).toBeVisible();
  await page.goto(`${host.url}no/such/screen`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('removing the keys keeps the data and says syncing is off', async ({ page }) => {
  await open(page, '/settings');
  await page.getByRole('button', { name: 'Remove keys' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the Sandbox keys?' });
  await dialog.getByRole('button', { name: 'Remove keys' }).click();
  await expect(page.getByText('Sandbox keys removed', { exact: true })).toBeVisible();
  expect(await host.keychain.get(secretAccounts.plaidSecret('sandbox'))).toBeNull();
  await expect(page.getByText('No Plaid keys: syncing is off')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add keys' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Accounts' })
    .click();
  await expect(page.getByRole('link', { name: 'Plaid Checking' })).toBeVisible();
  await expect(page.getByText('No Plaid keys: syncing is off')).toBeVisible();
});
