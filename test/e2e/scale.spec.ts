import { expect, test, type Locator, type Page } from '@playwright/test';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import { startBuiltHost, type RunningHost } from './support/host';
import { keepScreenshot } from './support/screens';
import { seedLedger } from './support/seed-ledger';

/**
 * 100,000 transactions: the table keeps only the rows in view in the DOM, wherever the user
 * scrolls, and its pages arrive through keyset paging.
 */

const ROWS = 100_000;
const MAX_ROW_ELEMENTS = 100;
let host: RunningHost;

test.beforeAll(async () => {
  const seeded = await seedLedger({ bulk: ROWS });
  expect(seeded.transactionCount).toBe(ROWS);
  host = await startBuiltHost({}, { dataDir: seeded.dataDir });
  await host.keychain.set(secretAccounts.plaidClientId('sandbox'), 'seeded-client-id');
  await host.keychain.set(secretAccounts.plaidSecret('sandbox'), 'seeded-secret');
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(120_000);

const rows = (page: Page) => page.locator('[role="row"]');

async function scrollTo(scroller: Locator, fraction: number): Promise<void> {
  await scroller.evaluate((el, f) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
  }, fraction);
}

/** The aria-rowindex of every row element on screen (1 is the header). */
async function rowIndexes(page: Page): Promise<number[]> {
  return rows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-rowindex'))));
}

test('100,000 transactions scroll with a bounded number of row elements', async ({ page }) => {
  await page.goto(host.openUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Transactions' })
    .click();
  await expect(page.locator('.page-subtitle')).toHaveText('100,000 transactions');
  const table = page.getByRole('table', { name: 'Transactions' });
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  // Newest first: the first row is the last one seeded on the newest day.
  await expect(page.locator('[aria-rowindex="2"]')).toContainText(/ #\d+/);
  expect(await rows(page).count()).toBeLessThan(MAX_ROW_ELEMENTS);

  const scroller = page.getByRole('region', { name: 'Transactions list' });

  // Scrolling smoothness is a speed target, measured by people and benchmarks, not asserted here.
  // The middle: pages are walked up to it, and still only the rows in view exist.
  await scrollTo(scroller, 0.5);
  // Wait for the virtualizer to render the new window, then for its pages to arrive.
  await expect
    .poll(async () => Math.max(...(await rowIndexes(page))), { timeout: 60_000 })
    .toBeGreaterThan(ROWS / 2 - 100);
  await expect(page.locator('.tx-row-placeholder')).toHaveCount(0, { timeout: 60_000 });
  const middle = await rowIndexes(page);
  expect(middle.length).toBeLessThan(MAX_ROW_ELEMENTS);
  expect(Math.max(...middle)).toBeGreaterThan(ROWS / 2 - 100);
  expect(Math.max(...middle)).toBeLessThan(ROWS / 2 + 100);
  await expect(page.locator('.tx-body [role="row"]').first()).toContainText(/ #[45]\d{4}/);

  // The end.
  await scrollTo(scroller, 1);
  await expect
    .poll(async () => Math.max(...(await rowIndexes(page))), { timeout: 60_000 })
    .toBe(ROWS + 1);
  await expect(page.locator('.tx-row-placeholder')).toHaveCount(0, { timeout: 60_000 });
  const end = await rowIndexes(page);
  expect(end.length).toBeLessThan(MAX_ROW_ELEMENTS);
  expect(Math.max(...end)).toBe(ROWS + 1);
  // The oldest row of all is the first one seeded on the oldest day.
  await expect(page.locator('[aria-rowindex="100001"]')).toContainText(/ #99\d{3}(?!\d)/);
  await keepScreenshot(page, 'transactions-100k-end');
});
