import { expect, test, type Page } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';
import { expectAccessible } from './support/screens';
import { seedLedger } from './support/seed-ledger';

/** The person's own name for an account, and hiding it, on a seeded ledger of three banks. */

let host: RunningHost;

test.beforeAll(async () => {
  const seeded = await seedLedger();
  host = await startBuiltHost({}, { dataDir: seeded.dataDir });
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(host.openUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto(`${host.url.replace(/\/$/, '')}${path}`);
}

test('rename an account, see the bank beside it, hide it and bring it back', async ({ page }) => {
  await open(page, '/accounts');
  const row = page.getByRole('row', { name: /Plaid Checking/ }).first();
  await expect(row.getByRole('cell', { name: 'First Platypus Bank' })).toBeVisible();

  await open(page, '/accounts/acc_p_chk');
  await expect(page.getByRole('heading', { level: 1, name: 'Plaid Checking' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Name and visibility' });
  await expect(form.getByRole('button', { name: 'Save' })).toBeDisabled();
  await form.getByLabel('Your name for it').fill('Bills account');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bills account' })).toBeVisible();
  await expect(page.getByText(/the bank calls it Plaid Checking/)).toBeVisible();
  await expectAccessible(page, 'account detail, renamed');

  await page.getByLabel('Hide this account from the account list and its totals').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/· hidden/)).toBeVisible();

  await open(page, '/accounts');
  const hidden = page.getByRole('region', { name: 'Hidden accounts' });
  await expect(hidden.getByRole('link', { name: /Bills account/ })).toBeVisible();
  // Not in the account groups any more (there the link is the bare name).
  await expect(page.getByRole('link', { name: 'Bills account', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'accounts, one hidden');

  // An empty name gives the bank's back; unhiding puts it in the list again.
  await hidden.getByRole('link', { name: /Bills account/ }).click();
  await page.getByLabel('Your name for it').fill('');
  await page.getByLabel('Hide this account from the account list and its totals').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plaid Checking' })).toBeVisible();
  await open(page, '/accounts');
  await expect(page.getByRole('region', { name: 'Hidden accounts' })).toHaveCount(0);
});
