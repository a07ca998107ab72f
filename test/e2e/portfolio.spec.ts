import { expect, test, type Page } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';
import { expectAccessible, keepScreenshot } from './support/screens';

/**
 * Investments, Debts and Subscriptions and bills, on the demo: its First Platypus Bank is linked
 * with investments and liabilities, so every screen has a bank's own figures to show.
 */

let host: RunningHost;

test.beforeAll(async () => {
  host = await startBuiltHost({}, { entry: 'out/main/demo.js', args: ['--serve'] });
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });

async function open(page: Page, label: string) {
  await page.goto(host.openUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
}

/** Both colour schemes: axe on each, and a picture of each. */
async function checkBothSchemes(page: Page, name: string) {
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await expectAccessible(page, name);
  await keepScreenshot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, `${name} (dark)`);
  await keepScreenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('Investments: holdings per account with totals and gains, activity page by page', async ({
  page,
}) => {
  await open(page, 'Investments');
  await expect(page.getByRole('heading', { level: 1, name: 'Investments' })).toBeVisible();
  const totals = page.getByRole('region', { name: 'Investment totals' });
  await expect(totals.getByText('Value', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(totals.getByText('Gain', { exact: true })).toBeVisible();

  const holdings = page.getByRole('region', { name: /^Holdings in / });
  await expect(holdings).toHaveCount(2);
  const first = holdings.first();
  for (const column of ['Security', 'Quantity', 'Price', 'Value', 'Cost basis', 'Gain']) {
    await expect(first.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(
    first.getByRole('rowheader', { name: /Vanguard Total Stock Market ETF/ }),
  ).toBeVisible();

  const activity = page.getByRole('region', { name: 'Investment activity' });
  await expect(activity.getByRole('row')).toHaveCount(26);
  // A dividend has no quantity or unit price: a dash, never a made-up $0.00.
  await expect(activity.getByText('$0.00')).toHaveCount(0);
  await expect(activity.getByText('Not reported').first()).toBeAttached();
  const range = page.getByText(/^1–25 of \d+$/);
  await expect(range).toBeVisible();
  await page.getByRole('button', { name: 'Older' }).click();
  await expect(page.getByText(/^26–50 of \d+$/)).toBeVisible();
  await expect(
    activity.getByRole('cell', { name: /Dividend|Contribution|Buy/ }).first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Newer' }).click();
  await expect(range).toBeVisible();

  await checkBothSchemes(page, 'investments');
});

test('Debts: the card and both loans with their terms; the overview names the next payment', async ({
  page,
}) => {
  await open(page, 'Debts');
  await expect(page.getByRole('heading', { level: 1, name: 'Debts' })).toBeVisible();
  const cards = page.locator('.liability-card');
  await expect(cards).toHaveCount(3, { timeout: 30_000 });
  const card = cards.filter({ hasText: 'Credit card' });
  for (const fact of ['Minimum payment', 'Payment due', 'Last statement', 'APR, purchases']) {
    await expect(card.getByRole('term').filter({ hasText: fact })).toBeVisible();
  }
  const mortgage = cards.filter({ hasText: 'Mortgage' });
  for (const fact of ['Interest rate', 'Term', 'Next payment', 'Escrow balance']) {
    await expect(mortgage.getByRole('term').filter({ hasText: fact })).toBeVisible();
  }
  // A student loan has no escrow: the row is left out rather than shown as zero.
  const student = cards.filter({ hasText: 'Student loan' });
  await expect(student.getByRole('term').filter({ hasText: 'Escrow' })).toHaveCount(0);
  await checkBothSchemes(page, 'debts');

  await open(page, 'Overview');
  const next = page.getByRole('region', { name: 'Next payment due' });
  await expect(next).toBeVisible({ timeout: 30_000 });
  await expect(next.getByRole('link', { name: 'Debts' })).toBeVisible();
  await next.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'overview-next-payment');
});

test('Subscriptions and bills: streams out and in, how often, next expected, status', async ({
  page,
}) => {
  await open(page, 'Recurring');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Subscriptions and bills' }),
  ).toBeVisible();
  const out = page.getByRole('region', { name: 'Bills and subscriptions' });
  // Both demo banks pay Netflix: one from a card, one from checking.
  await expect(out.getByRole('rowheader', { name: /Netflix/ }).first()).toBeVisible({
    timeout: 30_000,
  });
  const netflix = out.getByRole('row').filter({ hasText: 'Netflix' }).first();
  await expect(netflix.getByRole('cell', { name: 'Monthly' })).toBeVisible();
  await expect(netflix.getByRole('cell', { name: 'Regular' })).toBeVisible();
  const money = page.getByRole('region', { name: 'Money coming in' });
  await expect(
    money
      .getByRole('row')
      .filter({ hasText: 'Acme Corp' })
      .first()
      .getByRole('cell', { name: 'Every two weeks' }),
  ).toBeVisible();
  await expect(page.getByText(/About.*a month/).first()).toBeVisible();
  await page.getByLabel('Show stopped ones').check();
  await expect(out.getByRole('rowheader', { name: /Netflix/ }).first()).toBeVisible();
  await page.getByLabel('Show stopped ones').uncheck();
  await checkBothSchemes(page, 'recurring');
});
