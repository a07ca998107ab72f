import { expect, test, type Page } from '@playwright/test';
import { useEmulatedHost } from './support/emulated-host';
import { expectAccessible, keepScreenshot } from './support/screens';

/**
 * The Connections screen on the emulator: a bank Plaid reports down, live balances and the
 * latest transactions with Plaid's refusals, the Health block, and the first-hour fixes (the
 * "already connected" notice in view, toasts that cover nothing and end with their sync,
 * initials for a flat logo, long names said rather than cut, and Activity with a long name).
 */

const PLATYPUS = 'ins_109508';
const LONG_NAME =
  'Household current account at First Platypus Bank for bills, groceries and the monthly rent payment';

test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
test.setTimeout(120_000);

const env = useEmulatedHost({ seed: 9, institutions: [PLATYPUS, 'ins_109511'] });
const { ledger, connections, settled, open } = env;

async function idOf(institutionId: string): Promise<string> {
  return (await connections()).find((c) => c.institution?.id === institutionId)!.id;
}

function cardOf(page: Page, name: string | RegExp) {
  return page.getByRole('article', { name });
}

/** True when nothing in the main area scrolls sideways. */
async function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const main = document.getElementById('main')!;
    return main.scrollWidth <= main.clientWidth + 1;
  });
}

test('a bank Plaid reports down shows on its card and in the status line before a sync fails', async ({
  page,
}) => {
  env.emulator.control.setInstitutionStatus(PLATYPUS, 'DOWN');
  await ledger.api('institutions.checkStatus', {});
  await open(page, '/connections');

  const card = cardOf(page, 'First Platypus Bank');
  await expect(card.getByText('First Platypus Bank is down', { exact: true })).toBeVisible();
  await expect(card.getByText(/Plaid reports that First Platypus Bank is down/)).toBeVisible();
  await expect(card.getByText(/Plaid: Connectivity outage\./)).toBeVisible();
  // Nothing has failed yet: the connection itself is still fine, but its badge does not say
  // "Healthy" beside the notice.
  await expect(card.getByText('The last sync did not finish')).toHaveCount(0);
  await expect(card.getByText('Bank down', { exact: true })).toBeVisible();
  await expect(card.getByText('Healthy', { exact: true })).toHaveCount(0);
  const statusLine = page.getByRole('contentinfo', { name: 'Sync status' });
  const warning = statusLine.getByRole('link', {
    name: 'Plaid reports First Platypus Bank is down',
  });
  await expect(warning).toBeVisible();
  await expectAccessible(page, 'connections, bank down');
  await keepScreenshot(page, 'connections-bank-down');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(warning).toBeVisible();
  await expectAccessible(page, 'connections, bank down, dark');
  await keepScreenshot(page, 'connections-bank-down-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  env.emulator.control.setInstitutionStatus(PLATYPUS, 'HEALTHY');
  env.emulator.control.setInstitutionStatus(PLATYPUS, 'DEGRADED', 'transactions_updates');
  await ledger.api('institutions.checkStatus', {});
  await expect(
    card.getByText('First Platypus Bank is having problems', { exact: true }),
  ).toBeVisible();
  await expect(card.getByText(/having problems with new transactions/)).toBeVisible();
  await expect(card.getByText('Bank has problems', { exact: true })).toBeVisible();

  env.emulator.control.setInstitutionStatus(PLATYPUS, 'HEALTHY');
  await ledger.api('institutions.checkStatus', {});
  await expect(
    card.getByText('First Platypus Bank is having problems', { exact: true }),
  ).toHaveCount(0);
  await expect(statusLine.getByRole('link', { name: /Plaid reports/ })).toHaveCount(0);
  await expect(card.getByText('Healthy', { exact: true })).toBeVisible();
});

test('check balance now and get latest transactions, with Plaid’s refusals in sentences', async ({
  page,
}) => {
  await open(page, '/connections');
  const card = cardOf(page, 'Tartan Bank');
  await card.getByRole('button', { name: 'Check balance of Tartan Bank now' }).click();
  const balances = card.getByRole('status').filter({ hasText: 'Balances from the bank at' });
  await expect(balances).toBeVisible();
  await expect(balances.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'connections, live balances');
  await keepScreenshot(page, 'connections-live-balances');

  // Plaid's per-Item balance limit: the refusal says when to try again.
  env.emulator.control.setRateLimits({ '/accounts/balance/get': { perItem: 1 } });
  env.emulator.control.resetRateLimits();
  await card.getByRole('button', { name: 'Check balance of Tartan Bank now' }).click();
  await expect(balances).toBeVisible();
  await card.getByRole('button', { name: 'Check balance of Tartan Bank now' }).click();
  await expect(card.getByText('Please wait a moment')).toBeVisible();
  await expect(
    card.getByText(
      /a few live balance checks a minute for each bank connection\. Try again in about a minute\./,
    ),
  ).toBeVisible();
  await expectAccessible(page, 'connections, balance limit');
  await keepScreenshot(page, 'connections-balance-limit');
  env.emulator.control.setRateLimits(true);
  env.emulator.control.resetRateLimits();

  await card.getByRole('button', { name: 'Get latest transactions of Tartan Bank' }).click();
  await expect(
    card.getByText(
      'Plaid is asking the bank for new transactions; the sync that follows brings them here.',
    ),
  ).toBeVisible();
  await settled();
  const runs = await ledger.api<{ trigger: string; status: string }[]>('connections.logs', {
    connectionId: await idOf('ins_109511'),
  });
  expect(runs[0]).toMatchObject({ trigger: 'refresh', status: 'succeeded' });

  env.emulator.control.setUnsupportedProducts('ins_109511', ['transactions_refresh']);
  await expect(
    card.getByRole('button', { name: 'Get latest transactions of Tartan Bank' }),
  ).toBeEnabled();
  await card.getByRole('button', { name: 'Get latest transactions of Tartan Bank' }).click();
  await expect(card.getByText(/This bank does not offer that through Plaid/)).toBeVisible();
  await keepScreenshot(page, 'connections-refresh-not-supported');
  env.emulator.control.setUnsupportedProducts('ins_109511', []);

  // One account's balance, from its own page.
  const [account] = await ledger.api<{ id: string; name: string }[]>('accounts.list', {
    connectionId: await idOf('ins_109511'),
  });
  await open(page, `/accounts/${encodeURIComponent(account!.id)}`);
  await page.getByRole('button', { name: 'Check balance now' }).click();
  const notifications = page.getByRole('region', { name: 'Notifications' });
  await expect(notifications.getByText('Balance checked with the bank')).toBeVisible();
  await expect(
    notifications.getByText(/right now\. It is saved as today’s balance\./),
  ).toBeVisible();
  await expectAccessible(page, 'account, balance checked');
  await keepScreenshot(page, 'account-balance-checked');
});

test('the Health block shows failures in a row, the last error and consent', async ({ page }) => {
  await open(page, '/connections');
  const card = cardOf(page, 'Tartan Bank');
  await card.getByText('Health', { exact: true }).click();
  await expect(card.getByText('Failures in a row')).toBeVisible();
  await expect(card.getByText('Last error')).toBeVisible();
  await expect(card.getByText('Consent', { exact: true })).toBeVisible();
  await expect(card.getByText('Bank status (Plaid)')).toBeVisible();
  await expectAccessible(page, 'connections, health');
  await keepScreenshot(page, 'connections-health');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'connections, health, dark');
  await keepScreenshot(page, 'connections-health-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a flat generated logo shows the bank’s initials instead of a grey square', async ({
  page,
}) => {
  await open(page, '/connections');
  const mark = cardOf(page, 'First Platypus Bank').locator('.institution-mark');
  await expect(mark).toHaveAttribute('data-mark', 'initials');
  await expect(mark).toHaveText('FP');
});

test('a connection name is never cut: the limit is said, and a long name fits everywhere', async ({
  page,
}) => {
  await open(page, '/connections');
  const card = cardOf(page, 'First Platypus Bank');
  await card.getByRole('button', { name: 'Rename & frequency' }).click();
  const input = card.getByLabel('Name');
  const tooLong = `${LONG_NAME} and more`;
  await input.fill(tooLong);
  await expect(input).toHaveValue(tooLong);
  await expect(
    card.getByText(
      `A connection name can be up to 100 characters; this one has ${tooLong.length}. Shorten it to save.`,
    ),
  ).toBeVisible();
  await expect(card.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expectAccessible(page, 'connections, name too long');
  await keepScreenshot(page, 'connections-name-too-long');

  expect(LONG_NAME.length).toBeLessThanOrEqual(100);
  await input.fill(LONG_NAME);
  await expect(card.getByText(`${LONG_NAME.length} of 100 characters.`)).toBeVisible();
  await card.getByRole('button', { name: 'Save' }).click();
  const renamed = cardOf(page, LONG_NAME);
  await expect(renamed.getByRole('heading', { level: 2, name: LONG_NAME })).toBeVisible();
  expect(await noSidewaysScroll(page)).toBe(true);

  // Activity: the long name neither widens the filter nor pushes the sync runs out of view.
  await open(page, '/activity');
  const filter = page.getByLabel('Connection');
  await filter.selectOption({ label: LONG_NAME });
  const runs = page.locator('.table-scroll[aria-label="Sync runs"]');
  await expect(runs.getByRole('cell', { name: LONG_NAME }).first()).toBeVisible();
  const box = (await filter.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(320);
  const table = (await runs.boundingBox())!;
  expect(table.x + table.width).toBeLessThanOrEqual(1280);
  expect(await noSidewaysScroll(page)).toBe(true);
  await expectAccessible(page, 'activity, long connection name');
  await keepScreenshot(page, 'activity-long-name');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'activity, long connection name, dark');
  await keepScreenshot(page, 'activity-long-name-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a new bank’s toast covers no control and ends with its sync; a twin shows where you are', async ({
  page,
}) => {
  await open(page, '/connections');
  await page.getByRole('button', { name: 'Add a test bank' }).click();
  await page.getByLabel('Test bank', { exact: true }).selectOption({ label: 'Houndstooth Bank' });
  await page.getByRole('button', { name: 'Add test bank' }).click();

  const toast = page.getByRole('region', { name: 'Notifications' }).getByText('Bank connected');
  await expect(toast).toBeVisible();
  const card = cardOf(page, 'Houndstooth Bank');
  const disconnect = card.getByRole('button', { name: 'Disconnect' });
  await disconnect.scrollIntoViewIfNeeded();
  // What is under the middle of Disconnect is Disconnect itself, not the toast.
  const box = (await disconnect.boundingBox())!;
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent ?? null,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(hit).toContain('Disconnect');
  await expectAccessible(page, 'connections, bank connected toast');
  await keepScreenshot(page, 'connections-toast-lane');
  // The toast speaks of the sync under way and goes when it ends.
  await settled();
  await expect(toast).toHaveCount(0, { timeout: 10_000 });

  // Adding the same bank again: the notice is on its card, in view.
  await page.getByRole('button', { name: 'Add a test bank' }).click();
  await page.getByLabel('Test bank', { exact: true }).selectOption({ label: 'Houndstooth Bank' });
  await page.getByRole('button', { name: 'Add test bank' }).click();
  const notice = card.getByText('Houndstooth Bank is connected already');
  await expect(notice).toBeVisible();
  await expect(notice).toBeInViewport();
  await expect(card.getByRole('button', { name: 'Update accounts' }).first()).toBeInViewport();
  await expectAccessible(page, 'connections, already connected');
  await keepScreenshot(page, 'connections-already-connected');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'connections, already connected, dark');
  await keepScreenshot(page, 'connections-already-connected-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
