import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, TransactionPage } from '../../src/shared/contract';

const root = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

async function api<T>(
  base: string,
  token: string,
  channel: string,
  input: unknown = {},
): Promise<T> {
  const response = await fetch(`${base}api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(response.status, channel).toBe(200);
  return (await response.json()) as T;
}

describe('demo mode (`npm run demo -- --serve`)', () => {
  it('starts the emulator and the app with connected demo banks, no keys and no keychain needed', async () => {
    child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'src/main/demo/cli.ts'), '--serve'],
      {
        // No D-Bus session: the demo must not need a keychain.
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (/Ledgerlight demo listening on \S+/.test(out)) resolve(out);
      });
      child!.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
    });
    const open = /Ledgerlight demo listening on (\S+)/.exec(lines)![1]!;
    expect(lines).toMatch(/Plaid emulator on http:\/\/127\.0\.0\.1:\d+/);
    const url = new URL(open);
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const base = `${url.origin}/`;

    const settings = await api<{ demoMode: boolean; dataDir: string }>(base, token, 'settings.get');
    expect(settings.demoMode).toBe(true);
    // The Link page (on its own origin) loads the emulator's Link script instead of Plaid's.
    const { linkToken } = await api<{ linkToken: string }>(base, token, 'link.createToken');
    const { url: linkPage } = await api<{ url: string }>(base, token, 'link/open', { linkToken });
    const config = (await (await fetch(new URL('/config.json', linkPage))).json()) as {
      linkScriptUrl: string;
    };
    expect(config.linkScriptUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/link\/v2\/stable\/link-initialize\.js$/,
    );
    expect((await fetch(config.linkScriptUrl)).status).toBe(200);
    expect(await api(base, token, 'settings.getPlaid')).toMatchObject({
      clientIdSet: true,
      secretSet: true,
    });

    let connections: Connection[] = [];
    for (let i = 0; i < 100; i++) {
      connections = await api<Connection[]>(base, token, 'connections.list');
      if (connections.length === 2 && connections.every((c) => c.lastSuccessAt && !c.syncing))
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(connections.map((c) => c.status)).toEqual(['ACTIVE', 'ACTIVE']);
    const page = await api<TransactionPage>(base, token, 'transactions.list', { limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(await api<number>(base, token, 'transactions.count', {})).toBeGreaterThan(1000);

    const exited = new Promise<number | null>((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The throwaway data folder goes with the demo.
    expect(fs.existsSync(settings.dataDir)).toBe(false);
  });
});
