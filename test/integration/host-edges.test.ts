import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { silentLogger } from '../../src/main/log';
import type { TestCore } from '../support/core';
import { auth, openStream, request, startTestHost } from '../support/http-host';
import { tempDir } from '../support/temp-dir';

/** The host's edges, each found by sending it something it did not expect. */

let t: TestCore | undefined;
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  await t?.core.close();
  host = undefined;
  t = undefined;
});

const list = (port: number, input: unknown) =>
  request(port, {
    method: 'POST',
    path: '/api/transactions.list',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });

describe('the host at its edges', () => {
  it('control characters in a search separate words; a search of nothing but them is refused', async () => {
    ({ core: t, host } = await startTestHost());
    const spaced = await list(host.port, { search: 'whole foods' });
    const withNul = await list(host.port, { search: 'whole\u0000foods' });
    expect(JSON.parse(spaced.body).items.length).toBeGreaterThan(0);
    expect(withNul.status).toBe(200);
    expect(JSON.parse(withNul.body)).toEqual(JSON.parse(spaced.body));
    const tabbed = await list(host.port, { search: 'whole\tfoods\r\n' });
    expect(JSON.parse(tabbed.body)).toEqual(JSON.parse(spaced.body));
    for (const search of ['\u0000', '\u0001\u001f\u007f', '"', '""  "']) {
      const response = await list(host.port, { search });
      expect(response.status, JSON.stringify(search)).toBeLessThan(500);
    }
    const nothing = await list(host.port, { search: '\u0000\u0000' });
    expect(nothing.status).toBe(400);
    expect(JSON.parse(nothing.body).error).toMatchObject({ code: 'VALIDATION' });
  });

  it('a body over the limit is answered 413, not a reset, declared or streamed', async () => {
    ({ core: t, host } = await startTestHost());
    const huge = Buffer.alloc(3 * 1024 * 1024, 'a');
    const declared = await request(host.port, {
      method: 'POST',
      path: '/api/connections.list',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: huge,
    });
    expect(declared.status).toBe(413);
    expect(declared.headers.connection).toBe('close');
    expect(JSON.parse(declared.body).error).toMatchObject({ code: 'VALIDATION' });

    // Chunked, with no Content-Length: refused once it grows past the limit.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host!.port,
          method: 'POST',
          path: '/api/connections.list',
          headers: { ...auth, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 12; i += 1) req.write(Buffer.alloc(256 * 1024, 'b'));
      req.end();
    });
    expect(streamed).toBe(413);
    // The host is still fine.
    expect((await list(host.port, {})).status).toBe(200);
  });

  it('caps open event streams per token and in total, and API calls still get through', async () => {
    ({ core: t, host } = await startTestHost({ streamLimits: { perToken: 2, total: 5 } }));
    const open = [await openStream(host.port), await openStream(host.port)];
    expect(open.map((s) => s.status)).toEqual([200, 200]);
    const third = await openStream(host.port);
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body).error.message).toMatch(/Too many Ledgerlight tabs/);
    expect((await list(host.port, {})).status).toBe(200);
    // A closed stream gives its place back.
    open[0]!.close();
    await new Promise((r) => setTimeout(r, 50));
    const again = await openStream(host.port);
    expect(again.status).toBe(200);
    again.close();
    open[1]!.close();
    await host.close();
    await t.core.close();

    ({ core: t, host } = await startTestHost({ streamLimits: { perToken: 5, total: 1 } }));
    const only = await openStream(host.port);
    expect(only.status).toBe(200);
    expect((await openStream(host.port)).status).toBe(429);
    only.close();
  });

  it('refuses a token shorter than 32 characters, with a sentence saying so', async () => {
    ({ core: t } = await startTestHost());
    await expect(
      startHost({
        core: t.core,
        rendererDir: tempDir(),
        token: 'short-token',
        port: 0,
        log: silentLogger,
      }),
    ).rejects.toThrow(/at least 32 characters long; it is 11/);

    const child = spawn(
      path.join(import.meta.dirname, '../../node_modules/.bin/tsx'),
      [path.join(import.meta.dirname, '../../src/main/host/serve.ts')],
      {
        env: {
          ...process.env,
          LEDGERLIGHT_DATA_DIR: tempDir(),
          LEDGERLIGHT_PORT: '0',
          LEDGERLIGHT_TOKEN: 'only-twenty-characters',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/LEDGERLIGHT_TOKEN must be at least 32 characters long/);
  });
});
