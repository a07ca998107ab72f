import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';
import { expectAccessible, keepScreenshot } from './support/screens';
import { seedLedger, type SeededLedger } from './support/seed-ledger';

/**
 * The person edits the ledger from the transactions screen: opens a row, renames its payee for
 * every row with the same bank text, recategorizes inline, edits a picked set, and undoes each by
 * the toast's button and by Ctrl+Z. Every step is checked in the database file itself.
 */

let host: RunningHost;
let seeded: SeededLedger;

test.beforeAll(async () => {
  seeded = await seedLedger();
  host = await startBuiltHost({}, { dataDir: seeded.dataDir });
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test.use({ viewport: { width: 1440, height: 900 } });

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(seeded.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const STARBUCKS = 'STARBUCKS STORE 04321';

async function openTransactions(page: Page, search = ''): Promise<void> {
  await page.goto(host.openUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Transactions' })
    .click();
  if (search) {
    await page.getByLabel('Search').fill(search);
    await expect(page.locator('.page-subtitle')).toHaveText(/transactions? match/);
  }
  await expect(
    page.locator('.tx-body [role="row"]:not(.tx-row-placeholder)').first(),
  ).toBeVisible();
}

const rows = (page: Page) => page.locator('.tx-body [role="row"]:not(.tx-row-placeholder)');

test('open a row, rename its payee for every row with its bank text, and undo it', async ({
  page,
}) => {
  await openTransactions(page, 'starbucks');
  await expect(page).toHaveURL(/q=starbucks/);
  const sameText = query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM transactions WHERE name = ? AND removed_at IS NULL',
    STARBUCKS,
  )[0]!.n;
  expect(sameText).toBeGreaterThan(10);

  await rows(page).first().click();
  const panel = page.getByRole('dialog');
  await expect(panel).toHaveAccessibleName('Starbucks');
  await expect(panel.getByText(STARBUCKS, { exact: true })).toBeVisible();
  await expect(panel.getByText('You have not changed this transaction.')).toBeVisible();
  await expectAccessible(page, 'transaction panel');

  await panel.getByRole('textbox', { name: 'Payee' }).fill('Morning coffee');
  await panel.getByLabel(/Use this payee for every transaction whose bank text is/).check();
  await panel.getByLabel('Notes').fill('Before work');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Transaction saved' })).toBeVisible();

  const named = () =>
    query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM transactions WHERE name = ? AND payee = 'Morning coffee'",
      STARBUCKS,
    )[0]!.n;
  expect(named()).toBeGreaterThanOrEqual(sameText);
  // Only the opened row got the note.
  expect(query('SELECT seq FROM transactions WHERE notes = ?', 'Before work')).toHaveLength(1);
  // The panel is now titled by the new payee and shows the change in its history.
  await expect(panel).toHaveAccessibleName('Morning coffee');
  await expect(panel.getByRole('region', { name: 'History' })).toContainText(
    /Payee from the bank’s to “Morning coffee”/,
  );
  await keepScreenshot(page, 'transaction-panel');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
  await expect(rows(page).first()).toContainText('Morning coffee');

  // The toast's Undo takes back the whole action: payee on every row, and the note.
  await page
    .getByRole('status')
    .filter({ hasText: 'Transaction saved' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /Undone on/ })).toBeVisible();
  expect(named()).toBe(0);
  expect(query('SELECT seq FROM transactions WHERE notes IS NOT NULL')).toHaveLength(0);
  await expect(rows(page).first()).not.toContainText('Morning coffee');
});

test('recategorize in the table, then Ctrl+Z undoes it', async ({ page }) => {
  await openTransactions(page, 'starbucks');
  const first = rows(page).first();
  await first.getByRole('button', { name: /recategorize/ }).click();
  await first.getByLabel(/Category of/).selectOption({ label: 'Travel' });
  await expect(
    page.getByRole('status').filter({ hasText: 'Category set to Travel' }),
  ).toBeVisible();
  expect(query("SELECT seq FROM transactions WHERE user_category = 'TRAVEL'")).toHaveLength(1);
  await expect(first.getByRole('button', { name: /recategorize/ })).toHaveText('Travel');

  // Outside a text field, Ctrl+Z is the ledger's undo.
  await page.locator('body').press('Control+z');
  await expect(
    page.getByRole('status').filter({ hasText: /Undone on 1 transaction/ }),
  ).toBeVisible();
  expect(query("SELECT seq FROM transactions WHERE user_category = 'TRAVEL'")).toHaveLength(0);
});

test('keyboard: / searches, arrows move between rows, Enter opens, Space picks', async ({
  page,
}) => {
  await openTransactions(page);
  await page.locator('body').press('/');
  await expect(page.getByLabel('Search')).toBeFocused();
  await page.getByLabel('Search').fill('starbucks');
  await expect(page).toHaveURL(/q=starbucks/);
  await expect(rows(page).first()).toContainText('Starbucks');

  const second = rows(page).nth(1);
  await rows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await page.keyboard.press('Space');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(page.getByText('2 transactions picked')).toBeVisible();
  await keepScreenshot(page, 'transactions-picked');

  // The picked rows change together, as one undo step.
  await page
    .getByRole('region', { name: 'Change the picked transactions' })
    .getByRole('button', { name: 'Mark reviewed' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked as reviewed' })).toBeVisible();
  expect(query('SELECT seq FROM transactions WHERE reviewed = 1')).toHaveLength(2);
  await expectAccessible(page, 'transactions, two picked');
  await page
    .getByRole('status')
    .filter({ hasText: 'Marked as reviewed' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: /Undone on 2 transactions/ }),
  ).toBeVisible();
  expect(query('SELECT seq FROM transactions WHERE reviewed = 1')).toHaveLength(0);

  // Enter opens the row that has focus.
  await rows(page).nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
