import { expect, test } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';

/**
 * Demo mode (`npm run demo -- --serve`): no keys, two demo banks and accounts kept by hand, and
 * Plaid Link's script served by the built-in emulator. No request is routed here: the Link page
 * (on its own origin) loads the emulator's script (its /config.json says which) and hands it to
 * react-plaid-link.
 */

let host: RunningHost;

test.beforeAll(async () => {
  host = await startBuiltHost({}, { entry: 'out/main/demo.js', args: ['--serve'] });
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('the demo opens on its banks, and Connect a bank opens the emulator’s Link', async ({
  page,
  context,
}) => {
  const cdn: string[] = [];
  context.on('request', (r) => {
    if (r.url().startsWith('https://cdn.plaid.com/')) cdn.push(r.url());
  });
  await page.goto(host.openUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.locator('.env-pill')).toHaveText('Demo');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Connections' })
    .click();
  await expect(page.getByRole('article')).toHaveCount(2, { timeout: 20_000 });

  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect a bank' }).click();
  const popup = await opened;
  const link = popup.frameLocator('iframe[title="Plaid Link"]');
  await expect(link.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  await expect(page.getByText('Finish in the Plaid window')).toBeVisible();
  await link.getByRole('button', { name: 'Close' }).click();
  // The Link page reported the exit to its one endpoint; the app stops waiting.
  await expect(page.getByRole('button', { name: 'Connect a bank' })).toBeEnabled();
  await expect(page.getByText('Finish in the Plaid window')).toBeHidden();
  // react-plaid-link found the placeholder tag and never asked Plaid's CDN for anything.
  expect(cdn).toEqual([]);
});

test('the demo also holds money Plaid cannot reach: a wallet, a house and an imported statement', async ({
  page,
}) => {
  await page.goto(host.openUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Accounts' })
    .click();
  for (const name of ['Wallet', 'Home', 'Hometown Credit Union']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Hometown Credit Union', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hometown Credit Union' }),
  ).toBeVisible();
  await page.goto(new URL('/activity?view=batches', host.url).toString());
  await expect(
    page.getByRole('link', {
      name: 'CSV import of hometown-credit-union.csv into Hometown Credit Union',
    }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Entered by hand in Wallet' })).toBeVisible();
});
