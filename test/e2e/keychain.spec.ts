import { expect, test } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './support/host';
import { expectAccessible, keepScreenshot } from './support/screens';

/**
 * No keychain at all (the host cannot reach a Secret Service): the app says so in plain words,
 * says what to install or unlock, and offers to try again; nothing falls back to a file.
 */

let host: RunningHost;

test.beforeAll(async () => {
  host = await startBuiltHost({
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ledgerlight-test-bus',
  });
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
});

test('an unreachable keychain is explained, with what to do about it', async ({ page }) => {
  await page.goto(host.openUrl);
  const alert = page.getByRole('alert');
  await expect(alert.getByText('The system keychain is not available')).toBeVisible();
  await expect(alert).toContainText('GNOME Keyring or KWallet');
  await expect(alert).toContainText('Nothing was saved');
  await expect(alert).toContainText('The system said:');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectAccessible(page, 'keychain unavailable');
  await keepScreenshot(page, 'keychain-unavailable');
});
