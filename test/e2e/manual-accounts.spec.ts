import { expect, test, type Locator, type Page } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';
import { daysAgo, hostLedger } from './support/host-ledger';
import { expectAccessible, keepScreenshot } from './support/screens';

/**
 * Accounts kept by hand, on a fresh install with no Plaid keys: the person starts without a bank
 * from the first screen, adds a wallet in euros and a house in dollars, records the house's new
 * value, closes and reopens the wallet, and sees net worth over time per currency, drawn from
 * balances rebuilt from the transactions they typed in. Every step is checked in the SQLite file.
 */

let host: RunningHost;
const { query, api } = hostLedger(() => host);

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });

test.beforeAll(async () => {
  host = await startBuiltHost();
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

interface StoredAccount {
  id: string;
  name: string;
  source: string;
  connection_id: string | null;
  type: string;
  subtype: string | null;
  currency: string;
  balance_current: number | null;
  closed_at: string | null;
}
const storedAccount = (name: string) =>
  query<StoredAccount>(
    `SELECT id, name, source, connection_id, type, subtype, currency, balance_current, closed_at
     FROM accounts WHERE name = ?`,
    name,
  )[0];

const today = () => daysAgo(0);

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(minor / 100);

/** Opens the app at a path, the host's token in the fragment as `npm run serve` prints it. */
async function open(page: Page, at = ''): Promise<void> {
  await page.goto(`${host.url}${at}#token=${encodeURIComponent(host.token)}`);
}

const toast = (page: Page, text: string | RegExp) =>
  page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: text });

/** The page's own error notices (the missing-keys banner is a warning, not an error). */
const errors = (page: Page) => page.locator('.notice-error');

async function fillAccount(
  dialog: Locator,
  fields: { name: string; kind: string; currency: string; balance: string },
): Promise<void> {
  await dialog.getByLabel('Account name').fill(fields.name);
  await dialog.getByLabel('Kind').selectOption({ label: fields.kind });
  await dialog.getByLabel('Currency').fill(fields.currency);
  await dialog
    .getByRole('textbox', { name: /^(Starting balance|What you owe)/ })
    .fill(fields.balance);
}

test('start without a bank: a wallet in euros, and the app opens on it', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Ledgerlight' })).toBeVisible();
  await page.getByRole('button', { name: 'Start without a bank' }).click();

  const dialog = page.getByRole('dialog', { name: 'Add an account by hand' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Account name')).toBeFocused();
  // Nine kinds, each with a line that says what it is for.
  await expect(dialog.getByLabel('Kind').locator('option')).toHaveCount(9);
  await dialog.getByLabel('Kind').selectOption({ label: 'Property' });
  await expect(dialog.getByText('A house or a car, at what it is worth.')).toBeVisible();

  // Saving without a name says so beside the name, and adds nothing.
  await dialog.getByRole('button', { name: 'Add the account' }).click();
  await expect(dialog.getByText('Give the account a name.')).toBeVisible();
  await expect(dialog.getByLabel('Account name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Account name')).toBeFocused();
  expect(query('SELECT id FROM accounts')).toHaveLength(0);

  // An amount the app cannot read, and a currency it does not know, are said under their boxes.
  await fillAccount(dialog, { name: 'Wallet', kind: 'Cash', currency: 'EUX', balance: '200,5' });
  await expect(dialog.getByText('Use a point for the decimals, like 200.5.')).toBeVisible();
  await expect(dialog.getByText(/Choose a currency from the list/)).toBeVisible();
  await dialog.getByLabel('Currency').fill('eur');
  await expect(dialog.getByText('Euro', { exact: true })).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Starting balance/ }).fill('200.001');
  await expect(
    dialog.getByText('EUR amounts have at most 2 digits after the point.'),
  ).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Starting balance/ }).fill('200.00');
  await expect(dialog.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(
    dialog.getByText('Notes and coins: a wallet, a cash box, a travel purse.'),
  ).toBeVisible();

  await expectAccessible(page, 'add an account dialog');
  await keepScreenshot(page, 'manual-account-dialog');
  await dialog.getByRole('button', { name: 'Add the account' }).click();

  // The app opens on the new account, without nagging about the missing keys beyond the banner.
  await expect(page.getByRole('heading', { level: 1, name: 'Wallet' })).toBeVisible();
  await expect(page).toHaveURL(/\/accounts\/manual-[\w-]+$/);
  await expect(page.locator('.page-subtitle')).toHaveText('Cash · Kept by hand');
  await expect(page.getByRole('region', { name: 'Balances', exact: true })).toContainText(
    '€200.00',
  );
  await expect(toast(page, 'Account added')).toBeVisible();
  await expect(errors(page)).toHaveCount(0);

  const wallet = storedAccount('Wallet')!;
  expect(wallet).toMatchObject({
    source: 'manual',
    connection_id: null,
    type: 'depository',
    subtype: 'cash',
    currency: 'EUR',
    balance_current: 20000,
    closed_at: null,
  });
  expect(
    query('SELECT date, current, currency FROM balance_snapshots WHERE account_id = ?', wallet.id),
  ).toEqual([{ date: today(), current: 20000, currency: 'EUR' }]);

  // Reloading opens the app, not onboarding: an account is data enough.
  await open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  // With no bank connected there is nothing to sync, so nothing nags about the missing keys.
  await expect(page.getByText('No Plaid keys: syncing is off')).toHaveCount(0);
  await expect(errors(page)).toHaveCount(0);
});

test('a house in dollars, its new value, and closing and reopening the wallet', async ({
  page,
}) => {
  await open(page, 'accounts');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Add an account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an account by hand' });
  // Offered in the currency the accounts there are use.
  await expect(dialog.getByLabel('Currency')).toHaveValue('EUR');
  await fillAccount(dialog, {
    name: 'House',
    kind: 'Property',
    currency: 'USD',
    balance: '350,000.00',
  });
  await dialog.getByRole('button', { name: 'Add the account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'House' })).toBeVisible();
  const house = storedAccount('House')!;
  expect(house).toMatchObject({
    source: 'manual',
    connection_id: null,
    type: 'other',
    subtype: 'property',
    currency: 'USD',
    balance_current: 35_000_000,
  });

  // Record the house's new value today.
  await page.getByRole('button', { name: 'Record the balance' }).click();
  const record = page.getByRole('dialog', { name: 'Record the balance of House' });
  await expect(record).toContainText(
    'Your balance from this day on is this amount plus the transactions after it.',
  );
  await expect(record.getByLabel('Day')).toHaveValue(today());
  await record.getByLabel('Balance (USD)').fill('355,000.005');
  await expect(
    record.getByText('USD amounts have at most 2 digits after the point.'),
  ).toBeVisible();
  await record.getByLabel('Balance (USD)').fill('355,000');
  await expectAccessible(page, 'record the balance');
  await record.getByRole('button', { name: 'Record the balance' }).click();
  await expect(toast(page, 'Balance recorded')).toBeVisible();
  await expect(record).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Balances', exact: true })).toContainText(
    '$355,000.00',
  );
  expect(storedAccount('House')!.balance_current).toBe(35_500_000);
  expect(
    query('SELECT date, current FROM balance_snapshots WHERE account_id = ?', house.id),
  ).toEqual([{ date: today(), current: 35_500_000 }]);

  // The accounts list: kept by hand where the bank goes, no "Available", a total per currency.
  await page.getByRole('link', { name: 'Accounts', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Wallet/ })).toContainText('Kept by hand');
  await expect(page.getByRole('row', { name: /House/ })).toContainText('Kept by hand');
  await expect(page.getByRole('columnheader', { name: 'Available' })).toHaveCount(0);
  const totals = page.getByRole('region', { name: 'Totals', exact: true });
  await expect(totals).toContainText('EUR €200.00');
  await expect(totals).toContainText('USD $355,000.00');
  await expect(totals).toContainText('Each currency on its own, never added together');
  await expectAccessible(page, 'accounts with manual accounts');
  await keepScreenshot(page, 'accounts-manual');

  // Close the wallet: a confirmation first, then it leaves the list; its history stays.
  await page.getByRole('link', { name: 'Wallet' }).click();
  await page.getByRole('button', { name: 'Close the account' }).click();
  const confirm = page.getByRole('dialog', { name: 'Close Wallet?' });
  await expect(confirm).toContainText('still counts in your net worth for the days before today');
  await confirm.getByRole('button', { name: 'Close the account' }).click();
  await expect(toast(page, 'Wallet is closed')).toBeVisible();
  await expect(page.getByText(/^Closed on /).first()).toBeVisible();
  const closedAt = storedAccount('Wallet')!.closed_at;
  expect(closedAt).not.toBeNull();
  expect(Date.now() - Date.parse(closedAt!)).toBeLessThan(60_000);

  await page.getByRole('link', { name: 'Accounts', exact: true }).first().click();
  await expect(page.getByRole('row', { name: /House/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Wallet' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Totals', exact: true })).not.toContainText('€');
  // The box's state lives in the address, which the router updates in a transition, a moment
  // after the click: check() reads the box at once and failed under load, so wait for it instead.
  await page.getByLabel('Show closed accounts').click();
  await expect(page.getByLabel('Show closed accounts')).toBeChecked();
  const closed = page.getByRole('region', { name: 'Closed accounts', exact: true });
  await expect(closed.getByRole('row', { name: /Wallet/ })).toContainText(/Closed on /);

  // Reopen it from its page.
  await closed.getByRole('link', { name: 'Wallet' }).click();
  await page.getByRole('button', { name: 'Reopen the account' }).click();
  await expect(toast(page, 'Wallet is open again')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close the account' })).toBeVisible();
  expect(storedAccount('Wallet')!.closed_at).toBeNull();
});

test('net worth over time: one chart per currency, as the ledger says', async ({ page }) => {
  const wallet = storedAccount('Wallet')!;
  // A car loan in dollars, and entries typed in over the last months, through the host's API.
  const loan = await api<{ id: string }>('accounts.create', {
    name: 'Car loan',
    kind: 'loan',
    currency: 'USD',
    balance: 1_200_000,
  });
  const entries = [
    { accountId: wallet.id, date: daysAgo(20), amount: -3000, name: 'Groceries' },
    { accountId: wallet.id, date: daysAgo(50), amount: -4550, name: 'Market' },
    { accountId: wallet.id, date: daysAgo(80), amount: 10000, name: 'Cash withdrawal' },
    { accountId: wallet.id, date: daysAgo(120), amount: -1200, name: 'Bakery' },
    { accountId: loan.id, date: daysAgo(30), amount: 50000, name: 'Loan payment' },
    { accountId: loan.id, date: daysAgo(60), amount: 50000, name: 'Loan payment' },
    { accountId: loan.id, date: daysAgo(90), amount: 50000, name: 'Loan payment' },
  ];
  for (const entry of entries) {
    const result = await api<{ outcome: string }>('transactions.create', entry);
    expect(result.outcome).toBe('added');
  }
  expect(
    query<{ n: number }>("SELECT COUNT(*) AS n FROM transactions WHERE source = 'manual'")[0]!.n,
  ).toBe(entries.length);

  await open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Net worth over time', exact: true });
  await expect(card.getByRole('table')).toHaveCount(2);
  await expect(card.getByRole('button', { name: /^2Y/ })).toHaveAttribute('aria-pressed', 'true');

  // The last point of each currency is what the accounts hold now: owned minus owed.
  const expected = query<{ currency: string; assets: number; liabilities: number }>(
    `SELECT currency,
       SUM(CASE WHEN type IN ('credit', 'loan') THEN 0 ELSE balance_current END) AS assets,
       SUM(CASE WHEN type IN ('credit', 'loan') THEN balance_current ELSE 0 END) AS liabilities
     FROM accounts WHERE closed_at IS NULL AND hidden = 0 GROUP BY currency ORDER BY currency`,
  );
  expect(expected.map((e) => e.currency)).toEqual(['EUR', 'USD']);
  expect(expected.find((e) => e.currency === 'USD')).toEqual({
    currency: 'USD',
    assets: 35_500_000,
    liabilities: 1_200_000,
  });
  for (const { currency, assets, liabilities } of expected) {
    const table = card.getByRole('table', { name: new RegExp(`^Net worth in ${currency}`) });
    const lastRow = table.getByRole('row').last();
    await expect(lastRow.getByRole('cell').nth(0)).toHaveText(money(assets, currency));
    await expect(lastRow.getByRole('cell').nth(1)).toHaveText(money(liabilities, currency));
    await expect(lastRow.getByRole('cell').nth(2)).toHaveText(
      new RegExp(`^${escape(money(assets - liabilities, currency))}`),
    );
    await expect(
      card.getByRole('heading', { name: new RegExp(`^Net worth in ${currency}`) }),
    ).toBeVisible();
  }
  // The euro line starts when the wallet's first entry was made, rebuilt from the entries.
  const firstEur = card
    .getByRole('table', { name: /^Net worth in EUR/ })
    .getByRole('row')
    .nth(1);
  await expect(firstEur).toContainText('(includes balances rebuilt from transactions)');
  await expect(card).toContainText('Includes balances rebuilt from your transactions');
  await expect(card.locator('.networth-box svg .recharts-area-area')).toHaveCount(2);

  await expectAccessible(page, 'overview with net worth');
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await keepScreenshot(page, 'overview-net-worth');

  // Another period asks the core again; five years still end on today's figures.
  await card.getByRole('button', { name: /^5Y/ }).click();
  await expect(card.getByRole('button', { name: /^5Y/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('table')).toHaveCount(2);

  await page.emulateMedia({ colorScheme: 'dark' });
  await card.getByRole('button', { name: /^1Y/ }).click();
  await expect(card.getByRole('table')).toHaveCount(2);
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expectAccessible(page, 'overview with net worth, dark');
  await keepScreenshot(page, 'overview-net-worth-dark');
});

test('the account screen draws the history rebuilt from the entries', async ({ page }) => {
  const wallet = storedAccount('Wallet')!;
  const first = query<{ date: string }>(
    'SELECT MIN(date) AS date FROM transactions WHERE account_id = ? AND removed_at IS NULL',
    wallet.id,
  )[0]!.date;
  const after = query<{ net: number }>(
    'SELECT SUM(amount) AS net FROM transactions WHERE account_id = ? AND date > ?',
    wallet.id,
    first,
  )[0]!.net;
  // The wallet's balance at the end of its first day: today's less everything since.
  const firstBalance = wallet.balance_current! - after;
  expect(firstBalance).toBe(17_550);

  await open(page, `accounts/${encodeURIComponent(wallet.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Wallet' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Balance history', exact: true });
  const figure = history.locator('figure');
  await expect(figure.locator('figcaption')).toHaveText(
    new RegExp(
      `^Balance history of Wallet: ${escape(money(firstBalance, 'EUR'))} on .+, €200\\.00 on .+\\. \\d+ days of \\d+ are rebuilt from your transactions\\.$`,
    ),
  );
  await expect(history.getByText('Dashed: rebuilt from your transactions')).toBeVisible();
  // Rebuilt days are drawn dashed; the day recorded by hand is a dot at the end.
  await expect(figure.locator('path.recharts-curve[stroke-dasharray]').first()).toBeVisible();
  await expect(history.getByText(/not enough history/i)).toHaveCount(0);

  // The actions for an account kept by hand, and where they lead.
  await expect(page.getByRole('link', { name: 'Add a transaction' })).toHaveAttribute(
    'href',
    `/transactions?add=${encodeURIComponent(wallet.id)}`,
  );
  await expect(page.getByRole('link', { name: 'Import a file' })).toHaveAttribute(
    'href',
    `/import?account=${encodeURIComponent(wallet.id)}`,
  );
  await expect(
    page.getByRole('region', { name: 'Recent transactions', exact: true }),
  ).toContainText('Bakery');

  // What is there only for screen readers stays inside its card: it makes the page no longer.
  const outside = await page.evaluate(
    () =>
      [...document.querySelectorAll('#main .visually-hidden')].filter((el) => {
        const card = el.closest('.card');
        if (!card) return false;
        const box = el.getBoundingClientRect();
        const within = card.getBoundingClientRect();
        return box.bottom > within.bottom + 1 || box.right > within.right + 1;
      }).length,
  );
  expect(outside).toBe(0);

  await expectAccessible(page, 'manual account detail');
  await keepScreenshot(page, 'account-detail-manual');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
