import { expect, test } from '@playwright/test';
import type { Account, SyncRun } from '../../src/shared/model';
import { useEmulatedHost } from './support/emulated-host';
import { routePlaidCdn } from './support/plaid-cdn';
import { expectAccessible, keepScreenshot } from './support/screens';

/**
 * The connection card's tools on the emulator: Full resync behind a dialog that says what it
 * does, the run in Activity with its Plaid request ids, Update accounts through Link's account
 * selection (an account left out closes), and the Sandbox tools (a login reset that asks for
 * Repair, a test transaction Plaid refuses for user_good with a sentence).
 */

const PLATYPUS = 'ins_109508';

test.use({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
test.setTimeout(120_000);

const env = useEmulatedHost({ seed: 11, institutions: [PLATYPUS] });
const { ledger, connections, settled, open } = env;

test('Full resync asks first, runs, and shows in Activity with its request ids', async ({
  page,
}) => {
  await open(page, '/connections');
  const card = page.getByRole('article', { name: /First Platypus Bank/ });
  await card.getByRole('button', { name: /Full resync of/ }).click();
  const dialog = page.getByRole('dialog', { name: /Full resync of/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/never added twice/)).toBeVisible();
  await expect(dialog.getByText(/marked/)).toBeVisible();
  await expectAccessible(page, 'connections, resync dialog');
  await keepScreenshot(page, 'connection-resync-dialog');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'connections, resync dialog, dark');
  await keepScreenshot(page, 'connection-resync-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await dialog.getByRole('button', { name: 'Start full resync' }).click();
  await expect(dialog).toBeHidden();
  await settled();
  const id = (await connections())[0]!.id;
  const [run] = await ledger.api<SyncRun[]>('connections.logs', { connectionId: id });
  expect(run).toMatchObject({ trigger: 'resync', status: 'succeeded' });
  expect(run!.plaidRequestIds.length).toBeGreaterThan(1);

  await open(page, '/activity');
  const table = page.getByRole('region', { name: 'Sync runs' });
  const row = table.getByRole('row').filter({ hasText: 'Full resync' }).first();
  await expect(row).toBeVisible();
  await expect(row.locator('code', { hasText: run!.plaidRequestId! })).toBeVisible();
  await expect(row.getByRole('button', { name: /Copy Plaid request id/ })).toBeVisible();
  await row.getByText(/request ids of this run/).click();
  await expect(
    row.getByRole('listitem').filter({ hasText: run!.plaidRequestIds[0]! }),
  ).toBeVisible();
  await expectAccessible(page, 'activity, request ids');
  await keepScreenshot(page, 'activity-request-ids');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'activity, request ids, dark');
  await keepScreenshot(page, 'activity-request-ids-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('Update accounts: Link offers every account, the shared ones ticked; one left out closes', async ({
  page,
  context,
}) => {
  await routePlaidCdn(context, env.emulator);
  await open(page, '/connections');
  const card = page.getByRole('article', { name: /First Platypus Bank/ });
  const opened = page.context().waitForEvent('page');
  await card.getByRole('button', { name: 'Update accounts' }).click();
  const linkWindow = await opened;
  const link = linkWindow.frameLocator('iframe[title="Plaid Link"]');
  await link.getByLabel('Username').fill('user_good');
  await link.getByLabel('Password').fill('pass_good');
  await link.getByRole('button', { name: 'Submit' }).click();
  await expect(link.getByRole('heading', { name: 'Select accounts' })).toBeVisible();
  const savings = link.getByLabel('Plaid Saving ••••1111');
  await expect(savings).toBeChecked();
  await savings.uncheck();
  await keepScreenshot(linkWindow, 'link-update-accounts');
  await link.getByRole('button', { name: 'Continue' }).click();
  await link.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('First Platypus Bank updated', { exact: true })).toBeVisible();
  await settled();
  await expect(card.getByText('7 accounts')).toBeVisible();

  const id = (await connections())[0]!.id;
  const all = await ledger.api<Account[]>('accounts.list', {
    connectionId: id,
    includeClosed: true,
  });
  const closed = all.find((a) => a.name === 'Plaid Saving')!;
  expect(closed.closedAt).not.toBeNull();
  const open_ = await ledger.api<Account[]>('accounts.list', { connectionId: id });
  expect(open_.map((a) => a.id)).not.toContain(closed.id);
  const [run] = await ledger.api<SyncRun[]>('connections.logs', { connectionId: id });
  expect(run).toMatchObject({ trigger: 'repair', status: 'succeeded' });
});

test('Sandbox tools: a refused test transaction says why; a login reset asks for Repair', async ({
  page,
}) => {
  await open(page, '/connections');
  const card = page.getByRole('article', { name: /First Platypus Bank/ });
  await card.getByText('Sandbox tools').click();
  const form = card.getByRole('form', { name: /New test transaction/ });
  await form.getByLabel('Description').fill('Test coffee');
  await form.getByLabel(/Amount/).fill('4.50');
  await form.getByRole('button', { name: 'Add at the bank' }).click();
  await expect(
    card.getByText(/Plaid Sandbox adds transactions only to a bank connected with the test user/),
  ).toBeVisible();
  await expectAccessible(page, 'connections, sandbox tools');
  await keepScreenshot(page, 'connection-sandbox-tools');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'connections, sandbox tools, dark');
  await keepScreenshot(page, 'connection-sandbox-tools-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await card.getByRole('button', { name: 'Reset login' }).click();
  await expect(card.getByRole('button', { name: 'Repair' })).toBeVisible();
  await expect(card.getByText(/Sign in to First Platypus Bank again/)).toBeVisible();
  expect((await connections())[0]).toMatchObject({ status: 'LOGIN_REQUIRED' });
});
