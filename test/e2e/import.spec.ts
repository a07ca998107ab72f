import { expect, test, type Locator, type Page } from '@playwright/test';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import { startBuiltHost, type RunningHost } from './support/host';
import { hostLedger } from './support/host-ledger';
import { expectAccessible, keepScreenshot } from './support/screens';

/**
 * Bringing a bank's file into an account kept by hand, through the import wizard: a European CSV
 * mapped column by column (its ambiguous dates asked about), imported, and found already here
 * when imported again; a row that may be one of two already here, settled from its batch; a batch
 * of 450 rows read past its first pages, then reverted. Every step is checked in the SQLite file.
 */

let host: RunningHost;
const { query, api } = hostLedger(() => host);

test.beforeAll(async () => {
  host = await startBuiltHost();
  // Keys in the host's throwaway keychain service open the app itself rather than onboarding;
  // no Plaid call is made, since no bank is connected.
  await host.keychain.set(secretAccounts.plaidClientId('sandbox'), 'import-client-id-4b1c');
  await host.keychain.set(secretAccounts.plaidSecret('sandbox'), 'import-secret');
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test.use({ viewport: { width: 1280, height: 800 } });

interface StoredRow {
  date: string;
  amount: number;
  name: string;
}
const rowsOf = (accountId: string) =>
  query<StoredRow>(
    `SELECT date, amount, name FROM transactions WHERE account_id = ? AND removed_at IS NULL
     ORDER BY date, amount`,
    accountId,
  );

async function newAccount(name: string, kind = 'checking'): Promise<string> {
  const account = await api<{ id: string }>('accounts.create', { name, kind, currency: 'USD' });
  return account.id;
}

async function open(page: Page, address: string): Promise<void> {
  await page.goto(host.openUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto(new URL(address, host.url).toString());
}

const csvFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

async function chooseFile(page: Page, file: ReturnType<typeof csvFile>): Promise<void> {
  await page.getByLabel('Choose the file your bank gave you').setInputFiles(file);
}

const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });
const count = (page: Page, label: string): Locator =>
  page
    .locator('.import-counts > div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');
const toast = (page: Page, text: string | RegExp) =>
  page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: text });

/** A German bank's export: `;` between columns, day-first dates, comma decimals, Soll/Haben. */
const EUROPEAN = [
  'Buchungstag;Verwendungszweck;Soll;Haben;Waehrung',
  '03.02.2026;REWE Markt Berlin;12,50;;EUR',
  '05.02.2026;Gehalt Februar;;2.500,00;EUR',
  '07.02.2026;Miete Februar;1.100,00;;EUR',
  '09.02.2026;Apotheke am Platz;8,95;;EUR',
  '11.02.2026;Rückerstattung Bahn;;23,40;EUR',
  '12.02.2026;Bäckerei Müller;3,20;;EUR',
  '',
].join('\r\n');

test('a European CSV: columns mapped, dates asked about, imported once, found again', async ({
  page,
}) => {
  const accountId = await newAccount('Credit union');
  await open(page, `/import?account=${accountId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Import a file' })).toBeVisible();
  await expect(page.getByText('Into Credit union')).toBeVisible();
  await expectAccessible(page, 'import: choose a file');

  // A file over 10 MB is refused with a sentence before anything is read.
  await chooseFile(page, csvFile('huge.csv', 'x'.repeat(10 * 1024 * 1024 + 1)));
  await expect(page.getByRole('alert')).toContainText('larger than 10 MB');

  await chooseFile(page, csvFile('statement.csv', EUROPEAN));
  await expect(stepHeading(page, 'Match the columns')).toBeFocused();
  const sample = page.getByRole('region', { name: 'The file’s first rows' });
  await expect(sample.getByRole('columnheader', { name: /Verwendungszweck/ })).toBeVisible();
  await expect(sample.getByRole('cell', { name: 'Rückerstattung Bahn' })).toBeVisible();

  // Which column holds what, and how the numbers are written.
  await page.getByLabel('Date', { exact: true }).selectOption({ label: 'Buchungstag' });
  await page.getByLabel('Description', { exact: true }).selectOption({ label: 'Verwendungszweck' });
  await page.getByRole('radio', { name: /A column for money out and one for money in/ }).check();
  await page.getByLabel('Money out', { exact: true }).selectOption({ label: 'Soll' });
  await page.getByLabel('Money in', { exact: true }).selectOption({ label: 'Haben' });
  await page.getByLabel('Numbers').selectOption({ label: '1.234,56' });

  // Every date could be day-first or month-first: the person is asked, with a real date.
  const question = page.getByRole('group', { name: /The dates could be read as .* Which is it\?/ });
  await expect(question).toBeVisible();
  await expect(question).toContainText('For example, the file says “03.02.2026”.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(question.getByRole('alert')).toHaveText('Choose how the dates read first.');
  await question.getByRole('radio', { name: /3 February 2026|February 3, 2026/ }).check();

  const reads = page.getByRole('status').filter({ hasText: /can be read|Reading the file/ });
  await expect(reads).toHaveText('All 6 rows can be read.');
  await expect(page.getByRole('cell', { name: /Feb 3, 2026|3 Feb 2026/ })).toBeVisible();
  await expectAccessible(page, 'import: columns');
  // The picture starts at the file's first rows, with the column choices under them.
  await sample.evaluate((el) => {
    el.closest('section')?.scrollIntoView({ block: 'start' });
    document.getElementById('main')?.scrollBy(0, -16);
  });
  await keepScreenshot(page, 'import-mapping');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'import: columns (dark)');
  await keepScreenshot(page, 'import-mapping-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(stepHeading(page, 'Check and import')).toBeFocused();
  await expect(count(page, 'New')).toHaveText('6');
  await expect(count(page, 'Already here')).toHaveText('0');
  await expect(count(page, 'Cannot be read')).toHaveText('0');
  await expectAccessible(page, 'import: check');
  await keepScreenshot(page, 'import-preview');
  expect(rowsOf(accountId)).toEqual([]);

  await page.getByRole('button', { name: 'Import 6 new transactions' }).click();
  await expect(page.getByText('The file was imported')).toBeVisible();
  await expect(page.getByText('6 transactions added to Credit union.')).toBeVisible();
  await expectAccessible(page, 'import: done');
  expect(rowsOf(accountId)).toEqual([
    { date: '2026-02-03', amount: -1250, name: 'REWE Markt Berlin' },
    { date: '2026-02-05', amount: 250000, name: 'Gehalt Februar' },
    { date: '2026-02-07', amount: -110000, name: 'Miete Februar' },
    { date: '2026-02-09', amount: -895, name: 'Apotheke am Platz' },
    { date: '2026-02-11', amount: 2340, name: 'Rückerstattung Bahn' },
    { date: '2026-02-12', amount: -320, name: 'Bäckerei Müller' },
  ]);
  const [first] = query<{ id: number; method: string; file_name: string }>(
    "SELECT id, method, file_name FROM import_batches WHERE account_id = ? AND method = 'CSV'",
    accountId,
  );
  expect(first).toMatchObject({ method: 'CSV', file_name: 'statement.csv' });

  // The same file again: the columns chosen last time are used, and every row is already here.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await expect(stepHeading(page, 'Choose a file')).toBeFocused();
  await chooseFile(page, csvFile('statement.csv', EUROPEAN));
  await expect(
    page.getByText('Using the columns you chose last time for this account.'),
  ).toBeVisible();
  await expect(page.getByLabel('Money out', { exact: true })).toHaveValue('2');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(count(page, 'New')).toHaveText('0');
  await expect(count(page, 'Already here')).toHaveText('6');
  await expect(page.getByRole('cell', { name: 'Already here' })).toHaveCount(6);
  await page.getByRole('button', { name: 'Import 0 new transactions' }).click();
  await expect(page.getByText('6 rows were already here')).toBeVisible();
  expect(rowsOf(accountId)).toHaveLength(6);

  // The batches list says what each import was.
  await page.goto(new URL('/activity?view=batches', host.url).toString());
  const list = page.getByRole('region', { name: 'Import batches' });
  await expect(
    list.getByRole('link', { name: 'CSV import of statement.csv into Credit union' }),
  ).toHaveCount(2);
  const batches = query<{ id: number }>(
    "SELECT id FROM import_batches WHERE account_id = ? AND method = 'CSV' ORDER BY id",
    accountId,
  );
  expect(batches).toHaveLength(2);
  const again = list.getByRole('row').filter({ hasText: `Batch #${batches[1]!.id}` });
  await expect(again).toContainText('0 new · 6 already here · 0 to check');
  await expect(again).toContainText('Feb 3, 2026 – Feb 12, 2026');
  await page.getByLabel('Show').selectOption({ label: 'Credit union' });
  await expect(page).toHaveURL(new RegExp(`batches=${accountId}`));
  await expect(list.getByRole('row')).toHaveCount(3);
  await expectAccessible(page, 'import batches');
});

test('a row that may be one of two already here is settled from its batch', async ({ page }) => {
  const accountId = await newAccount('Wallet', 'cash');
  for (const [date, name] of [
    ['2026-03-09', 'Corner shop'],
    ['2026-03-11', 'Farmers market'],
  ] as const) {
    const added = await api<{ outcome: string }>('transactions.create', {
      accountId,
      date,
      amount: -4200,
      name,
    });
    expect(added.outcome).toBe('added');
  }
  expect(rowsOf(accountId)).toHaveLength(2);

  await open(page, `/import?account=${accountId}`);
  await chooseFile(
    page,
    csvFile('wallet.csv', 'Date,Description,Amount\n2026-03-10,Card payment 4471,-42.00\n'),
  );
  await expect(stepHeading(page, 'Match the columns')).toBeFocused();
  await expect(page.getByText('Ledgerlight guessed these columns; check them.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(count(page, 'May be already here')).toHaveText('1');
  await expect(page.getByRole('cell', { name: 'May be already here' })).toBeVisible();
  await page.getByRole('button', { name: 'Import 1 new transaction' }).click();
  await expect(page.getByText(/may be the same as a transaction already here/)).toBeVisible();
  await page.getByRole('link', { name: 'Open the import' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'CSV import of wallet.csv into Wallet' }),
  ).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Card payment 4471' });
  await expect(row).toContainText('To check');
  const candidates = row.getByRole('listitem');
  await expect(candidates).toHaveCount(2);
  await expect(candidates.filter({ hasText: 'Corner shop' })).toContainText('Wallet');
  await expectAccessible(page, 'batch detail with a row to check');
  await keepScreenshot(page, 'batch-detail');
  expect(rowsOf(accountId)).toHaveLength(3);

  await candidates
    .filter({ hasText: 'Corner shop' })
    .getByRole('button', { name: 'Same as this one' })
    .click();
  await expect(toast(page, 'Made into one transaction')).toBeVisible();
  const kept = page.getByRole('row').filter({ hasText: 'Corner shop' });
  await expect(kept).toContainText('Confirmed');
  await expect(kept).toContainText('You chose');
  await expect(page.getByRole('button', { name: 'Same as this one' })).toHaveCount(0);
  await expect(
    page.locator('.batch-stat-row > div').filter({ hasText: 'Confirmed' }).locator('dd').first(),
  ).toHaveText('1');
  await expectAccessible(page, 'batch detail, settled');

  // No extra row: the file's row became the hand entry it was the same money as.
  expect(rowsOf(accountId)).toEqual([
    { date: '2026-03-09', amount: -4200, name: 'Corner shop' },
    { date: '2026-03-11', amount: -4200, name: 'Farmers market' },
  ]);
  const links = query<{ status: string; how: string }>(
    `SELECT l.status, l.how FROM batch_links l JOIN import_batches b ON b.id = l.batch_id
     WHERE b.account_id = ? AND b.method = 'CSV'`,
    accountId,
  );
  expect(links).toEqual([{ status: 'confirmed', how: 'person' }]);
});

test('a batch of 450 rows, read past its first 200, then reverted', async ({ page }) => {
  const accountId = await newAccount('Savings', 'savings');
  const lines = ['Date,Description,Amount'];
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 1; i <= 450; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const cents = 1000 + i;
    lines.push(
      `${date},Transfer ${String(i).padStart(3, '0')},-${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    );
  }
  const result = await api<{ batchId: number; new: number }>('import.commit', {
    accountId,
    fileName: 'savings.csv',
    content: Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64'),
  });
  expect(result.new).toBe(450);
  expect(rowsOf(accountId)).toHaveLength(450);

  await open(page, `/activity/batches/${result.batchId}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'CSV import of savings.csv into Savings' }),
  ).toBeVisible();
  const table = page.getByRole('region', { name: `Rows of batch ${result.batchId}` });
  const rows = table.locator('tbody tr');
  const shown = page.getByRole('status').filter({ hasText: /^Showing / });
  await expect(rows).toHaveCount(200);
  await expect(shown).toHaveText('Showing 200 of 450 rows');

  const more = page.getByRole('button', { name: 'Show more' });
  await more.click();
  await expect(rows).toHaveCount(400);
  await expect(shown).toHaveText('Showing 400 of 450 rows');
  await more.click();
  await expect(rows).toHaveCount(450);
  await expect(shown).toHaveText('Showing 450 of 450 rows');
  await expect(more).toHaveCount(0);
  const descriptions = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(descriptions).size).toBe(450);
  expect(descriptions[0]).toBe('Transfer 450');
  expect(descriptions[449]).toBe('Transfer 001');

  await page.getByRole('button', { name: 'Revert this import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revert the import of savings.csv?' });
  await expect(dialog).toContainText(
    'Its 450 rows will be removed from your ledger; rows it found already here stay as they are.',
  );
  await expectAccessible(page, 'revert dialog');
  await dialog.getByRole('button', { name: 'Revert this import' }).click();
  await expect(toast(page, 'Import reverted')).toContainText('450 transactions were removed');
  await expect(page.getByText(/^Reverted on /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revert this import' })).toHaveCount(0);
  expect(rowsOf(accountId)).toEqual([]);
  const [batch] = query<{ reverted_at: string | null }>(
    'SELECT reverted_at FROM import_batches WHERE id = ?',
    result.batchId,
  );
  expect(batch?.reverted_at).not.toBeNull();
});

test('a QIF file whose dates read either way: asked before anything is imported', async ({
  page,
}) => {
  const accountId = await newAccount('Card', 'credit-card');
  const qif = [
    '!Type:Bank',
    'D02/03/2026',
    'T-12.50',
    'PCorner Bakery',
    '^',
    'D02/04/2026',
    'T100.00',
    'PRefund',
    '^',
    '',
  ].join('\n');
  await open(page, `/import?account=${accountId}`);
  await chooseFile(page, {
    name: 'card.qif',
    mimeType: 'application/qif',
    buffer: Buffer.from(qif),
  });
  // No columns to match: straight to the check, which asks how the dates read.
  await expect(stepHeading(page, 'Check and import')).toBeFocused();
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(2);
  const question = page.getByRole('group', { name: /The dates could be read as .* Which is it\?/ });
  await expect(question).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 new transactions' }).click();
  await expect(question.getByRole('alert')).toHaveText('Choose how the dates read first.');
  expect(rowsOf(accountId)).toEqual([]);
  await expectAccessible(page, 'import: QIF date question');

  await question.getByRole('radio', { name: /2 March 2026|March 2, 2026/ }).check();
  await expect(page.getByRole('cell', { name: /Mar 2, 2026|2 Mar 2026/ })).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 new transactions' }).click();
  await expect(page.getByText('The file was imported')).toBeVisible();
  expect(rowsOf(accountId)).toEqual([
    { date: '2026-03-02', amount: -1250, name: 'Corner Bakery' },
    { date: '2026-04-02', amount: 10000, name: 'Refund' },
  ]);
});
