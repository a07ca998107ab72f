import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/screens';
import { useSeededHost } from './support/seeded-host';

/**
 * The person's own categories, managed in Settings: a renamed Plaid category shows its new name
 * in the transactions table, the filter and the picker; a hidden one is not offered; a merge is
 * one step that the notice's Undo takes back. Each step is checked in the database file too.
 */

const { openUrl, query } = useSeededHost();

async function go(page: Page, screen: 'Settings' | 'Transactions'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
  await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
}

const rows = (page: Page) => page.locator('.tx-body [role="row"]:not(.tx-row-placeholder)');

test('rename, hide and merge categories; the transactions screen follows and undo takes a merge back', async ({
  page,
}) => {
  await page.goto(openUrl());
  await go(page, 'Settings');
  const manager = page.getByRole('region', { name: 'Your categories' });
  await expect(manager.getByRole('rowheader', { name: 'Food and drink' })).toBeVisible();
  await expectAccessible(page, 'settings, your categories');

  await manager.getByRole('button', { name: 'Rename Food and drink' }).click();
  await manager.getByLabel('New name for Food and drink').fill('Eating out');
  await manager.getByRole('button', { name: 'Save name' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '“Food and drink” is now “Eating out”' }),
  ).toBeVisible();
  expect(query("SELECT name FROM categories WHERE plaid_key = 'FOOD_AND_DRINK'")).toEqual([
    { name: 'Eating out' },
  ]);

  await manager.getByRole('button', { name: 'Hide Travel' }).click();
  await expect(manager.getByRole('button', { name: 'Show Travel' })).toBeVisible();

  // The table, the filter and the picker use the new name; the hidden category is not offered.
  await go(page, 'Transactions');
  await page.getByLabel('Search').fill('starbucks');
  const first = rows(page).first();
  await expect(first.getByRole('button', { name: /recategorize/ })).toHaveText('Eating out');
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Eating out' });
  await expect(page).toHaveURL(/category=FOOD_AND_DRINK/);
  // The filtered list replaces the rows: pick from it, not from the rows it is replacing.
  await expect(page.getByRole('table', { name: 'Transactions' })).toHaveAttribute(
    'aria-busy',
    'false',
  );
  const picker = first.getByLabel(/Category of/);
  // Should the list still be swapping its rows, the picker closes with its row: open it again.
  await expect(async () => {
    if (!(await picker.isVisible())) {
      await first.getByRole('button', { name: /recategorize/ }).click({ timeout: 2000 });
    }
    await expect(picker.locator('option', { hasText: /^Eating out$/ })).toHaveCount(1, {
      timeout: 1000,
    });
    await expect(picker.locator('option', { hasText: 'The bank’s: Eating out' })).toHaveCount(1, {
      timeout: 1000,
    });
    await expect(picker.locator('option', { hasText: /^Travel$/ })).toHaveCount(0);
    await picker.press('Escape', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // Merge: one step, and the notice's Undo puts every row and the category back.
  await go(page, 'Settings');
  await manager.getByLabel('A new one').fill('Coffee');
  await manager.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(manager.getByRole('rowheader', { name: 'Coffee' })).toBeVisible();
  const inFood = query("SELECT seq FROM transactions WHERE category = 'FOOD_AND_DRINK'").length;
  await manager.getByRole('button', { name: 'Merge Eating out' }).click();
  await manager.getByLabel('Merge Eating out with').selectOption({ label: 'Coffee' });
  await manager.getByRole('button', { name: 'Merge', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: '“Eating out” merged into “Coffee”' });
  await expect(notice).toBeVisible();
  expect(query("SELECT seq FROM transactions WHERE user_category = 'Coffee'").length).toBe(inFood);
  await expect(manager.getByRole('rowheader', { name: 'Eating out' })).toHaveCount(0);

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Undone on \d+ transactions/ }),
  ).toBeVisible();
  expect(query("SELECT seq FROM transactions WHERE user_category = 'Coffee'")).toHaveLength(0);
  await expect(manager.getByRole('rowheader', { name: 'Eating out' })).toBeVisible();
});
