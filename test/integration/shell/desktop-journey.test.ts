import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_PARTITION } from '../../../src/main/electron/link-window';
import { KeychainSecretStore } from '../../../src/main/secrets/keychain-store';
import { secretAccounts } from '../../../src/main/secrets/secret-store';
import { CHROMIUM_LAUNCH } from '../../support/chromium';
import { fake, type FakeBrowserWindow } from '../../support/fake-electron';
import { BrowserDriver } from '../../support/fake-electron/browser-driver';
import { forgetKeychainService } from '../../support/keychain-service';
import { freePort } from '../../support/free-port';
import { launchTestShell, until, type TestShell } from '../../support/shell';

/**
 * The desktop app as Electron would run it, with everything real but the Electron binary: the
 * built renderer and the built preloads in Debian's Chromium, the real shell and core in this
 * process, bridged by the fake electron (each window a page, each IPC call a binding that carries
 * the frame Chromium reports). A new user's journey passes through the app window's preload and
 * the shell's sender check, and Link runs in its own window and session on its own origin.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const out = path.join(root, 'out');
const BUILT = [
  'renderer/index.html',
  'renderer/link.html',
  'preload/index.cjs',
  'preload/link.cjs',
];

let emulator: PlaidEmulator;
let browser: Browser;
let driver: BrowserDriver;
let devServer: http.Server;
let shell: TestShell;
const keychainService = `Ledgerlight-shell-e2e-${crypto.randomUUID()}`;
// Lives for the whole file (the temp folders of test/support live for one test).
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-shell-e2e-'));
/** Every request the app window's context made. */
const appRequests: string[] = [];
const consoleProblems: string[] = [];

beforeAll(async () => {
  for (const file of BUILT) {
    if (!fs.existsSync(path.join(out, file))) {
      throw new Error(`Build first: \`npm run build\` makes out/${file}`);
    }
  }
  emulator = await startPlaidEmulator({ seed: 21, today: new Date().toISOString().slice(0, 10) });
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  // What `npm run dev` does: the app window loads a dev server instead of app://. This one
  // answers every request through the shell's own app:// handler, so the built renderer comes
  // with the CSP the shell sets, and Chromium reports an origin the shell must trust.
  devServer = http.createServer((req, res) => {
    fake.protocol
      .fetch(`app://ledgerlight${req.url ?? '/'}`)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => devServer.listen(0, '127.0.0.1', resolve));
  const devUrl = `http://127.0.0.1:${(devServer.address() as AddressInfo).port}/`;

  driver = new BrowserDriver(browser, async (context, partition) => {
    if (partition === LINK_PARTITION) {
      // Plaid's CDN is the emulator's fake Link (as in test/e2e/support/plaid-cdn.ts).
      await context.route('https://cdn.plaid.com/**', async (route) => {
        const url = new URL(route.request().url());
        const response = await route.fetch({ url: `${emulator.url}${url.pathname}${url.search}` });
        await route.fulfill({ response });
      });
    } else {
      context.on('request', (request) => appRequests.push(request.url()));
      context.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) {
          consoleProblems.push(message.text());
        }
      });
    }
  });
  shell = await launchTestShell({
    builtDir: out,
    env: { LEDGERLIGHT_PLAID_BASE_URL: emulator.url, ELECTRON_RENDERER_URL: devUrl },
    keychainService,
    userData,
    core: { manualCooldownMs: 0 },
    beforeLaunch: () => fake.useDriver(driver),
  });
}, 60_000);

afterAll(async () => {
  await shell?.quit();
  await driver?.close();
  await browser?.close();
  await new Promise((resolve) => devServer?.close(resolve));
  await emulator?.close();
  await forgetKeychainService(keychainService);
  fs.rmSync(userData, { recursive: true, force: true });
});

const linkWindow = () => fake.windows().find((w) => w.partition === LINK_PARTITION);

async function appPage(): Promise<Page> {
  return driver.page(shell.main);
}

describe('the desktop app in Chromium, through the preload and the shell', () => {
  it('a new user: keys, a bank through the isolated Link window, the first sync, transactions', async () => {
    const page = await appPage();
    await page.getByRole('heading', { name: 'Welcome to Ledgerlight' }).waitFor();
    // The preload ran as a sandboxed one and exposed exactly the bridge.
    expect(await page.evaluate(() => Object.keys(window.ledger ?? {}).sort())).toEqual([
      'invoke',
      'onEvent',
      'openHostedLink',
      'openLink',
    ]);

    // 1. Keys, checked with "Plaid", into the real keychain.
    await page.getByRole('radio', { name: /^Sandbox/ }).check();
    await page.getByLabel('Client id').fill(emulator.control.clientId);
    await page.getByLabel('Secret').fill(emulator.control.secret);
    await page.getByRole('button', { name: 'Save keys' }).click();
    await page.getByRole('heading', { name: 'No banks connected yet' }).waitFor();
    const keychain = new KeychainSecretStore(keychainService);
    expect(await keychain.get(secretAccounts.plaidSecret('sandbox'))).toBe(emulator.control.secret);

    // 2. Connect a bank: Link opens in a window of its own, not in this one.
    await page.getByRole('button', { name: 'Connect a bank' }).first().click();
    const linkWin: FakeBrowserWindow = await until(linkWindow, 'the Link window');
    const link = await driver.page(linkWin);
    await link.waitForURL(/^http:\/\/localhost:/);
    await page.getByText('Finish in the Plaid window').waitFor();
    const plaid = link.frameLocator('iframe[title="Plaid Link"]');
    await plaid.getByRole('heading', { name: 'Select your institution' }).waitFor();

    // The Link page has one call and no ledger; the core refuses it anything else.
    expect(
      await link.evaluate(() => ({
        ledger: typeof window.ledger,
        link: Object.keys(window.ledgerlightLink ?? {}),
      })),
    ).toEqual({ ledger: 'undefined', link: ['finished'] });
    const smuggled = await link.evaluate(() =>
      (
        window as unknown as {
          __fakeElectronInvoke: (c: string, a: unknown[]) => Promise<unknown>;
        }
      ).__fakeElectronInvoke('settings.getPlaid', [{}]),
    );
    expect(smuggled).toMatchObject({ value: { ok: false, error: { code: 'VALIDATION' } } });
    expect(shell.log()).toMatch(/"channel":"settings.getPlaid","reason":"another window"/);
    expect(new URL(link.url()).hostname).toBe('localhost');

    await plaid.getByRole('button', { name: 'First Platypus Bank', exact: true }).click();
    await plaid.getByLabel('Username').fill('user_good');
    await plaid.getByLabel('Password').fill('pass_good');
    await plaid.getByRole('button', { name: 'Submit' }).click();
    await plaid.getByRole('heading', { name: 'Select accounts' }).waitFor();
    await plaid.getByRole('button', { name: 'Continue' }).click();
    await plaid.getByRole('button', { name: 'Continue' }).click();

    // 3. The Link window reported, the core exchanged, the app window heard it over IPC.
    await page.getByText('Bank connected', { exact: true }).waitFor();
    await until(() => linkWin.isDestroyed(), 'the Link window to close');
    const card = page.getByRole('article', { name: 'First Platypus Bank' });
    await card.getByText(/^Last run: [\d,]+ new/).waitFor({ timeout: 30_000 });

    // 4. Every transaction Plaid has, listed.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Transactions' })
      .click();
    const subtitle = page.locator('.page-subtitle');
    await subtitle.filter({ hasText: /^[\d,]+ transactions?$/ }).waitFor();
    const shown = Number((await subtitle.textContent())!.replace(/\D/g, ''));
    const item = emulator.control.items()[0]!;
    expect(shown).toBe(emulator.control.groundTruth(item.itemId).length);

    // Plaid's script never ran in the app window, and its strict CSP held without complaint.
    expect(appRequests.filter((url) => /plaid\.com/.test(url))).toEqual([]);
    expect(consoleProblems).toEqual([]);
  }, 120_000);

  it('an OAuth bank comes back to the registered loopback redirect, and Link resumes there', async () => {
    const page = await appPage();
    const port = await freePort();
    const redirectUri = `http://localhost:${port}/oauth`;
    expect(
      await page.evaluate(
        async (uri) =>
          (await window.ledger!.invoke('settings.update', { oauthRedirectUri: uri })).ok,
        redirectUri,
      ),
    ).toBe(true);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Connections' })
      .click();
    await page.getByRole('button', { name: 'Connect a bank' }).first().click();
    const linkWin = await until(linkWindow, 'the Link window');
    const link = await driver.page(linkWin);
    await link.waitForURL(/^http:\/\/localhost:/);
    // The Link page listens on the registered port, so the bank's redirect comes back to it.
    expect(new URL(link.url()).port).toBe(String(port));
    const plaid = link.frameLocator('iframe[title="Plaid Link"]');
    await plaid.getByRole('button', { name: 'Platypus OAuth Bank', exact: true }).click();
    await plaid.getByRole('button', { name: 'Continue' }).click();
    await plaid.getByRole('button', { name: 'Authorize' }).click();
    // Plaid sent the page to redirect_uri?oauth_state_id=…; the shell reopened Link with it.
    await plaid.getByRole('heading', { name: 'Select accounts' }).waitFor();
    const started = emulator.control.calls({ endpoint: '/link/v2/stable/api/start' }).at(-1)!;
    expect((started.request as { received_redirect_uri: string }).received_redirect_uri).toMatch(
      new RegExp(`^http://localhost:${port}/oauth\\?oauth_state_id=`),
    );
    const tokenCall = emulator.control.calls({ endpoint: '/link/token/create' }).at(-1)!;
    expect(tokenCall.request).toMatchObject({ redirect_uri: redirectUri });
    await plaid.getByRole('button', { name: 'Continue' }).click();
    await plaid.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('article', { name: 'Platypus OAuth Bank' }).waitFor();
    await until(() => linkWin.isDestroyed(), 'the Link window to close');
  }, 60_000);

  it('Hosted Link: Plaid’s page in the system browser, back through ledgerlight://link-complete', async () => {
    const page = await appPage();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Connections' })
      .click();
    await page.getByRole('button', { name: 'Connect in your browser' }).click();
    const url = await until(
      () => fake.shell.opened.find((u) => u.includes('/hl/')),
      'openExternal',
    );
    await page.getByText('Finish in your browser').waitFor();

    // The system browser: a context of its own, with nothing of the app in it.
    const system = await browser.newContext();
    try {
      const tab = await system.newPage();
      await tab.goto(url);
      await tab.getByRole('button', { name: 'Tartan Bank', exact: true }).click();
      await tab.getByLabel('Username').fill('user_good');
      await tab.getByLabel('Password').fill('pass_good');
      await tab.getByRole('button', { name: 'Submit' }).click();
      await tab.getByRole('heading', { name: 'Select accounts' }).waitFor();
      await tab.getByRole('button', { name: 'Continue' }).click();
      await tab.getByRole('button', { name: 'Continue' }).click();
      await tab.getByText(/You can close this window/).waitFor();
    } finally {
      await system.close();
    }
    // The browser then opens ledgerlight://link-complete; the OS starts a second copy with it.
    fake.secondInstance(['/opt/Ledgerlight/ledgerlight', 'ledgerlight://link-complete']);
    await page.getByRole('article', { name: 'Tartan Bank' }).waitFor();
    await page.getByText('Bank connected', { exact: true }).first().waitFor();
  }, 60_000);

  it('the app window cannot be navigated away: the shell stops it before it leaves', async () => {
    const page = await appPage();
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://cdn.plaid.com/link/v2/stable/link.html';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(shell.log()).toContain('"window":"app","to":"https://cdn.plaid.com"');
    // And the app still answers through its bridge afterwards.
    expect(
      await page.evaluate(async () => (await window.ledger!.invoke('settings.get', {})).ok),
    ).toBe(true);
  });
});
