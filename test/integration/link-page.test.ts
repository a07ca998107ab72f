import path from 'node:path';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../../src/main/host/browser-app';
import { silentLogger } from '../../src/main/log';
import { MemorySecretStore } from '../../src/main/secrets/memory-store';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import type { LedgerEvent } from '../../src/shared/contract';
import { freePort } from '../support/free-port';
import { auth, request, TOKEN } from '../support/http-host';
import { fakeBuild } from '../support/shell';
import { tempDir } from '../support/temp-dir';

/**
 * The browser host's Link page: served on an origin of its own, it can say one thing (how Link
 * ended, to POST /result) and only about a session the app opened.
 */

let app: BrowserApp | undefined;
let emulator: PlaidEmulator | undefined;
afterEach(async () => {
  await app?.close();
  await emulator?.close();
  app = undefined;
  emulator = undefined;
});

async function start(
  linkPort = 0,
): Promise<{ app: BrowserApp; emulator: PlaidEmulator; events: LedgerEvent[] }> {
  emulator = await startPlaidEmulator({ seed: 3, rateLimits: false });
  const secrets = new MemorySecretStore();
  await secrets.set(secretAccounts.plaidClientId('sandbox'), emulator.control.clientId);
  await secrets.set(secretAccounts.plaidSecret('sandbox'), emulator.control.secret);
  const built = fakeBuild();
  app = await startBrowserApp({
    core: { dataDir: tempDir(), secrets, plaidBaseUrl: emulator.url, schedule: false },
    rendererDir: path.join(built, 'renderer'),
    token: TOKEN,
    port: 0,
    linkPort,
    log: silentLogger,
  });
  const events: LedgerEvent[] = [];
  app.core.events.subscribe((e) => events.push(e));
  return { app, emulator, events };
}

const api = (a: BrowserApp, name: string, body: unknown, headers: Record<string, string> = auth) =>
  request(a.host.port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const report = (a: BrowserApp, body: string) =>
  request(a.linkPage.port, {
    method: 'POST',
    path: '/result',
    headers: { Host: `localhost:${a.linkPage.port}`, 'Content-Type': 'application/json' },
    body,
  });

async function linkToken(a: BrowserApp, input: Record<string, unknown> = {}): Promise<string> {
  const answer = await api(a, 'link.createToken', input);
  return (JSON.parse(answer.body) as { linkToken: string }).linkToken;
}

describe('the browser host’s Link page', () => {
  it('opens on an origin of its own, for the token holder only', async () => {
    const { app: a } = await start();
    expect((await api(a, 'link/open', { linkToken: 'x' }, {})).status).toBe(401);
    expect((await api(a, 'link/open', {})).status).toBe(400);
    const token = await linkToken(a);
    const opened = JSON.parse((await api(a, 'link/open', { linkToken: token })).body) as {
      url: string;
    };
    const page = new URL(opened.url);
    expect(page.origin).toBe(a.linkPage.origin);
    expect(page.port).not.toBe(String(a.host.port));
    expect(new URLSearchParams(page.hash.slice(1)).get('token')).toBe(token);

    const headers = { Host: `localhost:${a.linkPage.port}` };
    const served = await request(a.linkPage.port, {
      path: `${page.pathname}${page.search}`,
      headers,
    });
    expect(served.body).toContain('<title>Link page');
    expect(served.headers['content-security-policy']).toContain('https://cdn.plaid.com');
    expect(served.headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
    const config = await request(a.linkPage.port, { path: '/config.json', headers });
    expect(JSON.parse(config.body)).toEqual({ linkScriptUrl: null });
    // Nothing of the app, and no API, is served there.
    for (const pathname of ['/index.html', '/api/settings.get', '/assets/../../secret.txt', '/x']) {
      const response = await request(a.linkPage.port, { path: pathname, headers });
      expect(response.status, pathname).toBe(404);
      expect(response.body).not.toContain('OUTSIDE-THE-RENDERER');
    }
    expect(
      (await request(a.linkPage.port, { path: '/', headers: { Host: 'attacker.example' } })).status,
    ).toBe(403);
  });

  it('its one endpoint takes one report per session the app opened, and nothing else', async () => {
    const { app: a, events } = await start();
    const token = await linkToken(a);
    expect((await report(a, 'not json')).status).toBe(400);
    expect((await report(a, JSON.stringify({ linkToken: token, status: 'hacked' }))).status).toBe(
      400,
    );
    const stranger = JSON.stringify({
      linkToken: 'link-sandbox-other',
      status: 'exit',
      error: null,
    });
    expect((await report(a, stranger)).status).toBe(404);
    expect(events.filter((e) => e.name === 'link.finished')).toEqual([]);

    const exit = JSON.stringify({
      linkToken: token,
      status: 'exit',
      error: {
        errorType: 'ITEM_ERROR',
        errorCode: 'INVALID_CREDENTIALS',
        errorMessage: 'the provided credentials were not correct',
        displayMessage: 'The password you entered was incorrect.',
      },
    });
    expect((await report(a, exit)).status).toBe(204);
    const finished = events.filter((e) => e.name === 'link.finished');
    expect(finished).toEqual([
      {
        name: 'link.finished',
        payload: {
          linkToken: token,
          outcome: 'exited',
          connectionId: null,
          accountCount: 0,
          error: {
            code: 'PLAID',
            message: 'The password you entered was incorrect.',
            details: { plaidErrorCode: 'INVALID_CREDENTIALS', plaidErrorType: 'ITEM_ERROR' },
          },
        },
      },
    ]);
    expect((await report(a, exit)).status).toBe(404);
  });

  it('a success report is exchanged by the core; the page never gets an access token', async () => {
    const { app: a, emulator: e, events } = await start();
    const token = await linkToken(a);
    const done = e.control.completeLink(token, { username: 'user_good', password: 'pass_good' });
    const answer = await report(
      a,
      JSON.stringify({
        linkToken: token,
        status: 'success',
        publicToken: done.publicToken,
        institution: { id: 'ins_109508', name: 'First Platypus Bank' },
        accounts: done.accounts.map((acc) => ({ id: acc.id, name: acc.name, mask: acc.mask })),
      }),
    );
    expect(answer.status).toBe(204);
    expect(answer.body).toBe('');
    const finished = events.find((ev) => ev.name === 'link.finished');
    expect(finished?.payload).toMatchObject({ outcome: 'connected', error: null });
    const list = JSON.parse((await api(a, 'connections.list', {})).body) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('Hosted Link: the page Plaid made, and its completion coming back to the Link page', async () => {
    const { app: a, emulator: e, events } = await start();
    const plain = await linkToken(a);
    expect((await api(a, 'link/hosted', { linkToken: plain })).status).toBe(404);
    const hosted = await linkToken(a, { hosted: true });
    const url = JSON.parse((await api(a, 'link/hosted', { linkToken: hosted })).body) as {
      url: string;
    };
    expect(url.url).toMatch(new RegExp(`^${e.url}/hl/`));
    const create = e.control.calls({ endpoint: '/link/token/create' }).at(-1)!;
    expect(create.request).toMatchObject({
      hosted_link: { completion_redirect_uri: `${a.linkPage.origin}/hosted-complete` },
    });
    e.control.completeLink(hosted, { username: 'user_good', password: 'pass_good' });
    const back = await request(a.linkPage.port, {
      path: '/hosted-complete',
      headers: { Host: `localhost:${a.linkPage.port}` },
    });
    expect(back.body).toMatch(/Return to Ledgerlight to see your bank/);
    for (let i = 0; i < 100 && !events.some((ev) => ev.name === 'link.finished'); i += 1) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(events.find((ev) => ev.name === 'link.finished')?.payload).toMatchObject({
      linkToken: hosted,
      outcome: 'connected',
    });
  });

  it('serves the resume page at the OAuth redirect path when its port is fixed', async () => {
    const { app: a } = await start();
    const settings = JSON.parse((await api(a, 'settings.get', {})).body) as {
      loopbackRedirectUri: string | null;
    };
    // With a free port the address would change every launch: nothing to register.
    expect(settings.loopbackRedirectUri).toBeNull();
    const resume = await request(a.linkPage.port, {
      path: '/oauth?oauth_state_id=abc',
      headers: { Host: `localhost:${a.linkPage.port}` },
    });
    expect(resume.body).toContain('<title>Link page');
  });

  it('offers its loopback redirect for registering once LEDGERLIGHT_LINK_PORT fixes the port', async () => {
    const port = await freePort();
    const { app: a } = await start(port);
    const settings = JSON.parse((await api(a, 'settings.get', {})).body) as {
      loopbackRedirectUri: string | null;
    };
    expect(settings.loopbackRedirectUri).toBe(`http://localhost:${port}/oauth`);
    expect(a.linkPage.port).toBe(port);
  });
});
