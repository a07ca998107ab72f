import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, keepScreenshot } from './support/screens';
import { useSeededHost } from './support/seeded-host';

/**
 * The person makes rules from the UI: one from an opened transaction (its live preview counts the
 * other rows), applies it to the ledger and undoes that from the toast; reorders, restages,
 * turns off and deletes rules; and takes up the offer to make a rule after recategorizing the
 * same payee by hand twice. Every step is checked in the database file itself.
 */

const { openUrl, query } = useSeededHost();

const count = (sql: string, ...params: unknown[]) => query<{ n: number }>(sql, ...params)[0]!.n;

interface StoredRule {
  id: number;
  name: string;
  stage: string;
  position: number;
  enabled: number;
  conditions: string;
  actions: string;
}
const storedRules = () =>
  query<StoredRule>('SELECT id, name, stage, position, enabled, conditions, actions FROM rules');
const storedRule = (name: string) => storedRules().find((r) => r.name === name);

const STARBUCKS = 'STARBUCKS STORE 04321';
const rows = (page: Page) => page.locator('.tx-body [role="row"]:not(.tx-row-placeholder)');
const toast = (page: Page, text: string | RegExp) =>
  page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: text });
const ruleItem = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });

async function openStarbucks(page: Page): Promise<void> {
  await page.goto(openUrl());
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Transactions' })
    .click();
  await page.getByLabel('Search').fill('starbucks');
  await expect(page.locator('.page-subtitle')).toHaveText(/transactions? match/);
  await expect(rows(page).first()).toContainText('Starbucks');
}

async function openRules(page: Page): Promise<void> {
  await page.goto(openUrl());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rules' })).toBeVisible();
}

const previewCount = (editor: Locator) =>
  editor.getByRole('status').filter({ hasText: /Matches|No transactions match|Finish/ });

test('a rule from a transaction: live preview, save, apply, and undo from the toast', async ({
  page,
}) => {
  const sameText = count(
    'SELECT COUNT(*) AS n FROM transactions WHERE name = ? AND removed_at IS NULL',
    STARBUCKS,
  );
  expect(sameText).toBeGreaterThan(10);
  const travel = () =>
    count(
      "SELECT COUNT(*) AS n FROM transactions WHERE user_category = 'TRAVEL' AND name = ?",
      STARBUCKS,
    );
  expect(count("SELECT COUNT(*) AS n FROM transactions WHERE user_category = 'TRAVEL'")).toBe(0);

  // An empty Rules screen says what rules are, and passes axe.
  await openRules(page);
  await expect(page.getByRole('region', { name: 'No rules yet' })).toContainText(
    'What you set by hand is never changed by a rule.',
  );
  await expectAccessible(page, 'rules, empty');

  await openStarbucks(page);
  await rows(page).first().click();
  const panel = page.getByRole('dialog', { name: 'Starbucks' });
  await panel.getByRole('button', { name: 'Create a rule from this transaction' }).click();

  // The Rules screen opens the editor, prefilled from the row: its bank text and its category.
  await expect(page).toHaveURL(/\/rules$/);
  const editor = page.getByRole('dialog', { name: 'New rule' });
  await expect(editor.getByLabel('Condition 1: look at', { exact: true })).toHaveValue('bankText');
  await expect(editor.getByLabel('Condition 1: text', { exact: true })).toHaveValue(STARBUCKS);
  await expect(editor.getByLabel('Rule category', { exact: true })).toHaveValue('FOOD_AND_DRINK');

  // The live preview counts every row with that bank text.
  await expect(previewCount(editor)).toHaveText(
    `Matches ${sameText} transactions; would change ${sameText}.`,
  );

  // A pattern the app cannot read is said next to its input, in a sentence, before saving.
  await editor.getByLabel('Condition 1: how', { exact: true }).selectOption('matches');
  await editor.getByLabel('Condition 1: text', { exact: true }).fill('STARBUCKS (');
  await expect(editor.getByLabel('Condition 1: text', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(editor.getByText('is not a pattern the app can understand')).toBeVisible();
  await expect(previewCount(editor)).toHaveText(/^Finish the conditions/);
  await editor.getByLabel('Condition 1: text', { exact: true }).fill('^starbucks store');
  await expect(editor.getByLabel('Condition 1: text', { exact: true })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );

  // Another category: the preview shows each row's before → after.
  await editor.getByLabel('Rule category', { exact: true }).selectOption({ label: 'Travel' });
  await expect(previewCount(editor)).toHaveText(
    `Matches ${sameText} transactions; would change ${sameText}.`,
  );
  await expect(editor.getByRole('table').getByRole('row').nth(1)).toContainText('→ Travel');
  await editor.getByLabel('Rule name', { exact: true }).fill('Coffee is travel');
  await expectAccessible(page, 'rule editor');
  await editor.getByRole('table').scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'rule-editor');
  await editor.getByRole('button', { name: 'Create rule' }).click();
  await expect(toast(page, 'Rule created')).toBeVisible();
  await expect(editor).toHaveCount(0);

  const saved = storedRule('Coffee is travel');
  expect(saved).toBeDefined();
  expect(saved!.stage).toBe('default');
  expect(JSON.parse(saved!.conditions)).toEqual({
    text: [{ field: 'bankText', op: 'matches', value: '^starbucks store' }],
  });
  expect(JSON.parse(saved!.actions)).toEqual({ category: 'TRAVEL' });
  // Saving changes no transaction: a rule runs on syncs, or when applied.
  expect(travel()).toBe(0);

  const item = ruleItem(page, 'Coffee is travel');
  await expect(item).toContainText(
    'When the bank text matches the pattern “^starbucks store”: set category to Travel',
  );
  await expectAccessible(page, 'rules');

  // Apply to the transactions there are: one undo step.
  await item.getByRole('button', { name: 'Apply to existing transactions' }).click();
  await expect(toast(page, `Rule applied to ${sameText} transactions.`)).toBeVisible();
  expect(travel()).toBe(sameText);
  expect(count("SELECT COUNT(*) AS n FROM transactions WHERE user_category = 'TRAVEL'")).toBe(
    sameText,
  );

  await toast(page, 'Rule applied to').getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, `Undone on ${sameText} transactions`)).toBeVisible();
  expect(travel()).toBe(0);
  expect(
    count(
      'SELECT COUNT(*) AS n FROM transactions WHERE name = ? AND user_category IS NOT NULL',
      STARBUCKS,
    ),
  ).toBe(0);
});

/** Makes a rule in the editor from the Rules screen: a bank text and a category. */
async function newRule(page: Page, name: string, text: string, category: string): Promise<void> {
  await page.getByRole('button', { name: 'New rule' }).first().click();
  const editor = page.getByRole('dialog', { name: 'New rule' });
  await editor.getByLabel('Condition 1: text', { exact: true }).fill(text);
  await editor.getByLabel('Rule category', { exact: true }).selectOption({ label: category });
  await editor.getByLabel('Rule name', { exact: true }).fill(name);
  await editor.getByRole('button', { name: 'Create rule' }).click();
  await expect(editor).toHaveCount(0);
  await expect(ruleItem(page, name)).toBeVisible();
}

const namesIn = (region: Locator, ...names: string[]) =>
  region
    .locator('.rule-name')
    .allInnerTexts()
    .then((all) => all.filter((n) => names.includes(n)));

test('rules run in order: move one earlier, put one last, turn one off, delete one', async ({
  page,
}) => {
  await openRules(page);
  const before = storedRules().length;
  await newRule(page, 'Groceries', 'WHOLEFDS', 'Food and drink');

  // A rule by hand with an amount: Uber rides of $10.00 or more, money out.
  await page.getByRole('button', { name: 'New rule' }).first().click();
  const editor = page.getByRole('dialog', { name: 'New rule' });
  // Saving an empty rule says what is missing, next to the inputs, and saves nothing.
  await editor.getByRole('button', { name: 'Create rule' }).click();
  await expect(editor.getByText('Choose at least one thing the rule should change.')).toBeVisible();
  expect(storedRules()).toHaveLength(before + 1);

  await editor.getByLabel('Condition 1: text', { exact: true }).fill('UBER');
  await editor.getByLabel('Look at the amount', { exact: true }).check();
  await editor.getByLabel('Money out', { exact: true }).check();
  await editor.getByLabel('Between a lowest and a highest amount', { exact: true }).check();
  await editor.getByLabel('Lowest amount (USD)', { exact: true }).fill('10.5x');
  await expect(editor.getByText('Type an amount like 12.50.')).toBeVisible();
  await expect(editor.getByLabel('Lowest amount (USD)', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await editor.getByLabel('Lowest amount (USD)', { exact: true }).fill('10.00');
  await editor.getByLabel('Tags to add', { exact: true }).fill('rides, work');
  const uberRides = count(
    "SELECT COUNT(*) AS n FROM transactions WHERE name LIKE '%UBER%' AND amount <= -1000 AND removed_at IS NULL",
  );
  expect(uberRides).toBeGreaterThan(1);
  await expect(previewCount(editor)).toHaveText(
    `Matches ${uberRides} transactions; would change ${uberRides}.`,
  );
  await editor.getByLabel('Rule name', { exact: true }).fill('Rides');
  await editor.getByRole('button', { name: 'Create rule' }).click();
  await expect(editor).toHaveCount(0);
  const rides = storedRule('Rides')!;
  expect(JSON.parse(rides.conditions)).toEqual({
    text: [{ field: 'bankText', op: 'contains', value: 'UBER' }],
    amount: { max: -1000 },
  });
  expect(JSON.parse(rides.actions)).toEqual({ addTags: ['rides', 'work'] });
  await expect(ruleItem(page, 'Rides')).toContainText(
    'When the bank text contains “UBER” and money out is at least $10.00: add tags rides, work',
  );

  // New rules go last in their stage; "Move earlier" puts Rides before Groceries.
  const normal = page.getByRole('region', { name: 'Normal' });
  await expect.poll(() => namesIn(normal, 'Rides', 'Groceries')).toEqual(['Groceries', 'Rides']);
  await expect(ruleItem(page, 'Rides').getByRole('button', { name: 'Move later' })).toBeDisabled();
  await ruleItem(page, 'Rides').getByRole('button', { name: 'Move earlier' }).click();
  await expect.poll(() => namesIn(normal, 'Rides', 'Groceries')).toEqual(['Rides', 'Groceries']);
  expect(storedRule('Rides')!.position).toBeLessThan(storedRule('Groceries')!.position);

  // Editing the stage moves the rule to "Last".
  await ruleItem(page, 'Groceries').getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Groceries”' });
  await expect(edit.getByLabel('Rule category', { exact: true })).toHaveValue('FOOD_AND_DRINK');
  await edit.getByLabel('When it runs', { exact: true }).selectOption({ label: 'Last' });
  await edit.getByRole('button', { name: 'Save rule' }).click();
  await expect(edit).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Last' }).getByRole('listitem', { name: 'Groceries' }),
  ).toBeVisible();
  expect(storedRule('Groceries')!.stage).toBe('post');

  // Turned off: kept, but marked, and stored as off.
  await ruleItem(page, 'Rides').getByLabel('Use this rule', { exact: true }).uncheck();
  await expect(ruleItem(page, 'Rides').getByText('Off', { exact: true })).toBeVisible();
  await expect.poll(() => storedRule('Rides')!.enabled).toBe(0);
  await expectAccessible(page, 'rules, one off');
  await keepScreenshot(page, 'rules');

  // Deleting asks first.
  await ruleItem(page, 'Rides').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Rides”?' });
  await confirm.getByRole('button', { name: 'Delete rule' }).click();
  await expect(ruleItem(page, 'Rides')).toHaveCount(0);
  expect(storedRule('Rides')).toBeUndefined();
  expect(storedRules()).toHaveLength(before + 1);
});

test('recategorizing the same payee by hand twice offers a rule, prefilled', async ({ page }) => {
  const rulesBefore = storedRules().length;
  await openStarbucks(page);
  for (const n of [0, 1]) {
    const row = rows(page).nth(n);
    await row.getByRole('button', { name: /recategorize/ }).click();
    await row.getByLabel(/Category of/).selectOption({ label: 'Entertainment' });
    await expect(toast(page, 'Category set to Entertainment').first()).toBeVisible();
  }
  expect(
    count("SELECT COUNT(*) AS n FROM transactions WHERE user_category = 'ENTERTAINMENT'"),
  ).toBe(2);
  const offer = toast(page, 'You have put 2 “Starbucks” transactions in Entertainment by hand.');
  await expect(offer).toContainText('Make a rule so new ones go there too?');
  await offer.getByRole('button', { name: 'Make a rule' }).click();

  await expect(page).toHaveURL(/\/rules$/);
  const editor = page.getByRole('dialog', { name: 'New rule' });
  await expect(editor.getByLabel('Condition 1: look at', { exact: true })).toHaveValue('payee');
  await expect(editor.getByLabel('Condition 1: how', { exact: true })).toHaveValue('is');
  await expect(editor.getByLabel('Condition 1: text', { exact: true })).toHaveValue('Starbucks');
  await expect(editor.getByLabel('Rule category', { exact: true })).toHaveValue('ENTERTAINMENT');
  // The two rows set by hand stay the person's; the rule would change the others.
  const starbucks = count(
    "SELECT COUNT(*) AS n FROM transactions WHERE merchant_name = 'Starbucks' AND removed_at IS NULL",
  );
  await expect(previewCount(editor)).toHaveText(
    `Matches ${starbucks} transactions; would change ${starbucks - 2}.`,
  );
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toHaveCount(0);
  expect(storedRules()).toHaveLength(rulesBefore);
});
