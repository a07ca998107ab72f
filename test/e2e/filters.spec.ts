import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import { startBuiltHost, type RunningHost } from './support/host';
import { SEEDED, seedLedger, type SeededLedger } from './support/seed-ledger';

/**
 * Search and filters on the transactions screen, against a seeded ledger: each changes the rows
 * shown to exactly the rows the database holds for it, and lives in the address (reload, Back).
 */

let host: RunningHost;
let seeded: SeededLedger;

test.beforeAll(async () => {
  seeded = await seedLedger();
  host = await startBuiltHost({}, { dataDir: seeded.dataDir });
  await host.keychain.set(secretAccounts.plaidClientId('sandbox'), 'seeded-client-id');
  await host.keychain.set(secretAccounts.plaidSecret('sandbox'), 'seeded-secret');
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test.use({ viewport: { width: 1440, height: 900 } });

/** How many visible (not removed) rows match, straight from the database file. */
function expected(where: string, ...params: unknown[]): number {
  const db = new BetterSqlite3(seeded.databasePath, { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(`SELECT COUNT(*) AS n FROM transactions WHERE removed_at IS NULL AND (${where})`)
        .get(...params) as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

const plural = (n: number) => `${n.toLocaleString('en-US')} transaction${n === 1 ? '' : 's'}`;

async function expectCount(page: Page, n: number, filtered = true): Promise<void> {
  await expect(page.locator('.page-subtitle')).toHaveText(
    filtered ? `${plural(n)} match` : plural(n),
  );
}

/** The text of one column in every row on screen (the virtualized table renders ~30). */
async function column(page: Page, index: number): Promise<string[]> {
  return page
    .locator('.tx-body [role="row"]:not(.tx-row-placeholder)')
    .evaluateAll(
      (rows, i) => rows.map((r) => (r.children[i] as HTMLElement | undefined)?.innerText ?? ''),
      index,
    );
}

test('search, money in/out, category, account, bank and dates narrow the rows, in the URL', async ({
  page,
}) => {
  await page.goto(host.openUrl);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Transactions' })
    .click();
  const total = expected('1');
  await expectCount(page, total, false);

  // Search, debounced, into ?q=.
  await page.getByLabel('Search').fill('starbucks');
  await expect(page).toHaveURL(/[?&]q=starbucks/);
  const starbucks = expected("name LIKE '%STARBUCKS%' OR merchant_name LIKE 'Starbucks%'");
  expect(starbucks).toBeGreaterThan(10);
  await expectCount(page, starbucks);
  expect(new Set(await column(page, 2))).toEqual(new Set(['Starbucks']));

  // The address is the state: a reload shows the same search.
  await page.reload();
  await expect(page.getByLabel('Search')).toHaveValue('starbucks');
  await expectCount(page, starbucks);

  // Nothing matches: the empty state, then Clear filters brings everything back.
  await page.getByLabel('Search').fill('zzzzqqq');
  await expect(
    page.getByRole('heading', { name: 'No transactions match these filters' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('Search')).toHaveValue('');
  await expectCount(page, total, false);
  expect(new URL(page.url()).search).toBe('');

  // Money out, then a category on top of it.
  await page.getByLabel('Money').selectOption('out');
  await expect(page).toHaveURL(/type=out/);
  await expectCount(page, expected('amount < 0'));
  for (const amount of await column(page, 5)) expect(amount).toMatch(/^-/);
  await page.getByLabel('Category').selectOption({ label: 'Food and drink' });
  await expect(page).toHaveURL(/category=FOOD_AND_DRINK/);
  await expectCount(page, expected("amount < 0 AND category = 'FOOD_AND_DRINK'"));
  expect(new Set(await column(page, 3))).toEqual(new Set(['Food and drink']));

  // Back undoes the last filter, as a browser's Back does.
  await page.goBack();
  await expect(page).not.toHaveURL(/category=/);
  await expect(page.getByLabel('Category')).toHaveValue('');
  await expectCount(page, expected('amount < 0'));

  // Money in only.
  await page.getByLabel('Money').selectOption('in');
  await expectCount(page, expected('amount > 0'));
  for (const amount of await column(page, 5)) expect(amount).toMatch(/^\+/);
  await page.getByLabel('Money').selectOption('');

  // One account; then one bank instead.
  await page.getByLabel('Account').selectOption({ label: 'Plaid Checking ••0000' });
  await expect(page).toHaveURL(/account=acc_p_chk/);
  await expectCount(page, expected("account_id = 'acc_p_chk'"));
  expect(new Set(await column(page, 4))).toEqual(new Set(['Plaid Checking ••0000']));
  await page.getByLabel('Account').selectOption('');
  await page.getByLabel('Bank').selectOption({ label: 'Houndstooth Bank' });
  await expect(page).toHaveURL(new RegExp(`connection=${SEEDED.hound}`));
  await expectCount(page, expected('connection_id = ?', SEEDED.hound));
  // CAD amounts stay in CAD.
  expect((await column(page, 5)).some((a) => a.includes('CA$'))).toBe(true);
  await page.getByLabel('Bank').selectOption('');

  // A date range.
  const day = (offset: number) =>
    new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('From').fill(day(30));
  await page.getByLabel('To').fill(day(10));
  await expect(page).toHaveURL(new RegExp(`from=${day(30)}&to=${day(10)}`));
  await expectCount(page, expected('date >= ? AND date <= ?', day(30), day(10)));

  // Filters combine: a date range, money out, and a search.
  await page.getByLabel('Money').selectOption('out');
  await page.getByLabel('Search').fill('uber');
  await expectCount(
    page,
    expected(
      "date >= ? AND date <= ? AND amount < 0 AND (name LIKE '%UBER%' OR merchant_name LIKE 'Uber%')",
      day(30),
      day(10),
    ),
  );
});

test('a filtered address opens filtered, and the account page links to its transactions', async ({
  page,
}) => {
  await page.goto(host.openUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto(`${host.url}transactions?category=ENTERTAINMENT&type=out`);
  await expect(page.getByLabel('Category')).toHaveValue('ENTERTAINMENT');
  await expect(page.getByLabel('Money')).toHaveValue('out');
  await expectCount(page, expected("category = 'ENTERTAINMENT' AND amount < 0"));

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Accounts' })
    .click();
  await page.getByRole('link', { name: 'Houndstooth Chequing' }).click();
  await page.getByRole('link', { name: /^All \d+ transactions$/ }).click();
  await expect(page).toHaveURL(/\/transactions\?account=acc_d_cad$/);
  await expectCount(page, expected("account_id = 'acc_d_cad'"));
});
