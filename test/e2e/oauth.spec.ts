import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { freePort } from '../support/free-port';
import { startBuiltHost, type RunningHost } from './support/host';
import { routePlaidCdn } from './support/plaid-cdn';
import { expectAccessible, SCREENSHOTS } from './support/screens';

/**
 * The browser host's two ways for banks Link cannot finish in place: an OAuth bank sent back to
 * the registered loopback redirect (the Link page's own /oauth, where Link resumes), and Hosted
 * Link in a tab of its own, ending at the Link page's /hosted-complete.
 */

let emulator: PlaidEmulator;
let host: RunningHost;
let linkPort: number;

test.beforeAll(async () => {
  emulator = await startPlaidEmulator({ seed: 9, today: new Date().toISOString().slice(0, 10) });
  linkPort = await freePort();
  host = await startBuiltHost({
    LEDGERLIGHT_PLAID_BASE_URL: emulator.url,
    LEDGERLIGHT_LINK_PORT: String(linkPort),
  });
  for (const [channel, input] of [
    [
      'settings.setPlaid',
      {
        environment: 'sandbox',
        clientId: emulator.control.clientId,
        secret: emulator.control.secret,
      },
    ],
    ['settings.update', { oauthRedirectUri: `http://localhost:${linkPort}/oauth` }],
  ] as const) {
    const response = await fetch(`${host.url}api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(response.status, channel).toBe(200);
  }
});

test.afterAll(async () => {
  expect(await host.stop()).toBe(0);
  await emulator.close();
});

async function connections(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Connections' })
    .click();
}

test('an OAuth bank returns to the registered loopback address, and Link resumes there', async ({
  page,
  context,
}) => {
  await routePlaidCdn(context, emulator);
  await page.goto(host.openUrl);
  // Settings offers the loopback address to register, now that the Link page's port is fixed.
  const settings = await page.evaluate(async (token) => {
    const r = await fetch('/api/settings.get', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    return (await r.json()) as { loopbackRedirectUri: string };
  }, host.token);
  expect(settings.loopbackRedirectUri).toBe(`http://localhost:${linkPort}/oauth`);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const oauth = page.getByRole('region', { name: 'Banks that sign in on their own site' });
  await expect(
    oauth.getByRole('button', { name: 'Copy the redirect address to register' }),
  ).toBeVisible();
  await expectAccessible(page, 'settings, OAuth with a loopback address');
  await oauth.screenshot({ path: path.join(SCREENSHOTS, 'settings-oauth.png') });
  await connections(page);

  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect a bank' }).first().click();
  const popup = await opened;
  const link = popup.frameLocator('iframe[title="Plaid Link"]');
  await link.getByRole('button', { name: 'Platypus OAuth Bank', exact: true }).click();
  await link.getByRole('button', { name: 'Continue' }).click();
  await link.getByRole('button', { name: 'Authorize' }).click();
  // The bank sent the Link window to the redirect address; Link picked the session up again.
  await popup.waitForURL(new RegExp(`^http://localhost:${linkPort}/oauth\\?oauth_state_id=`));
  // Resuming loads the Link page and Link's script again on the new address, which on a busy CI
  // machine has taken longer than the default 5 s.
  await expect(link.getByRole('heading', { name: 'Select accounts' })).toBeVisible({
    timeout: 20_000,
  });
  await link.getByRole('button', { name: 'Continue' }).click();
  await link.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('article', { name: 'Platypus OAuth Bank' })).toBeVisible();
  await expect(page.getByText('Bank connected', { exact: true })).toBeVisible();
});

test('Hosted Link: Plaid’s page in a tab of its own, handed back through the Link page', async ({
  page,
  context,
}) => {
  await page.goto(host.openUrl);
  await connections(page);
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect in your browser' }).click();
  const tab = await opened;
  await expect(page.getByText('Finish in your browser')).toBeVisible();
  // Plaid's own page (here the emulator's), not the app's or the Link page's.
  await expect(tab).toHaveURL(new RegExp(`^${emulator.url}/`));
  await tab.getByRole('button', { name: 'Tartan Bank', exact: true }).click();
  await tab.getByLabel('Username').fill('user_good');
  await tab.getByLabel('Password').fill('pass_good');
  await tab.getByRole('button', { name: 'Submit' }).click();
  await tab.getByRole('button', { name: 'Continue' }).click();
  await tab.getByRole('button', { name: 'Continue' }).click();
  await expect(tab.getByText(/Plaid is done/)).toBeVisible();
  expect(new URL(tab.url()).origin).toBe(`http://localhost:${linkPort}`);
  await expect(page.getByRole('article', { name: 'Tartan Bank' })).toBeVisible();
  await expect(page.getByText('Finish in your browser')).toBeHidden();
});
