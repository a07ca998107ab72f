import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, keepScreenshot } from './support/screens';
import { useSeededHost } from './support/seeded-host';

/**
 * The person edits the ledger from the transactions screen: opens a row, renames its payee for
 * every row with the same bank text, recategorizes inline, edits a picked set, and undoes each by
 * the toast's button and by Ctrl+Z. Every step is checked in the database file itself.
 */

const { openUrl, query } = useSeededHost();

const STARBUCKS = 'STARBUCKS STORE 04321';

async function openTransactions(page: Page, search = ''): Promise<void> {
  await page.goto(openUrl());
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

  // Compact rows: shorter rows, remembered on this device across a reload.
  const height = async () => (await rows(page).first().boundingBox())!.height;
  const comfortable = await height();
  await page.getByRole('button', { name: 'Compact rows' }).click();
  await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(height).toBeLessThan(comfortable);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Compact rows' }).click();
});

test('tag and split a row, confirm a transfer, sort by amount, search mid-word and by amount', async ({
  page,
}) => {
  await openTransactions(page, 'starbucks');
  await rows(page).first().click();
  const panel = page.getByRole('dialog');
  await expect(panel).toHaveAccessibleName('Starbucks');
  const seq = () =>
    query<{ seq: number; amount: number }>(
      `SELECT t.seq, t.amount FROM transactions t WHERE t.name = ? AND t.removed_at IS NULL
       ORDER BY t.date DESC, t.seq DESC LIMIT 1`,
      STARBUCKS,
    )[0]!;
  const row = seq();

  // A tag made on the fly, then the list filtered by it.
  await panel.getByLabel('Add a tag').fill('Work trips');
  await panel.getByLabel('Add a tag').press('Enter');
  await expect(panel.getByRole('list', { name: 'Tags on this transaction' })).toContainText(
    'Work trips',
  );
  expect(
    query(
      `SELECT 1 FROM transaction_tags tt JOIN tags g ON g.id = tt.tag_id
       WHERE tt.seq = ? AND g.name = 'Work trips'`,
      row.seq,
    ),
  ).toHaveLength(1);

  // Split in two: Save waits until the parts add up to the whole, to the cent.
  await panel.getByText('Split this transaction', { exact: true }).click();
  const split = panel.getByRole('form', { name: 'Split this transaction' });
  const whole = Math.abs(row.amount);
  const first = Math.floor(whole / 3);
  await split.getByLabel('Part 1 amount').fill((first / 100).toFixed(2));
  await split.getByLabel('Part 2 amount').fill(((whole - first - 1) / 100).toFixed(2));
  await expect(split.getByRole('button', { name: 'Save split' })).toBeDisabled();
  await expect(split.getByRole('status')).toContainText('Still to assign');
  await split.getByLabel('Part 2 amount').fill(((whole - first) / 100).toFixed(2));
  await split.getByRole('button', { name: 'Save split' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Split saved' })).toBeVisible();
  const parts = query<{ amount: number }>(
    'SELECT amount FROM transaction_splits WHERE seq = ? ORDER BY position',
    row.seq,
  );
  expect(parts.map((p) => p.amount).reduce((a, b) => a + b, 0)).toBe(row.amount);
  expect(parts).toHaveLength(2);
  await expectAccessible(page, 'transaction panel, tagged and split');
  await panel.getByRole('button', { name: 'Close' }).click();

  await page.getByLabel('Tag', { exact: true }).selectOption('Work trips');
  await expect(page).toHaveURL(/tag=Work/);
  await expect(page.locator('.page-subtitle')).toHaveText('1 transaction match');
  await expect(rows(page).first()).toContainText('Split');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Possible transfers: confirming one records it; the pair leaves the suggestions.
  const transfers = page.getByRole('region', { name: 'Possible transfers' });
  await expect(transfers).toBeVisible();
  const firstPair = await transfers.getByRole('listitem').first().innerText();
  const offered = () =>
    transfers.getByRole('listitem').filter({ hasText: firstPair.split('\n')[0]! });
  await expect(offered()).toHaveCount(1);
  await transfers.getByRole('button', { name: 'This is a transfer' }).first().click();
  await expect
    .poll(() => query("SELECT 1 FROM transfer_pairs WHERE status = 'confirmed'").length)
    .toBe(1);
  await expect(offered()).toHaveCount(0);
  // Undo takes the confirmation back, and the pair is offered again.
  await page
    .getByRole('status')
    .filter({ hasText: 'Marked as a transfer' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect
    .poll(() => query("SELECT 1 FROM transfer_pairs WHERE status = 'confirmed'").length)
    .toBe(0);
  await expect(offered()).toHaveCount(1);
  await transfers.getByRole('button', { name: 'This is a transfer' }).first().click();
  await expect
    .poll(() => query("SELECT 1 FROM transfer_pairs WHERE status = 'confirmed'").length)
    .toBe(1);

  // A confirmed row's panel names the other side, and takes the pair apart.
  const confirmed = query<{ shown: string; amount: number }>(
    `SELECT COALESCE(t.payee, t.merchant_name, t.name) AS shown, t.amount
     FROM transfer_pairs p JOIN transactions t ON t.seq = p.out_seq WHERE p.status = 'confirmed'`,
  )[0]!;
  await page.getByLabel('Search').fill((Math.abs(confirmed.amount) / 100).toFixed(2));
  await rows(page).filter({ hasText: confirmed.shown }).first().click();
  const transferPanel = page.getByRole('dialog');
  const note = transferPanel.getByRole('region', { name: 'Transfer' });
  await expect(note).toContainText(/You marked this as money moved (to|from) /);
  await note.getByRole('button', { name: 'This is not a transfer' }).click();
  await expect
    .poll(() => query("SELECT 1 FROM transfer_pairs WHERE status = 'confirmed'").length)
    .toBe(0);
  await expect(note).toHaveCount(0);
  await transferPanel.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Sort by amount: biggest money out first, then (again) biggest money in first.
  const amountHeader = page.getByRole('columnheader', { name: 'Amount' });
  await amountHeader.getByRole('button').click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'ascending');
  const lowest = query<{ amount: number }>(
    'SELECT MIN(amount) AS amount FROM transactions WHERE removed_at IS NULL',
  )[0]!.amount;
  await expect(rows(page).first()).toHaveAttribute('aria-rowindex', '2');
  const firstAmount = await rows(page).first().locator('[role="cell"]').nth(5).innerText();
  expect(Number(firstAmount.replace(/[^\d.]/g, '')) * 100).toBeCloseTo(Math.abs(lowest), 0);
  await amountHeader.getByRole('button').click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('columnheader', { name: 'Date' })).toHaveAttribute(
    'aria-sort',
    'none',
  );

  // Mid-word: "bucks" finds STARBUCKS; an amount finds that amount, in or out.
  await page.getByLabel('Search').fill('bucks');
  const bucks = query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM transactions WHERE removed_at IS NULL AND name LIKE '%bucks%'",
  )[0]!.n;
  await expect(page.locator('.page-subtitle')).toHaveText(`${bucks} transactions match`);
  const amount = (whole / 100).toFixed(2);
  await page.getByLabel('Search').fill(amount);
  const byAmount = query<{ n: number }>(
    'SELECT COUNT(*) AS n FROM transactions WHERE removed_at IS NULL AND amount IN (?, ?)',
    whole,
    -whole,
  )[0]!.n;
  await expect(page.locator('.page-subtitle')).toHaveText(
    `${byAmount} transaction${byAmount === 1 ? '' : 's'} match`,
  );
  await expect(page.getByRole('region', { name: 'Sums of these transactions' })).toBeVisible();
});
