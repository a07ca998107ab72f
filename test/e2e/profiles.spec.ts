import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';
import { expectAccessible, keepScreenshot } from './support/screens';
import { seedLedger } from './support/seed-ledger';

/**
 * Profiles in the window: the switcher under the brand, Settings' Profiles section (create,
 * rename, open, delete with a confirmation), and a switch that leaves nothing of the old profile
 * on screen. The seeded ledger is the default profile ("Personal"), exactly as it was on disk.
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

async function go(page: Page, screen: 'Settings' | 'Connections'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
  await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
}

/** Toasts of earlier steps would cover the picture. */
async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Dismiss notification' });
  for (let left = 5; left > 0 && (await buttons.count()) > 0; left--) {
    // One may leave on its own meanwhile.
    await buttons
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
  }
}

const switcher = (page: Page) => page.getByRole('button', { name: /^Profile / });

test('create, switch, rename and delete profiles; nothing of one shows in another', async ({
  page,
}) => {
  await page.goto(host.openUrl);
  await expect(switcher(page)).toHaveText(/Personal/);
  await go(page, 'Connections');
  await expect(page.getByText(/Platypus/).first()).toBeVisible();

  // Settings: the open profile has no Delete, and the page says why.
  await go(page, 'Settings');
  const section = page.getByRole('region', { name: 'Profiles' });
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('rowheader', { name: /Personal/ })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Delete Personal' })).toHaveCount(0);
  await expect(section.getByText('Your only profile cannot be deleted.')).toBeVisible();

  // Create without opening; a name already taken, whatever its case, is refused in a sentence.
  await section.getByLabel('A new profile').fill('Household');
  await section.getByLabel('Open it now').uncheck();
  await section.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(section.getByRole('rowheader', { name: 'Household' })).toBeVisible();
  await section.getByLabel('A new profile').fill('  personal ');
  await section.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(
    section.getByText('There is already a profile called "Personal". Choose another name.'),
  ).toBeVisible();
  await section.getByLabel('A new profile').fill('x'.repeat(61));
  await expect(
    section.getByText('A profile name is at most 60 characters; this one has 61.'),
  ).toBeVisible();
  await expect(section.getByRole('button', { name: 'Create', exact: true })).toBeDisabled();
  await section.getByLabel('A new profile').fill('');

  // Rename.
  await section.getByRole('button', { name: 'Rename Household' }).click();
  await section.getByLabel('New name for Household').fill('Side business');
  await section.getByRole('button', { name: 'Save name' }).click();
  await expect(section.getByRole('rowheader', { name: 'Side business' })).toBeVisible();
  await expect(
    section.getByText('The open profile cannot be deleted: open another one first.'),
  ).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'settings, profiles');
  await dismissToasts(page);
  await keepScreenshot(page, 'profiles-settings');

  // The switcher: a menu of profiles, the open one marked.
  await switcher(page).click();
  const menu = page.locator('.profile-menu');
  await expect(menu.getByRole('button', { name: /Personal.*\(open\)/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expectAccessible(page, 'profile switcher');
  await dismissToasts(page);
  await keepScreenshot(page, 'profiles-switcher');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(switcher(page)).toBeFocused();

  // Opening the empty profile shows nothing of Personal: no keys, no banks, so the welcome.
  await switcher(page).click();
  await menu.getByRole('button', { name: 'Side business' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome to Ledgerlight' }),
  ).toBeVisible();
  // (The welcome's own text names Plaid's test bank; the app, its banks and rows are gone.)
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByText('Syncing is off')).toHaveCount(0);
  await expect(switcher(page)).toHaveText(/Side business/);
  await expectAccessible(page, 'welcome in a new profile');
  await dismissToasts(page);
  await keepScreenshot(page, 'profiles-new-profile-welcome');

  // An account kept by hand in Side business…
  await page.getByRole('button', { name: 'Start without a bank' }).click();
  const add = page.getByRole('dialog', { name: 'Add an account by hand' });
  await add.getByLabel('Account name').fill('Cash box');
  await add.getByRole('button', { name: 'Add the account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cash box' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Accounts' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Cash box/ }).first()).toBeVisible();
  await expect(page.getByText('Plaid Saving')).toHaveCount(0);

  // …is not in Personal, whose own accounts come back (no answer kept from the other profile).
  await switcher(page).click();
  await page.locator('.profile-menu').getByRole('button', { name: 'Personal' }).click();
  await expect(switcher(page)).toHaveText(/Personal/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  await expect(page.getByText('Plaid Saving').first()).toBeVisible();
  await expect(page.getByText('Cash box')).toHaveCount(0);
  await go(page, 'Connections');
  await expect(page.getByText(/Platypus/).first()).toBeVisible();

  // Delete, after a confirmation that says what goes.
  await go(page, 'Settings');
  const profiles = page.getByRole('region', { name: 'Profiles' });
  await dismissToasts(page);
  await profiles.getByRole('button', { name: 'Delete Side business' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Side business”?' });
  await expect(dialog).toContainText('This cannot be undone.');
  await expectAccessible(page, 'delete profile dialog');
  await keepScreenshot(page, 'profiles-delete-dialog');
  await dialog.getByRole('button', { name: 'Delete profile' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: '“Side business” deleted' }),
  ).toBeVisible();
  await expect(profiles.getByRole('rowheader', { name: 'Side business' })).toHaveCount(0);
  const left = fs.existsSync(path.join(host.dataDir, 'profiles'))
    ? fs.readdirSync(path.join(host.dataDir, 'profiles'))
    : [];
  expect(left).toEqual([]);
  // The default profile's file is where it always was.
  expect(fs.existsSync(path.join(host.dataDir, 'ledgerlight-sandbox.sqlite'))).toBe(true);
});

test('the switcher and the Profiles section in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(host.openUrl);
  await go(page, 'Settings');
  const section = page.getByRole('region', { name: 'Profiles' });
  await section.getByLabel('A new profile').fill('Family');
  await section.getByLabel('Open it now').uncheck();
  await section.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(section.getByRole('rowheader', { name: 'Family' })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'settings, profiles, dark');
  await dismissToasts(page);
  await keepScreenshot(page, 'profiles-settings-dark');
  await switcher(page).click();
  await expect(page.locator('.profile-menu')).toBeVisible();
  await expectAccessible(page, 'profile switcher, dark');
  await keepScreenshot(page, 'profiles-switcher-dark');

  // "Manage profiles" leads to the section.
  await page.getByRole('link', { name: 'Manage profiles' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Profiles' })).toBeFocused();

  // Created and opened at once, an empty profile opens on the welcome screen, whose own
  // switcher leads back.
  await section.getByLabel('A new profile').fill('Trips');
  await section.getByLabel('Open it now').check();
  await section.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome to Ledgerlight' }),
  ).toBeVisible();
  await expect(switcher(page)).toHaveText(/Trips/);
  await expectAccessible(page, 'welcome in a new profile, dark');
  await switcher(page).click();
  await page.locator('.profile-menu').getByRole('button', { name: 'Personal' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(switcher(page)).toHaveText(/Personal/);
});
