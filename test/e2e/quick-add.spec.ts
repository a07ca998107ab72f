import { expect, test, type Page } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';
import { daysAgo, hostLedger } from './support/host-ledger';
import { expectAccessible, keepScreenshot } from './support/screens';

/**
 * Adding, changing and deleting transactions by hand on the Transactions screen, on a fresh
 * install with one wallet in euros: `n` opens the quick-add form, three receipts go in with the
 * keyboard alone, the last is undone from its toast, one is opened, changed and deleted (and
 * brought back), and an entry that is money already here from a file adds nothing until the
 * person says so. Every step is checked in the SQLite file.
 */

let host: RunningHost;
const { query, api } = hostLedger(() => host);
let walletId: string;

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });

test.beforeAll(async () => {
  host = await startBuiltHost();
  walletId = (
    await api<{ id: string }>('accounts.create', {
      name: 'Wallet',
      kind: 'cash',
      currency: 'EUR',
    })
  ).id;
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

interface StoredRow {
  seq: number;
  id: string;
  source: string;
  connection_id: string | null;
  account_id: string;
  date: string;
  name: string;
  amount: number;
  currency: string;
  payee: string | null;
  user_category: string | null;
  notes: string | null;
  locks: string;
  removed_at: string | null;
}

const stored = (name: string) =>
  query<StoredRow>(
    `SELECT seq, id, source, connection_id, account_id, date, name, amount, currency, payee,
       user_category, notes, locks, removed_at
     FROM transactions WHERE name = ? ORDER BY seq DESC`,
    name,
  );
const count = () => query<{ n: number }>('SELECT COUNT(*) AS n FROM transactions')[0]!.n;

const toast = (page: Page, text: string | RegExp) =>
  page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: text });
const rows = (page: Page) => page.locator('.tx-body [role="row"]:not(.tx-row-placeholder)');
const form = (page: Page) => page.getByRole('region', { name: 'Add a transaction' });
const amountBox = (page: Page) => form(page).getByRole('textbox', { name: 'Amount' });

async function openTransactions(page: Page): Promise<void> {
  await page.goto(`${host.url}#token=${encodeURIComponent(host.token)}`);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Transactions' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Transactions' })).toBeVisible();
}

/** Types one receipt from the amount box on, with the keyboard only, and presses Enter. */
async function typeReceipt(
  page: Page,
  entry: { amount: string; description: string; payee?: string; category?: string },
  beforeEnter?: () => Promise<void>,
): Promise<void> {
  await expect(amountBox(page)).toBeFocused();
  await page.keyboard.type(entry.amount);
  await page.keyboard.press('Tab');
  await page.keyboard.type(entry.description);
  if (entry.payee !== undefined || entry.category !== undefined) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(entry.payee ?? '');
    await page.keyboard.press('Tab');
    // A closed list picks the option whose name starts with what is typed.
    if (entry.category) await page.keyboard.type(entry.category);
  }
  await beforeEnter?.();
  await page.keyboard.press('Enter');
}

test('n opens the form; three receipts go in with the keyboard alone, the last is undone', async ({
  page,
}) => {
  await openTransactions(page);
  await expect(page.getByRole('heading', { name: 'No transactions yet' })).toBeVisible();
  const add = page.getByRole('button', { name: 'Add transaction' });
  await expect(add).toHaveAttribute('aria-keyshortcuts', 'n');

  // `n` on the page opens the form (in a text box it is just a letter, see below).
  await page.locator('body').press('n');
  await expect(form(page)).toBeVisible();
  await expect(amountBox(page)).toBeFocused();
  await expect(form(page).getByLabel('Account')).toHaveValue(walletId);
  await expect(form(page).getByLabel('Date')).toHaveValue(daysAgo(0));
  await expect(form(page).getByRole('radio', { name: 'Money out' })).toBeChecked();
  await expectAccessible(page, 'quick add form');

  // Nothing typed: the problems are said under their boxes, and nothing is added.
  await page.keyboard.press('Enter');
  await expect(form(page).getByText('Type the amount, like 1,234.56.')).toBeVisible();
  await expect(form(page).getByText(/Say what it was/)).toBeVisible();
  await expect(amountBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(amountBox(page)).toBeFocused();
  expect(count()).toBe(0);
  // An amount that cannot be read is a sentence, never a guess.
  await page.keyboard.type('12,50');
  await page.keyboard.press('Enter');
  await expect(form(page).getByText('Use a point for the decimals, like 12.50.')).toBeVisible();
  expect(count()).toBe(0);
  await amountBox(page).fill('');

  // 1: money out with a payee and a category; Enter saves and starts the next on the same day.
  await typeReceipt(page, {
    amount: '3.50',
    description: 'Coffee',
    payee: 'Corner Café',
    category: 'Food',
  });
  await expect(toast(page, 'Added “Coffee”')).toBeVisible();
  const coffee = stored('Coffee');
  expect(coffee).toHaveLength(1);
  expect(coffee[0]).toMatchObject({
    source: 'manual',
    connection_id: null,
    account_id: walletId,
    date: daysAgo(0),
    amount: -350,
    currency: 'EUR',
    payee: 'Corner Café',
    user_category: 'FOOD_AND_DRINK',
    removed_at: null,
  });
  const locks = JSON.parse(coffee[0]!.locks) as Record<string, string>;
  expect(Object.keys(locks).sort()).toEqual(['category', 'payee']);
  // The form is empty again but for the account and the day, and the cursor is in the amount.
  await expect(amountBox(page)).toBeFocused();
  await expect(amountBox(page)).toHaveValue('');
  await expect(form(page).getByLabel('Description')).toHaveValue('');
  await expect(form(page).getByLabel('Account')).toHaveValue(walletId);
  await expect(form(page).getByLabel('Date')).toHaveValue(daysAgo(0));
  await expect(rows(page)).toHaveCount(1);

  // 2: thousands with a comma, exact to the cent.
  await typeReceipt(page, { amount: '1,234.56', description: 'New bike' });
  await expect(toast(page, 'Added “New bike”')).toBeVisible();
  expect(stored('New bike')[0]).toMatchObject({
    source: 'manual',
    connection_id: null,
    amount: -123456,
    date: daysAgo(0),
    payee: null,
    locks: '{}',
  });
  await expect(amountBox(page)).toBeFocused();

  // 3: "+" in the amount box makes it money in.
  await expect(rows(page)).toHaveCount(2);
  await typeReceipt(page, { amount: '+12.5', description: 'Bottle deposit back' }, async () => {
    await expect(form(page).getByRole('radio', { name: 'Money in' })).toBeChecked();
    await keepScreenshot(page, 'quick-add');
  });
  await expect(toast(page, 'Added “Bottle deposit back”')).toBeVisible();
  const deposit = stored('Bottle deposit back');
  expect(deposit[0]).toMatchObject({ source: 'manual', amount: 1250, removed_at: null });
  // Only the newest toast offers Undo: an older one would now take back this row instead.
  await expect(toast(page, 'Added “New bike”')).toHaveCount(0);
  // After a save the direction is money out again, the usual case.
  await expect(form(page).getByRole('radio', { name: 'Money out' })).toBeChecked();

  // Undo from the toast takes the last one back.
  await toast(page, 'Added “Bottle deposit back”').getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, /Undone on 1 transaction/)).toBeVisible();
  expect(stored('Bottle deposit back')[0]!.removed_at).not.toBeNull();
  expect(stored('Coffee')[0]!.removed_at).toBeNull();
  expect(stored('New bike')[0]!.removed_at).toBeNull();
  await expect(rows(page)).toHaveCount(2);

  await page.emulateMedia({ colorScheme: 'dark' });
  await amountBox(page).focus();
  await page.keyboard.type('8.90');
  await keepScreenshot(page, 'quick-add-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Escape closes the form, and the focus goes back to the button that opens it.
  await page.keyboard.press('Escape');
  await expect(form(page)).toHaveCount(0);
  await expect(add).toBeFocused();
  expect(count()).toBe(3);
});

test('a row entered by hand: change its amount and date, delete it, and bring it back', async ({
  page,
}) => {
  await openTransactions(page);
  // In the search box, `n` is a letter: the form stays closed.
  await page.locator('body').press('/');
  await page.keyboard.press('n');
  await expect(page.getByLabel('Search')).toHaveValue('n');
  await expect(page).toHaveURL(/q=n/);
  await expect(form(page)).toHaveCount(0);
  await page.getByLabel('Search').fill('');
  await expect(page).not.toHaveURL(/q=/);
  await expect(rows(page)).toHaveCount(2);

  await rows(page).filter({ hasText: 'Corner Café' }).click();
  const panel = page.getByRole('dialog', { name: 'Corner Café' });
  await expect(panel).toBeVisible();
  const facts = panel.getByRole('region', { name: 'What you entered' });
  await expect(facts).toContainText('Entered by hand');
  await expect(panel.getByRole('region', { name: 'History' })).toContainText('Added by hand');
  const amount = facts.getByRole('textbox', { name: 'Amount' });
  await expect(amount).toHaveValue('3.50');
  await expect(facts.getByRole('radio', { name: 'Money out' })).toBeChecked();

  await amount.fill('4.50');
  await facts.getByLabel('Date', { exact: true }).fill(daysAgo(1));
  await facts.getByRole('button', { name: 'Save date, amount and description' }).click();
  await expect(panel.getByRole('region', { name: 'History' })).toContainText(
    'Amount from -3.50 EUR to -4.50 EUR',
  );
  const changed = stored('Coffee')[0]!;
  expect(changed).toMatchObject({ amount: -450, date: daysAgo(1), removed_at: null });
  // One undo step for both.
  expect(
    query<{ n: number }>(
      `SELECT COUNT(DISTINCT group_id) AS n FROM transaction_edits
       WHERE seq = ? AND field IN ('amount', 'date')`,
      changed.seq,
    )[0]!.n,
  ).toBe(1);
  await expect(panel.getByRole('region', { name: 'History' })).toContainText(/Date from .* to /);
  // No bank stands behind this row: its category falls back to none, not to "the bank's".
  const category = panel.getByLabel('Category', { exact: true });
  await expect(category.locator('option', { hasText: 'No category' })).toHaveCount(1);
  await expect(category.locator('option', { hasText: /^The bank’s/ })).toHaveCount(0);
  await expectAccessible(page, 'panel of a row entered by hand');
  await keepScreenshot(page, 'transaction-panel-manual');

  // Delete asks first, says it can be undone, and closes the panel.
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this transaction?' });
  await expect(confirm).toContainText('You can undo this');
  await confirm.getByRole('button', { name: 'Delete it' }).click();
  await expect(toast(page, 'Transaction deleted')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(stored('Coffee')[0]!.removed_at).not.toBeNull();
  await expect(rows(page)).toHaveCount(1);

  await toast(page, 'Transaction deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, /Undone on 1 transaction/)).toBeVisible();
  expect(stored('Coffee')[0]).toMatchObject({ removed_at: null, amount: -450 });
  await expect(rows(page)).toHaveCount(2);

  // Picked rows that are all the person's own can be deleted together, as one undo step.
  await rows(page)
    .getByRole('checkbox', { name: /^Pick New bike/ })
    .check();
  await rows(page)
    .getByRole('checkbox', { name: /^Pick Corner Café/ })
    .check();
  await expect(page.getByText('2 transactions picked')).toBeVisible();
  const bulk = page.getByRole('region', { name: 'Change the picked transactions' });
  await bulk.getByRole('button', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Delete 2 transactions?' })
    .getByRole('button', { name: 'Delete 2 transactions' })
    .click();
  await expect(toast(page, '2 transactions deleted')).toBeVisible();
  expect(
    query(
      "SELECT seq FROM transactions WHERE name IN ('Coffee', 'New bike') AND removed_at IS NULL",
    ),
  ).toHaveLength(0);
  await toast(page, '2 transactions deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, /Undone on 2 transactions/)).toBeVisible();
  expect(
    query(
      "SELECT seq FROM transactions WHERE name IN ('Coffee', 'New bike') AND removed_at IS NULL",
    ),
  ).toHaveLength(2);
});

test('money already here from a file adds nothing, until "Add it anyway"', async ({ page }) => {
  // A file import brings a row ten days ago.
  const csv = `Date,Description,Amount\n${daysAgo(10)},MARKET HALL,-27.40\n`;
  const imported = await api<{ batchId: number; new: number }>('import.commit', {
    accountId: walletId,
    fileName: 'wallet.csv',
    content: Buffer.from(csv).toString('base64'),
    format: 'csv',
    mapping: {
      encoding: 'utf-8',
      delimiter: ',',
      skipLines: 0,
      hasHeader: true,
      dateOrder: 'YMD',
      numberFormat: 'dot',
      amountMode: 'signed',
      flipSign: false,
      indicatorOut: null,
      columns: { date: 0, description: 1, amount: 2 },
    },
  });
  expect(imported.new).toBe(1);
  expect(stored('MARKET HALL')[0]).toMatchObject({ source: 'file', amount: -2740 });
  const before = count();

  // Other screens open the form on an account with ?add=<accountId>.
  await openTransactions(page);
  await page.goto(`${host.url}transactions?add=${encodeURIComponent(walletId)}`);
  await expect(form(page)).toBeVisible();
  await expect(form(page).getByLabel('Account')).toHaveValue(walletId);
  await expect(page).not.toHaveURL(/add=/);

  // The same amount a day later is most likely the same money: nothing is added.
  await form(page).getByLabel('Date').fill(daysAgo(9));
  await amountBox(page).fill('27.40');
  await form(page).getByLabel('Description').fill('Market');
  await form(page).getByLabel('Description').press('Enter');
  const already = page.getByRole('region', { name: /already here/ });
  await expect(already).toBeVisible();
  await expect(already).toBeFocused();
  await expect(already).toContainText('Nothing was added.');
  const match = already.getByRole('listitem');
  await expect(match).toHaveCount(1);
  await expect(match).toContainText('MARKET HALL');
  await expect(match).toContainText('-€27.40');
  await expect(match).toContainText('Wallet');
  expect(count()).toBe(before);
  expect(stored('Market')).toHaveLength(0);
  await expectAccessible(page, 'quick add, already here');

  // "Open it" opens that row's panel, which says it came from a file.
  await match.getByRole('button', { name: /^Open it/ }).click();
  const panel = page.getByRole('dialog', { name: 'MARKET HALL' });
  await expect(panel.getByRole('region', { name: 'What the file says' })).toContainText(
    `Imported from a file (batch #${imported.batchId})`,
  );
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);

  // "Add it anyway" adds the typed one after all.
  await already.getByRole('button', { name: 'Add it anyway' }).click();
  await expect(toast(page, 'Added “Market”')).toBeVisible();
  expect(count()).toBe(before + 1);
  expect(stored('Market')[0]).toMatchObject({
    source: 'manual',
    connection_id: null,
    amount: -2740,
    date: daysAgo(9),
    removed_at: null,
  });
  expect(stored('MARKET HALL')[0]!.removed_at).toBeNull();
  await expect(already).toHaveCount(0);
  await expect(amountBox(page)).toBeFocused();
});
