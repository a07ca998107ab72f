import { expect, test, type Locator, type Page } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';
import { expectAccessible, keepScreenshot } from './support/screens';
import { seedLedger } from './support/seed-ledger';

/**
 * A text pasted into a field that takes at most so many characters is cut at that limit; the
 * person is told so under the field, in a live note the field names as its description.
 */

let host: RunningHost;

test.beforeAll(async () => {
  const seeded = await seedLedger();
  host = await startBuiltHost({}, { dataDir: seeded.dataDir });
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });

const LONG = 'A name pasted from somewhere else that goes on and on. '.repeat(3).trim();
const NOTE = 'At most 100 characters: this is as long as it can be.';

async function open(page: Page, path: string): Promise<void> {
  await page.goto(host.openUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto(`${host.url.replace(/\/$/, '')}${path}`);
}

/** A real paste through the clipboard, as a person does it. */
async function paste(page: Page, input: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await input.focus();
  await page.keyboard.press('ControlOrMeta+V');
}

async function expectToldAtLimit(page: Page, input: Locator): Promise<void> {
  await expect(input).toHaveValue(LONG.slice(0, 100));
  const note = page.getByText(NOTE);
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('aria-live', 'polite');
  await expect(input).toHaveAccessibleDescription(new RegExp(NOTE.replace(/[.:]/g, '\\$&')));
}

test('a pasted category name cut at the limit is said, and said no more once shorter', async ({
  page,
}) => {
  expect(LONG.length).toBeGreaterThan(150);
  await open(page, '/settings');
  const input = page.getByRole('region', { name: 'Your categories' }).getByLabel('A new one');
  await input.fill('Coffee');
  await expect(page.getByText(NOTE)).toHaveCount(0);
  await input.fill('');

  await paste(page, input, LONG);
  await expectToldAtLimit(page, input);
  await expectAccessible(page, 'settings, category name at its limit');
  await page.getByText(NOTE).scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'character-limit-category');

  await input.press('Backspace');
  await expect(page.getByText(NOTE)).toHaveCount(0);
  await expect(input).not.toHaveAccessibleDescription(/At most/);
});

test('a pasted account name cut at the limit is said, in light and dark', async ({ page }) => {
  await open(page, '/accounts/acc_p_chk');
  const input = page
    .getByRole('form', { name: 'Name and visibility' })
    .getByLabel('Your name for it');
  await paste(page, input, LONG);
  await expectToldAtLimit(page, input);
  // The field's own hint is still read with the note.
  await expect(input).toHaveAccessibleDescription(/Leave it empty to use the bank’s name/);
  await expectAccessible(page, 'account detail, name at its limit');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'account detail, name at its limit, dark');
  await keepScreenshot(page, 'character-limit-account-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
