import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../src/main/host/server';
import type { TestCore } from '../support/core';
import { auth, request, startTestHost, TOKEN } from '../support/http-host';
import { tempDir } from '../support/temp-dir';

let t: TestCore | undefined;
let host: Host | undefined;

afterEach(async () => {
  await host?.close();
  await t?.core.close();
  host = undefined;
  t = undefined;
});

async function start(): Promise<Host> {
  ({ core: t, host } = await startTestHost());
  return host;
}

describe('the headless host', () => {
  it('answers API calls only with the bearer token', async () => {
    const { port } = await start();
    const none = await request(port, { method: 'POST', path: '/api/connections.list' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({
      error: { code: 'VALIDATION', message: expect.any(String) },
    });
    const wrong = await request(port, {
      method: 'POST',
      path: '/api/connections.list',
      headers: { Authorization: `Bearer ${TOKEN.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
    const inQuery = await request(port, {
      method: 'POST',
      path: `/api/connections.list?token=${TOKEN}`,
    });
    expect(inQuery.status).toBe(401);
    const ok = await request(port, {
      method: 'POST',
      path: '/api/connections.list',
      headers: auth,
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).map((c: { id: string }) => c.id)).toEqual(['conn_1', 'conn_2']);
  });

  it('400 on malformed JSON, 404 on an unknown channel, 400 on invalid input; nothing written', async () => {
    const { port } = await start();
    const before = await request(port, {
      method: 'POST',
      path: '/api/connections.list',
      headers: auth,
    });
    const bad = await request(port, {
      method: 'POST',
      path: '/api/connections.update',
      headers: auth,
      body: '{"connectionId": "conn_1", "displayName": ',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('VALIDATION');
    const unknown = await request(port, {
      method: 'POST',
      path: '/api/connections.nuke',
      headers: auth,
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('NOT_FOUND');
    const invalid = await request(port, {
      method: 'POST',
      path: '/api/connections.update',
      headers: auth,
      body: JSON.stringify({ connectionId: 'conn_1', displayName: '', evil: true }),
    });
    expect(invalid.status).toBe(400);
    const after = await request(port, {
      method: 'POST',
      path: '/api/connections.list',
      headers: auth,
    });
    expect(after.body).toBe(before.body);
  });

  it('delivers core events over Server-Sent Events', async () => {
    const { port } = await start();
    let update: Promise<unknown> | undefined;
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/api/events', headers: auth },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes(': connected') && !update) {
              // The stream is open: a change through the API must arrive as an event.
              update = request(port, {
                method: 'POST',
                path: '/api/connections.update',
                headers: auth,
                body: JSON.stringify({ connectionId: 'conn_2', paused: true }),
              });
            }
            const event = text.indexOf('event: ');
            if (event >= 0 && text.includes('\n\n', event)) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(await update).toMatchObject({ status: 200 });
    expect(received).toContain('event: connections.changed\ndata: {"connectionId":"conn_2"}\n\n');
  });

  it('refuses other Host headers (DNS rebinding) and sends no CORS headers', async () => {
    const { port } = await start();
    const rebinding = await request(port, {
      path: '/',
      headers: { Host: `attacker.example:${port}` },
    });
    expect(rebinding.status).toBe(403);
    const rebindingApi = await request(port, {
      method: 'POST',
      path: '/api/connections.list',
      headers: { ...auth, Host: `attacker.example:${port}` },
    });
    expect(rebindingApi.status).toBe(403);
    const localhost = await request(port, { path: '/', headers: { Host: `localhost:${port}` } });
    expect(localhost.status).toBe(200);

    const preflight = await request(port, {
      method: 'OPTIONS',
      path: '/api/connections.list',
      headers: { Origin: 'https://attacker.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(401);
    const withOrigin = await request(port, {
      method: 'POST',
      path: '/api/connections.list',
      headers: { ...auth, Origin: 'https://attacker.example' },
    });
    for (const response of [preflight, withOrigin]) {
      expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual(
        [],
      );
    }
  });

  it('serves the renderer with the CSP, and never a file outside it', async () => {
    const { port } = await start();
    const index = await request(port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    // Plaid's script never runs in the app's page: it has a page of its own (link-page.test.ts).
    expect(index.headers['content-security-policy']).toContain("script-src 'self';");
    expect(index.headers['content-security-policy']).not.toContain('plaid.com');
    expect((await request(port, { path: '/assets/app.js' })).headers['content-type']).toMatch(
      /javascript/,
    );
    expect((await request(port, { path: '/transactions' })).body).toContain('<title>Ledgerlight');
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%2fsecret.txt',
    ];
    for (const attempt of attempts) {
      const response = await request(port, { path: attempt });
      expect(response.status, attempt).toBe(404);
      expect(response.body, attempt).not.toContain('OUTSIDE-THE-RENDERER');
    }
  });

  it('listens on the loopback interface only', async () => {
    const { port } = await start();
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
      .map((a) => a.address);
    for (const address of addresses) {
      const outcome = await new Promise<string>((resolve) => {
        const req = http.get({ host: address, port, path: '/', timeout: 2000 }, () =>
          resolve('connected'),
        );
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        req.on('timeout', () => {
          req.destroy();
          resolve('timeout');
        });
      });
      expect(outcome, address).not.toBe('connected');
    }
    const local = await request(port, { path: '/' });
    expect(local.status).toBe(200);
  });

  it('`npm run serve` prints its address, and shuts down cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawn(
      path.join(import.meta.dirname, '../../node_modules/.bin/tsx'),
      [path.join(import.meta.dirname, '../../src/main/host/serve.ts')],
      {
        env: {
          ...process.env,
          LEDGERLIGHT_DATA_DIR: dataDir,
          LEDGERLIGHT_PORT: '0',
          LEDGERLIGHT_TOKEN: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const match =
      /^Ledgerlight listening on http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/.exec(
        line,
      );
    expect(match, line).not.toBeNull();
    const [, port, token] = match!;
    const ok = await request(Number(port), {
      method: 'POST',
      path: '/api/settings.get',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(JSON.parse(ok.body).dataDir).toBe(dataDir);

    const exitCode = await new Promise<number | null>((resolve) => {
      child.on('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
    // A cleanly closed WAL database leaves no -wal file behind.
    expect(fs.existsSync(path.join(dataDir, 'ledgerlight-sandbox.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'ledgerlight-sandbox.sqlite-wal'))).toBe(false);
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'ledgerlight.log'), 'utf8');
    expect(log).toContain('"message":"core stopped"');
  });
});
