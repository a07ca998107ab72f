import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { startBuiltHost, type RunningHost } from './support/host';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../artifacts/screenshots');
let host: RunningHost;
let emulator: PlaidEmulator;

test.beforeAll(async () => {
  // Saved keys are checked with Plaid first; here Plaid is the emulator.
  emulator = await startPlaidEmulator({
    seed: 1,
    clientId: 'sandbox-client-0042',
    secret: 'sandbox-secret-value',
  });
  host = await startBuiltHost({ LEDGERLIGHT_PLAID_BASE_URL: emulator.url });
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
  await emulator.close();
});

test('a fresh install opens on the "no Plaid keys yet" screen', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) apiCalls.push(request.url());
  });
  await page.goto(host.openUrl);

  await expect(page.getByRole('heading', { name: 'Welcome to Ledgerlight' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No Plaid keys yet' })).toBeVisible();
  await expect(page.getByLabel('Client id')).toBeEmpty();
  await expect(page.getByLabel('Secret')).toHaveAttribute('type', 'password');

  // The token left the address bar, and never travelled in a query string.
  expect(page.url()).toBe(host.url);
  expect(apiCalls.length).toBeGreaterThan(0);
  expect(apiCalls.every((url) => !url.includes(host.token))).toBe(true);

  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'onboarding-empty.png'), fullPage: true });
});

test('saving sandbox keys keeps them in the keychain and shows the empty connections state', async ({
  page,
}) => {
  await page.goto(host.openUrl);
  await page.getByLabel('Client id').fill('sandbox-client-0042');
  await page.getByLabel('Secret').fill('sandbox-secret-value');
  await page.getByRole('button', { name: 'Save keys' }).click();

  await expect(page.getByRole('heading', { name: 'No banks connected yet' })).toBeVisible();
  await expect(page.getByText(/Plaid sandbox keys saved \(•+0042\)/)).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'keys-saved.png'), fullPage: true });

  // The keychain holds the keys, and the data folder does not.
  expect(await host.keychain.get('plaid:sandbox:secret')).toBe('sandbox-secret-value');
  for (const file of fs.readdirSync(host.dataDir, { recursive: true }) as string[]) {
    const full = path.join(host.dataDir, file);
    if (fs.statSync(full).isFile()) {
      expect(fs.readFileSync(full).includes('sandbox-secret-value'), file).toBe(false);
    }
  }
});

test('without the token the page explains where to find it', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByText(/Open the address that/)).toBeVisible();
});
