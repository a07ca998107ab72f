import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import { startBuiltHost, type RunningHost } from './support/host';
import { expectAccessible, keepScreenshot } from './support/screens';
import { seedLedger } from './support/seed-ledger';

/**
 * The first hour of a new user, at the size of a common laptop window (1280×800), light and
 * dark: the things a new user tripped over on the overview, the accounts, the keys form and
 * the skip link.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const nav = (page: Page, screen: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();

test.describe('a seeded ledger', () => {
  let host: RunningHost;

  test.beforeAll(async () => {
    const seeded = await seedLedger();
    // A retirement account whose bank reports no cash in it: Plaid's "available" is 0.
    const db = new BetterSqlite3(seeded.databasePath);
    db.prepare(`UPDATE accounts SET balance_available = 0 WHERE id = 'acc_p_ira'`).run();
    db.close();
    host = await startBuiltHost({}, { dataDir: seeded.dataDir });
    await host.keychain.set(secretAccounts.plaidClientId('sandbox'), 'seeded-client-id-7f3a');
    await host.keychain.set(secretAccounts.plaidSecret('sandbox'), 'seeded-secret');
  });

  test.afterAll(async () => {
    expect(await host.stop()).toBe(0);
  });

  test('overview: the window never scrolls, the sidebar stays whole, the legend names whole', async ({
    page,
  }) => {
    await page.goto(host.openUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    const legend = page.getByRole('list', { name: /Spending in .* by category/ });
    await expect(legend).toBeVisible();
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();

    // The visually hidden tables stay 1 px: the document is exactly the window, not taller.
    const size = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      body: document.body.scrollHeight,
      window: window.innerHeight,
    }));
    expect(size.scroll).toBeLessThanOrEqual(size.window);
    expect(size.body).toBeLessThanOrEqual(size.window);

    // Scrolling over the sidebar moves nothing, and the sidebar still fills the window.
    const sidebar = page.locator('.sidebar');
    await sidebar.hover();
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = (await sidebar.boundingBox())!;
    expect(box.y).toBe(0);
    expect(box.y + box.height).toBeGreaterThanOrEqual(800);

    // Card payments say so: Plaid files them under LOAN_PAYMENTS.
    await expect(legend).toContainText('Loan and credit card payments');
    await expect(legend).not.toContainText(/^Loan payments/m);
    // No name is cut short with an ellipsis while the legend has room for it.
    const cut = await legend
      .locator('.legend-name')
      .evaluateAll((names) =>
        names.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent ?? ''),
      );
    expect(cut).toEqual([]);
    // Nor is a word broken in two: each word fits the width its name has.
    const broken = await legend.locator('.legend-name').evaluateAll((names) =>
      names.flatMap((n) => {
        const words = (n.textContent ?? '').split(/\s+/);
        return words.filter((word) => {
          const probe = document.createElement('span');
          probe.style.whiteSpace = 'nowrap';
          probe.textContent = word;
          n.appendChild(probe);
          const wide = probe.getBoundingClientRect().width > n.clientWidth + 0.5;
          probe.remove();
          return wide;
        });
      }),
    );
    expect(broken).toEqual([]);
    await legend.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'overview at 1280×800');
    await keepScreenshot(page, 'first-hour-overview');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(legend).toContainText('Loan and credit card payments');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      800,
    );
    await expectAccessible(page, 'overview at 1280×800, dark');
    await keepScreenshot(page, 'first-hour-overview-dark');
  });

  test('the skip link appears beside the sidebar, never over the brand', async ({ page }) => {
    await page.goto(host.openUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    const link = (await skip.boundingBox())!;
    const brand = (await page.locator('.brand').boundingBox())!;
    const sidebar = (await page.locator('.sidebar').boundingBox())!;
    const overlaps =
      link.x < brand.x + brand.width &&
      brand.x < link.x + link.width &&
      link.y < brand.y + brand.height &&
      brand.y < link.y + link.height;
    expect(overlaps).toBe(false);
    expect(link.x).toBeGreaterThanOrEqual(sidebar.x + sidebar.width);
    await keepScreenshot(page, 'first-hour-skip-link');
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });

  test('accounts: each currency labelled, no "Available" the bank does not give', async ({
    page,
  }) => {
    await page.goto(host.openUrl);
    await nav(page, 'Accounts');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    const totals = page.getByRole('region', { name: 'Totals' });
    const worth = totals.locator('.stat-card-lead');
    await expect(worth.locator('.currency-code')).toHaveText(['USD', 'CAD']);

    // Cash and cards show what can be spent; investments and loans do not.
    const cash = page.getByRole('region', { name: 'Cash' });
    await expect(cash.getByRole('columnheader', { name: 'Available' })).toBeVisible();
    const investments = page.getByRole('region', { name: 'Investments' });
    await expect(investments.getByRole('row', { name: /Plaid IRA/ })).toBeVisible();
    await expect(investments.getByRole('columnheader', { name: 'Available' })).toHaveCount(0);
    await expect(investments).not.toContainText('$0.00');
    const loans = page.getByRole('region', { name: 'Loans' });
    await expect(loans.getByRole('columnheader', { name: 'Available' })).toHaveCount(0);
    await expectAccessible(page, 'accounts at 1280×800');
    await keepScreenshot(page, 'first-hour-accounts');

    await investments.getByRole('link', { name: 'Plaid IRA' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Plaid IRA/ })).toBeVisible();
    await expect(page.locator('.stat-label', { hasText: 'Available' })).toHaveCount(0);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goBack();
    await expect(page.getByRole('region', { name: 'Investments' })).toBeVisible();
    await expectAccessible(page, 'accounts at 1280×800, dark');
    await keepScreenshot(page, 'first-hour-accounts-dark');
  });
});

test.describe('the keys form of a new user', () => {
  let host: RunningHost;

  test.beforeAll(async () => {
    // Plaid is out of reach: a closed local port.
    host = await startBuiltHost({ LEDGERLIGHT_PLAID_BASE_URL: 'http://127.0.0.1:9' });
  });

  test.afterAll(async () => {
    expect(await host.stop()).toBe(0);
  });

  test('refusals are sentences, in view and focused; nothing pasted is cut', async ({ page }) => {
    await page.goto(host.openUrl);
    await expect(page.getByRole('heading', { name: 'Welcome to Ledgerlight' })).toBeVisible();
    const save = page.getByRole('button', { name: 'Save keys' });
    await expect(save).toBeInViewport();

    const clientId = page.getByLabel('Client id');
    const secret = page.getByLabel('Secret');
    const alert = page.locator('.form-error').getByRole('alert');

    // Spaces only: a sentence, not the validator's words.
    await clientId.fill('   ');
    await secret.fill('   ');
    await save.click();
    await expect(alert).toContainText(
      'Enter the client id from the Keys page of the Plaid Dashboard.',
    );
    await expect(alert).not.toContainText(/expected|Too small|characters\)/);
    await expect(alert).toBeInViewport();
    await expect(save).toBeInViewport();
    await expect(page.locator('.form-error')).toBeFocused();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    await expectAccessible(page, 'onboarding, keys refused');
    await keepScreenshot(page, 'first-hour-keys-refused');

    // A long paste arrives whole, and the limit is said rather than applied silently.
    const long = `${'c'.repeat(140)}`;
    await clientId.fill(long);
    await expect(clientId).toHaveValue(long);
    await secret.fill('s'.repeat(250));
    await expect(secret).toHaveValue('s'.repeat(250));
    await save.click();
    await expect(alert).toContainText('A client id is at most 100 characters');
    await expect(alert).toContainText('A secret is at most 200 characters');

    // Plaid cannot be reached: one sentence each, no promise of a retry that never comes.
    await clientId.fill('0123456789abcdef01234567');
    await secret.fill('0123456789abcdef0123456789abcd');
    await save.click();
    await expect(alert).toContainText(
      'Ledgerlight could not check the keys with Plaid, so nothing was saved. Plaid could not be reached.',
    );
    const text = (await alert.textContent()) ?? '';
    expect(text).not.toMatch(/\.\s*\./);
    expect(text).not.toMatch(/will try again/);
    await expect(alert).toBeInViewport();
    await expect(save).toBeInViewport();
    await expect(page.locator('.form-error')).toBeFocused();

    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'onboarding, Plaid unreachable, dark');
    await keepScreenshot(page, 'first-hour-keys-unreachable-dark');
  });
});

test.describe('demo mode', () => {
  let host: RunningHost;

  test.beforeAll(async () => {
    host = await startBuiltHost({}, { entry: 'out/main/demo.js', args: ['--serve'] });
  });

  test.afterAll(async () => {
    expect(await host.stop()).toBe(0);
  });

  test('settings say the demo keys stay in memory, not in the keychain', async ({ page }) => {
    await page.goto(host.openUrl);
    await nav(page, 'Settings');
    const keys = page.getByRole('region', { name: 'Plaid keys' });
    await expect(keys).toContainText('Kept in memory for this demo session only');
    await expect(keys).not.toContainText('Saved in the system keychain');
    await expectAccessible(page, 'settings, demo');
    await keepScreenshot(page, 'first-hour-settings-demo');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(keys).toContainText('Kept in memory for this demo session only');
    await keepScreenshot(page, 'first-hour-settings-demo-dark');
  });
});
