import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { DEFAULT_SECRET } from '../../packages/plaid-emulator/src/options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import type { Connection } from '../../src/shared/model';
import { startBuiltHost, type RunningHost } from '../e2e/support/host';
import {
  filesUnder,
  findIn,
  needleFor,
  scanTree,
  type Needle,
  type Sighting,
} from './support/input-secret-scan';

/**
 * Secrets nowhere: a journey through the built host over HTTP, with the real keychain (keytar,
 * as CI runs it inside scripts/with-test-keyring.sh), on the Plaid emulator: keys saved, three
 * banks linked (two by the Sandbox shortcut, one through the Link flow: token, Link, exchange),
 * syncs through 429s, 500s, a dropped connection and a login that breaks, a repair token, a
 * disconnect. Every HTTP answer and the whole event stream are kept. Then the Plaid secret and
 * every access token (from the emulator's control API and the keychain) must appear, raw or
 * encoded, in none of: the data folder (database, -wal, -shm, backups, logs), the answers, the
 * events, the built bundle; and the emulator's secret in none of the e2e run's artifacts.
 */

const root = path.resolve(import.meta.dirname, '../..');
const today = new Date().toISOString().slice(0, 10);
// A secret of this run alone: found anywhere, it can only have come from here.
const PLAID_SECRET = `sec-${crypto.randomBytes(15).toString('hex')}`;

let emulator: PlaidEmulator;
let host: RunningHost;
let bundle: string;
const answers: Array<{ channel: string; status: number; body: string }> = [];
let events = '';
let closeEvents: () => void = () => undefined;

/**
 * A private copy of the built app (built first if missing), taken under the build lock that
 * every build holds: other suites rebuild out/ while this one runs. The copy resolves its
 * packages through a link to this repository's node_modules.
 */
function copyOfBuild(): string {
  // Not test/support's tempDir: that one is removed after the first test.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-secrets-'));
  execFileSync(
    'flock',
    [
      '/tmp/ledgerlight-build.lock',
      'sh',
      '-c',
      '[ -f out/main/host.js ] || npx electron-vite build >&2; cp -r out "$0"',
      path.join(dir, 'out'),
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  return path.join(dir, 'out');
}

async function call<T>(channel: string, input: unknown): Promise<{ status: number; value: T }> {
  const response = await fetch(`${host.url}api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await response.text();
  answers.push({ channel, status: response.status, body });
  return { status: response.status, value: JSON.parse(body) as T };
}

async function api<T>(channel: string, input: unknown = {}): Promise<T> {
  const { status, value } = await call<T>(channel, input);
  if (status !== 200) throw new Error(`${channel} was refused: ${JSON.stringify(value)}`);
  return value;
}

function openEvents(): Promise<void> {
  const url = new URL(`${host.url}api/events`);
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { Authorization: `Bearer ${host.token}` },
      },
      (res) => {
        res.on('data', (chunk: Buffer) => (events += chunk.toString('utf8')));
        resolve();
      },
    );
    req.on('error', (error) => (events ? undefined : reject(error)));
    closeEvents = () => req.destroy();
  });
}

async function settled(): Promise<Connection[]> {
  for (let i = 0; i < 300; i++) {
    const connections = await api<Connection[]>('connections.list');
    if (!connections.some((c) => c.syncing)) return connections;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the syncs did not finish');
}

/** Every secret of the journey, read where the app keeps them and where Plaid's side knows them. */
let needles: Needle[] = [];
let accessTokens: string[] = [];

beforeAll(async () => {
  // SECRETS_BUILD=<an out/ folder> runs the journey on another build (e.g. one made to leak).
  bundle = process.env.SECRETS_BUILD ? path.resolve(process.env.SECRETS_BUILD) : copyOfBuild();
  emulator = await startPlaidEmulator({ seed: 12, today, secret: PLAID_SECRET });
  host = await startBuiltHost(
    { LEDGERLIGHT_PLAID_BASE_URL: emulator.url, LEDGERLIGHT_MANUAL_COOLDOWN_MS: '0' },
    { entry: path.relative(root, path.join(bundle, 'main', 'host.js')) },
  );
  await openEvents();
  const control = emulator.control;

  // Keys, then three banks: two by the Sandbox shortcut, one through the Link flow.
  await api('settings.setPlaid', {
    environment: 'sandbox',
    clientId: control.clientId,
    secret: PLAID_SECRET,
  });
  // The secret is kept where it belongs: in the keychain.
  expect(await host.keychain.get(secretAccounts.plaidSecret('sandbox'))).toBe(PLAID_SECRET);
  await api('link.sandboxConnect', { institutionId: 'ins_109508' });
  await api('link.sandboxConnect', { institutionId: 'ins_109511' });
  const { linkToken } = await api<{ linkToken: string }>('link.createToken', {});
  const linked = control.completeLink(linkToken, { institutionId: 'ins_109512' });
  await api('link.exchange', {
    publicToken: linked.publicToken,
    institution: { id: 'ins_109512', name: 'Houndstooth Bank' },
    accounts: linked.accounts.map(({ id, name, type, subtype, mask }) => ({
      id,
      name,
      type,
      subtype,
      mask,
    })),
  });
  let connections = await settled();
  expect(connections).toHaveLength(3);
  const [first, second, third] = connections as [Connection, Connection, Connection];
  // The tokens as the app keeps them, before one of them is given back to Plaid.
  for (const connection of connections) {
    const token = await host.keychain.get(secretAccounts.accessToken(connection.id));
    expect(token, `the keychain holds ${connection.id}'s access token`).toMatch(/^access-/);
    accessTokens.push(token!);
  }

  // Faults: rate limits, Plaid's 500s, a dropped answer, a cut one, then a login that breaks.
  control.advance({ days: 2 });
  control.inject({ endpoint: '/transactions/sync', error: 'RATE_LIMIT_EXCEEDED', times: 2 });
  await api('connections.sync', {});
  await settled();
  control.inject({ endpoint: '*', error: 'INTERNAL_SERVER_ERROR', times: 3 });
  control.inject({ endpoint: '/accounts/balance/get', drop: true, times: 1 });
  await api('connections.sync', {});
  await settled();
  await call('accounts.checkBalance', { connectionId: second.id });
  control.inject({ endpoint: '/accounts/balance/get', truncate: true, times: 1 });
  await call('accounts.checkBalance', { connectionId: third.id });
  const firstItem = control.items().find((item) => accessTokens[0] === item.accessToken)!;
  control.inject({
    endpoint: '/transactions/sync',
    itemId: firstItem.itemId,
    error: 'ITEM_LOGIN_REQUIRED',
  });
  await api('connections.sync', { connectionId: first.id });
  connections = await settled();
  // The repair token (Link in update mode), and what the screens read.
  await call('link.createToken', { connectionId: first.id });
  await call('connections.refresh', { connectionId: second.id });
  await settled();
  for (const connection of connections) {
    await call('connections.logs', { connectionId: connection.id });
    await call('connections.health', { connectionId: connection.id });
  }
  for (const channel of [
    'settings.getPlaid',
    'settings.get',
    'connections.summary',
    'institutions.checkStatus',
    'accounts.list',
    'transactions.list',
    'portfolio.holdings',
    'liabilities.list',
    'recurring.list',
    'batches.list',
    'quarantine.list',
  ]) {
    await call(channel, {});
  }
  // One bank disconnected: its Item is given back to Plaid.
  await api('connections.disconnect', { connectionId: third.id });
  await settled();
  await new Promise((r) => setTimeout(r, 300));

  for (const item of control.items()) accessTokens.push(item.accessToken);
  accessTokens = [...new Set(accessTokens)];
  needles = [
    needleFor('the Plaid secret', PLAID_SECRET),
    ...accessTokens.map((token, i) => needleFor(`access token ${i + 1}`, token)),
  ];
}, 240_000);

afterAll(async () => {
  closeEvents();
  if (host) expect(await host.stop()).toBe(0);
  await emulator?.close();
  if (bundle && !process.env.SECRETS_BUILD) {
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
});

function expectNone(sightings: Sighting[]): void {
  expect(sightings.map((s) => `${s.needle} (${s.encoding}) in ${s.where}`)).toEqual([]);
}

describe('the Plaid secret and the access tokens appear nowhere', () => {
  it('the journey ran: three banks linked, faults met, one disconnected', () => {
    expect(accessTokens.length).toBeGreaterThanOrEqual(3);
    const items = emulator.control.items();
    expect(items.filter((item) => item.removed)).toHaveLength(1);
    const calls = emulator.control.calls();
    for (const code of [
      'TRANSACTIONS_SYNC_LIMIT',
      'INTERNAL_SERVER_ERROR',
      'ITEM_LOGIN_REQUIRED',
    ]) {
      expect(
        calls.some((c) => c.errorCode === code),
        `no ${code} was met`,
      ).toBe(true);
    }
    expect(events).toContain('event: sync.completed');
    expect(answers.length).toBeGreaterThan(30);
  });

  it('not in the data folder: database, -wal, -shm, backups, logs', () => {
    const files = filesUnder(host.dataDir).map((f) => path.relative(host.dataDir, f));
    expect(files).toEqual(expect.arrayContaining(['ledgerlight-sandbox.sqlite']));
    expect(files.some((f) => f.startsWith(`logs${path.sep}`))).toBe(true);
    const scanned = scanTree(host.dataDir, 'data', needles);
    console.log(
      `secrets: ${needles.length} secrets in ${needles[0]!.forms.length} spellings each, ` +
        `over ${scanned.files} files of the data folder (${files.join(', ')}), ${scanned.bytes} bytes`,
    );
    expectNone(scanned.sightings);
  });

  it('not in any HTTP answer or event', () => {
    const sightings = [
      ...answers.flatMap((a) => findIn(a.body, `the answer to ${a.channel}`, needles)),
      ...findIn(events, 'the event stream', needles),
    ];
    console.log(
      `secrets: ${answers.length} HTTP answers (${answers.reduce((n, a) => n + a.body.length, 0)} ` +
        `characters) and ${events.length} characters of events scanned`,
    );
    expectNone(sightings);
  });

  it('not in the built bundle', () => {
    const scanned = scanTree(bundle, 'out', needles);
    expect(scanned.files).toBeGreaterThan(5);
    expectNone(scanned.sightings);
  });

  it('the emulator’s own secret is not in what the e2e run left behind', () => {
    const known = [needleFor('the emulator’s secret', DEFAULT_SECRET), ...needles];
    let files = 0;
    const sightings: Sighting[] = [];
    for (const dir of ['artifacts', 'test-results', 'playwright-report']) {
      const scanned = scanTree(path.join(root, dir), dir, known);
      files += scanned.files;
      sightings.push(...scanned.sightings);
    }
    console.log(`secrets: ${files} files of e2e artifacts scanned`);
    expectNone(sightings);
  });
});
