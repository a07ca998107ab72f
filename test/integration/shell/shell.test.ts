import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LINK_PARTITION } from '../../../src/main/electron/link-window';
import {
  CHANNEL_NAMES,
  HOSTED_LINK_OPEN_IPC_CHANNEL,
  LINK_FINISHED_IPC_CHANNEL,
  LINK_OPEN_IPC_CHANNEL,
  type InvokeResult,
  type LinkToken,
} from '../../../src/shared/contract';
import { fake, FakeBrowserWindow, powerMonitor } from '../../support/fake-electron';
import { launchShell } from '../../../src/main/electron/main';
import { freePort } from '../../support/free-port';
import { launchTestShell, until, type TestShell } from '../../support/shell';
import { tempDir } from '../../support/temp-dir';

/**
 * The real Electron shell (src/main/electron/), driven through the fake electron module, with the
 * real core behind it: the sender check, the app:// protocol, navigation and window policy, the
 * isolated Link window, sleep, second instances and deep links.
 */

let shell: TestShell | undefined;
let emulator: PlaidEmulator | undefined;
afterEach(async () => {
  await shell?.quit();
  await emulator?.close();
  shell = undefined;
  emulator = undefined;
});

const call = async (win: FakeBrowserWindow, channel: string, input: unknown = {}) =>
  (await fake.invoke(win, channel, input)) as InvokeResult<unknown>;

async function withEmulator(
  options: { env?: NodeJS.ProcessEnv; argv?: string[]; schedule?: boolean } = {},
) {
  emulator = await startPlaidEmulator({
    seed: 11,
    rateLimits: false,
    today: new Date().toISOString().slice(0, 10),
  });
  shell = await launchTestShell({
    env: { LEDGERLIGHT_PLAID_BASE_URL: emulator.url, ...options.env },
    keys: { clientId: emulator.control.clientId, secret: emulator.control.secret },
    ...(options.argv ? { argv: options.argv } : {}),
    core: { schedule: options.schedule ?? false, manualCooldownMs: 0 },
  });
  return { shell, emulator };
}

function linkWindow(): FakeBrowserWindow {
  const found = fake.windows().find((w) => w.partition === LINK_PARTITION);
  if (!found) throw new Error('no Link window is open');
  return found;
}

async function openLink(s: TestShell, input: Record<string, unknown> = {}): Promise<LinkToken> {
  const token = await call(s.main, 'link.createToken', input);
  if (!token.ok) throw new Error(token.error.message);
  const { linkToken } = token.value as LinkToken;
  const opened = await call(s.main, LINK_OPEN_IPC_CHANNEL, { linkToken });
  expect(opened).toEqual({ ok: true, value: null });
  return token.value as LinkToken;
}

describe('the shell binds the core to IPC', () => {
  it('binds every channel of the contract and the three Link calls, once each', async () => {
    shell = await launchTestShell();
    const bound = [...fake.ipc.handlers.keys()];
    for (const name of [
      ...CHANNEL_NAMES,
      LINK_OPEN_IPC_CHANNEL,
      HOSTED_LINK_OPEN_IPC_CHANNEL,
      LINK_FINISHED_IPC_CHANNEL,
    ]) {
      expect(bound).toContain(name);
    }
    expect(bound).toHaveLength(CHANNEL_NAMES.length + 3);
  });

  it('serves a call from the app window’s main frame on app://ledgerlight', async () => {
    shell = await launchTestShell();
    expect(shell.main.webContents.mainFrame.url).toBe('app://ledgerlight/');
    const settings = await call(shell.main, 'settings.get');
    expect(settings.ok).toBe(true);
    expect((settings as { value: { dataDir: string } }).value.dataDir).toBe(shell.userData);
    // Invalid input still meets the contract's validation behind the sender check.
    expect(await call(shell.main, 'connections.logs', { connectionId: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('refuses a sub-frame, another window and another origin, and logs each with its reason', async () => {
    shell = await launchTestShell();
    const refused = { ok: false, error: { code: 'VALIDATION', message: expect.any(String) } };

    const fromFrame = await fake.invokeFromSubFrame(
      shell.main,
      'app://ledgerlight/',
      'settings.getPlaid',
      {},
    );
    expect(fromFrame).toMatchObject(refused);

    const other = new FakeBrowserWindow({});
    await other.loadURL('app://ledgerlight/');
    expect(await call(other, 'settings.getPlaid')).toMatchObject(refused);

    shell.main.webContents.mainFrame.url = 'https://attacker.example/stolen-path';
    expect(await call(shell.main, 'settings.getPlaid')).toMatchObject(refused);
    shell.main.webContents.mainFrame.url = 'app://ledgerlight/settings';
    expect((await call(shell.main, 'settings.getPlaid')).ok).toBe(true);

    const log = shell.log();
    expect(log).toContain('"reason":"a sub-frame"');
    expect(log).toContain('"reason":"another window"');
    expect(log).toContain('"reason":"another origin (https://attacker.example)"');
    expect(log).not.toContain('stolen-path');
  });
});

describe('app://ledgerlight', () => {
  it('is registered as a standard, secure scheme before ready', async () => {
    shell = await launchTestShell();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer with the CSP on every response, and nothing outside it', async () => {
    shell = await launchTestShell();
    const index = await fake.protocol.fetch('app://ledgerlight/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Ledgerlight');
    const route = await fake.protocol.fetch('app://ledgerlight/transactions');
    expect(await route.text()).toContain('<title>Ledgerlight');
    const asset = await fake.protocol.fetch('app://ledgerlight/assets/app.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const responses = [index, route, asset];
    for (const attempt of [
      'app://ledgerlight/../secret.txt',
      'app://ledgerlight/..%2fsecret.txt',
      'app://ledgerlight/%2e%2e/secret.txt',
      'app://ledgerlight/assets/..%2f..%2fsecret.txt',
      'app://ledgerlight/assets/..%5c..%5csecret.txt',
      'app://elsewhere/index.html',
    ]) {
      const response = await fake.protocol.fetch(attempt);
      expect(response.status, attempt).toBe(404);
      expect(await response.text(), attempt).not.toContain('OUTSIDE-THE-RENDERER');
      responses.push(response);
    }
    const post = await fake.protocol.fetch('app://ledgerlight/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    responses.push(post);
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });
});

describe('navigation, windows and permissions', () => {
  it('keeps the app window on its origin and opens no window from it', async () => {
    shell = await launchTestShell();
    expect(fake.navigate(shell.main, 'https://cdn.plaid.com/link/v2/stable/link.html')).toBe(false);
    expect(fake.navigate(shell.main, 'file:///etc/passwd')).toBe(false);
    expect(fake.navigate(shell.main, 'app://elsewhere/')).toBe(false);
    expect(fake.navigate(shell.main, 'app://ledgerlight/accounts')).toBe(true);

    expect(fake.windowOpen(shell.main, 'https://cdn.plaid.com/oauth')).toBeNull();
    expect(fake.windowOpen(shell.main, 'https://attacker.example/')).toBeNull();
    expect(fake.windowOpen(shell.main, 'https://dashboard.plaid.com/developers/keys')).toBeNull();
    expect(fake.windowOpen(shell.main, 'https://github.com/ledgerlight')).toBeNull();
    // Only the allowlisted ones went to the system browser.
    expect(fake.shell.opened).toEqual([
      'https://dashboard.plaid.com/developers/keys',
      'https://github.com/ledgerlight',
    ]);
    expect(shell.log()).toContain('"window":"app","to":"https://cdn.plaid.com"');
  });

  it('denies every permission but the app window’s clipboard writes', async () => {
    shell = await launchTestShell();
    const app = fake.sessions.get('')!;
    expect(await app.request(shell.main.webContents, 'clipboard-sanitized-write')).toBe(true);
    expect(await app.request(shell.main.webContents, 'clipboard-read')).toBe(false);
    expect(await app.request(shell.main.webContents, 'notifications')).toBe(false);
    expect(app.check(shell.main.webContents, 'media')).toBe(false);
    const other = new FakeBrowserWindow({});
    expect(await app.request(other.webContents, 'clipboard-sanitized-write')).toBe(false);
    expect(await fake.sessions.get(LINK_PARTITION)!.request(other.webContents, 'geolocation')).toBe(
      false,
    );
  });

  it('refuses to be a second copy: it quits and opens nothing', async () => {
    fake.reset({ userData: tempDir() });
    fake.app.hasLock = false;
    await launchShell({ env: {}, argv: ['electron', '.'] });
    expect(fake.app.quitting).toBe(true);
    expect(fake.windows()).toEqual([]);
    expect(fake.ipc.handlers.size).toBe(0);
  });
});

describe('the Link window', () => {
  it('runs Link in its own session, and its one call is accepted only from the Link page', async () => {
    const { shell: s, emulator: e } = await withEmulator();
    const { linkToken } = await openLink(s);
    const link = linkWindow();
    expect(link.options.webPreferences).toMatchObject({
      partition: LINK_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(link.options.webPreferences?.preload).toBe(path.join(s.builtDir, 'preload', 'link.cjs'));
    const page = new URL(link.webContents.mainFrame.url);
    expect(page.hostname).toBe('localhost');
    expect(new URLSearchParams(page.hash.slice(1)).get('token')).toBe(linkToken);
    // The Link page is its own server: the Link page, with the Link CSP.
    const served = await fetch(`${page.origin}/`);
    expect(served.headers.get('content-security-policy')).toContain('cdn.plaid.com');

    // The Link window reaches no channel of the core…
    expect(await call(link, 'settings.getPlaid')).toMatchObject({ ok: false });
    // …and the app window (or a frame inside the Link page) cannot speak for Link.
    const done = e.control.completeLink(linkToken, {
      username: 'user_good',
      password: 'pass_good',
    });
    const outcome = {
      linkToken,
      status: 'success',
      publicToken: done.publicToken,
      institution: { id: 'ins_109508', name: 'First Platypus Bank' },
      accounts: done.accounts.map((a) => ({ id: a.id, name: a.name, mask: a.mask })),
    };
    expect(await fake.invoke(s.main, LINK_FINISHED_IPC_CHANNEL, outcome)).toBe(false);
    expect(
      await fake.invokeFromSubFrame(link, page.origin, LINK_FINISHED_IPC_CHANNEL, outcome),
    ).toBe(false);
    expect(s.log()).toMatch(/"channel":"link:finished","reason":"another window"/);

    // The Link page itself: the core exchanges, the app window hears it, the window closes.
    expect(await fake.invoke(link, LINK_FINISHED_IPC_CHANNEL, outcome)).toBe(true);
    const finished = await until(
      () => s.events().find((ev) => ev.name === 'link.finished'),
      'link.finished',
    );
    expect(finished.payload).toMatchObject({ linkToken, outcome: 'connected', error: null });
    expect(link.isDestroyed()).toBe(true);
    const connections = await call(s.main, 'connections.list');
    expect((connections as { value: unknown[] }).value).toHaveLength(1);
    // The same report twice changes nothing.
    expect(await fake.invoke(link, LINK_FINISHED_IPC_CHANNEL, outcome)).toBe(false);
  });

  it('a Link window closed before Link said anything is an exit, and its server goes away', async () => {
    const { shell: s } = await withEmulator();
    const { linkToken } = await openLink(s);
    const link = linkWindow();
    const origin = new URL(link.webContents.mainFrame.url).origin;
    link.close();
    const finished = await until(
      () => s.events().find((ev) => ev.name === 'link.finished'),
      'link.finished',
    );
    expect(finished.payload).toMatchObject({ linkToken, outcome: 'exited', error: null });
    await expect(fetch(origin)).rejects.toThrow();
  });

  it('a page that took over the Link window cannot report for it', async () => {
    const { shell: s } = await withEmulator();
    const { linkToken } = await openLink(s);
    const link = linkWindow();
    expect(fake.navigate(link, 'https://bank.example/oauth/authorize')).toBe(true);
    const forged = { linkToken, status: 'exit', error: null };
    expect(await fake.invoke(link, LINK_FINISHED_IPC_CHANNEL, forged)).toBe(false);
    expect(s.log()).toContain('another origin (https://bank.example)');
    // Plain http elsewhere, files and other schemes are not for the Link window at all.
    expect(fake.navigate(link, 'http://attacker.example/')).toBe(false);
    expect(fake.navigate(link, 'file:///etc/passwd')).toBe(false);
  });

  it('opens Plaid’s OAuth pop-ups from the Link window only, sandboxed, and nothing else', async () => {
    const { shell: s } = await withEmulator();
    await openLink(s);
    const link = linkWindow();
    const popup = fake.windowOpen(link, 'https://cdn.plaid.com/link/v2/stable/oauth.html');
    expect(popup).not.toBeNull();
    expect(popup!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(popup!.options.webPreferences?.preload).toBeUndefined();
    // The bank's pages inside the pop-up may go where the bank goes, over https only.
    expect(fake.navigate(popup!, 'https://bank.example/login')).toBe(true);
    expect(fake.navigate(popup!, 'http://bank.example/login')).toBe(false);
    // A pop-up of the pop-up (Plaid's) is allowed; anything else is not.
    expect(fake.windowOpen(popup!, 'https://secure.plaid.com/x')).not.toBeNull();
    expect(fake.windowOpen(link, 'https://attacker.example/')).toBeNull();
    expect(fake.shell.opened).toEqual([]);
  });

  it('resumes an OAuth bank from the registered loopback redirect, both ways it can arrive', async () => {
    const port = await freePort();
    const { shell: s } = await withEmulator();
    const redirectUri = `http://localhost:${port}/oauth`;
    expect((await call(s.main, 'settings.update', { oauthRedirectUri: redirectUri })).ok).toBe(
      true,
    );
    const { linkToken } = await openLink(s);
    const link = linkWindow();
    expect(new URL(link.webContents.mainFrame.url).port).toBe(String(port));

    // 1. The bank sends the Link window itself back to the redirect address.
    const back = `${redirectUri}?oauth_state_id=state-one`;
    expect(fake.navigate(link, back)).toBe(false);
    const resumed = new URL(link.webContents.mainFrame.url);
    expect(Object.fromEntries(new URLSearchParams(resumed.hash.slice(1)))).toEqual({
      token: linkToken,
      redirect: back,
    });

    // 2. The bank's page opened in the system browser, which lands on the loopback listener.
    const elsewhere = await fetch(`http://127.0.0.1:${port}/oauth?oauth_state_id=state-two`, {
      headers: { Host: `localhost:${port}` },
    });
    expect(await elsewhere.text()).toMatch(/Return to Ledgerlight/);
    expect(elsewhere.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const again = new URLSearchParams(new URL(link.webContents.mainFrame.url).hash.slice(1));
    expect(again.get('redirect')).toBe(`http://localhost:${port}/oauth?oauth_state_id=state-two`);
  });

  it('resumes an OAuth bank from a ledgerlight://oauth deep link handed over by a second launch', async () => {
    const { shell: s } = await withEmulator();
    const redirectUri = 'https://ledgerlight.example/oauth-return';
    await call(s.main, 'settings.update', { oauthRedirectUri: redirectUri });
    await openLink(s);
    const link = linkWindow();
    s.main.minimize();
    fake.secondInstance(['/opt/Ledgerlight/ledgerlight', 'ledgerlight://oauth?oauth_state_id=xyz']);
    expect(s.main.isMinimized()).toBe(false);
    expect(s.main.isFocused()).toBe(true);
    const hash = new URLSearchParams(new URL(link.webContents.mainFrame.url).hash.slice(1));
    expect(hash.get('redirect')).toBe(`${redirectUri}?oauth_state_id=xyz`);
    // A link the app does not know is ignored, and said so in the log.
    fake.secondInstance(['ledgerlight', 'ledgerlight://transfer?to=attacker']);
    expect(s.log()).toContain('deep link ignored');
  });
});

describe('Hosted Link in the system browser', () => {
  it('opens only the Hosted Link page of a session the app opened', async () => {
    const { shell: s } = await withEmulator();
    const hosted = (await call(s.main, 'link.createToken', { hosted: true })) as {
      value: LinkToken;
    };
    expect(hosted.value.hostedLinkUrl).toMatch(/\/hl\//);
    const plain = (await call(s.main, 'link.createToken', {})) as { value: LinkToken };
    expect(
      await call(s.main, HOSTED_LINK_OPEN_IPC_CHANNEL, { linkToken: plain.value.linkToken }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await call(s.main, HOSTED_LINK_OPEN_IPC_CHANNEL, { linkToken: hosted.value.linkToken }),
    ).toEqual({ ok: true, value: null });
    expect(fake.shell.opened).toEqual([hosted.value.hostedLinkUrl]);
    // Plaid was told to come back to the app's own scheme.
    const request = emulator!.control.calls({ endpoint: '/link/token/create' })[0]!.request;
    expect(request).toMatchObject({
      hosted_link: { completion_redirect_uri: 'ledgerlight://link-complete' },
    });
  });

  it('a ledgerlight://link-complete deep link from a second launch takes the bank in', async () => {
    const { shell: s, emulator: e } = await withEmulator();
    const hosted = (await call(s.main, 'link.createToken', { hosted: true })) as {
      value: LinkToken;
    };
    await call(s.main, HOSTED_LINK_OPEN_IPC_CHANNEL, { linkToken: hosted.value.linkToken });
    // The user finishes in their browser, which then opens ledgerlight://link-complete.
    e.control.completeLink(hosted.value.linkToken, {
      username: 'user_good',
      password: 'pass_good',
    });
    s.main.minimize();
    fake.secondInstance(['ledgerlight', 'ledgerlight://link-complete']);
    expect(s.main.isMinimized()).toBe(false);
    const finished = await until(
      () => s.events().find((ev) => ev.name === 'link.finished'),
      'link.finished',
    );
    expect(finished.payload).toMatchObject({ outcome: 'connected' });
    expect(e.control.calls({ endpoint: '/link/token/get' })).toHaveLength(1);
  });

  it('a link that arrives before the app is ready (macOS open-url) is handled once it is', async () => {
    emulator = await startPlaidEmulator({ seed: 12, rateLimits: false });
    const e = emulator;
    let prevented = false;
    shell = await launchTestShell({
      env: { LEDGERLIGHT_PLAID_BASE_URL: e.url },
      keys: { clientId: e.control.clientId, secret: e.control.secret },
      beforeLaunch: () => {
        fake.app.autoReady = false;
        setTimeout(() => {
          prevented = fake.openUrl('ledgerlight://link-complete');
          fake.makeReady();
        }, 10);
      },
    });
    expect(prevented).toBe(true);
    // No Hosted Link session was open, so there was nothing to ask Plaid about.
    expect(e.control.calls({ endpoint: '/link/token/get' })).toEqual([]);
    expect(shell.log()).not.toContain('deep link ignored');
  });
});

describe('the desktop around the app', () => {
  it('registers ledgerlight:// with the OS, naming Electron and the app when unpackaged', async () => {
    // `electron .` sets process.defaultApp; the OS must then start Electron with the app's entry.
    const argv1 = process.argv[1];
    Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
    process.argv[1] = '/work/app/out/main/index.js';
    try {
      shell = await launchTestShell();
    } finally {
      Reflect.deleteProperty(process, 'defaultApp');
      process.argv[1] = argv1!;
    }
    expect(fake.app.protocolClients).toEqual([
      { scheme: 'ledgerlight', path: process.execPath, args: ['/work/app/out/main/index.js'] },
    ]);
  });

  it('after sleep, a resume catches up on every sync that fell due', async () => {
    const { shell: s, emulator: e } = await withEmulator({ schedule: true });
    const linked = await call(s.main, 'link.sandboxConnect', { institutionId: 'ins_109508' });
    const { connectionId } = (linked as { value: { connectionId: string } }).value;
    const runs = async () =>
      (
        (await call(s.main, 'connections.logs', { connectionId })) as {
          value: { trigger: string; status: string }[];
        }
      ).value;
    await until(
      async () => (await runs()).length > 0 && (await runs()).every((r) => r.status !== 'running'),
      'the first run',
    );
    const database = path.join(s.userData, 'ledgerlight-sandbox.sqlite');
    // The machine slept past the next sync.
    const db = new BetterSqlite3(database);
    db.prepare("UPDATE connections SET next_sync_at = '2000-01-01T00:00:00.000Z'").run();
    db.close();
    e.control.resetCalls();
    powerMonitor.emit('resume');
    const woke = await until(
      async () => (await runs()).find((r) => r.trigger === 'wake' && r.status !== 'running'),
      'a wake run',
    );
    expect(woke.status).toBe('succeeded');
    expect(e.control.calls({ endpoint: '/transactions/sync' }).length).toBeGreaterThan(0);
  });

  it('installs the menu with Sync All, and notifies once when a bank needs the user', async () => {
    const { shell: s, emulator: e } = await withEmulator();
    const linked = await call(s.main, 'link.sandboxConnect', { institutionId: 'ins_109508' });
    const { connectionId } = (linked as { value: { connectionId: string } }).value;
    const file = fake.menu()!.template.find((m) => m.label === 'File')!;
    const items = file.submenu as { label?: string; accelerator?: string }[];
    expect(items[0]).toMatchObject({
      label: 'Sync All Connections',
      accelerator: 'CmdOrCtrl+Shift+S',
    });
    await until(
      () => s.events().some((ev) => ev.name === 'sync.completed' || ev.name === 'sync.failed'),
      'first run',
    );
    const item = e.control.items().find((i) => i.itemId)!;
    e.control.resetLogin(item.itemId);
    await call(s.main, 'connections.sync', { connectionId });
    const notice = await until(
      () => fake.notifications.find((n) => /sign in again/.test(n.title)),
      'a notification',
    );
    expect(notice.body).toMatch(/Repair/);
    await call(s.main, 'connections.sync', { connectionId }).catch(() => null);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.notifications.filter((n) => /sign in again/.test(n.title))).toHaveLength(1);
    s.main.minimize();
    notice.emit('click');
    expect(s.main.isVisible()).toBe(true);
  });
});
