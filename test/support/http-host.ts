import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startHost, type Host, type HostOptions } from '../../src/main/host/server';
import { silentLogger } from '../../src/main/log';
import { startTestCore, type TestCore } from './core';
import { tempDir } from './temp-dir';

export const TOKEN = 'test-token-0123456789abcdef-0123456789';
export const auth = { Authorization: `Bearer ${TOKEN}` };

/**
 * The host on a seeded core, serving a tiny renderer folder; beside that folder lies a file the
 * host must never serve.
 */
export async function startTestHost(
  options: Partial<Omit<HostOptions, 'core' | 'rendererDir' | 'token' | 'log'>> = {},
): Promise<{ core: TestCore; host: Host }> {
  const core = await startTestCore({ seed: true });
  const parent = tempDir();
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'OUTSIDE-THE-RENDERER');
  const rendererDir = path.join(parent, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>Ledgerlight</title>',
  );
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const host = await startHost({
    core: core.core,
    rendererDir,
    token: TOKEN,
    port: 0,
    log: silentLogger,
    ...options,
  });
  return { core, host };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch, so that the Host header and raw bodies are ours to choose. */
export function request(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens an event stream and resolves with its status once the first bytes (or a refusal) arrive. */
export function openStream(port: number): Promise<{ status: number; body: string; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: auth }, (res) => {
      let body = '';
      res.once('data', (chunk: Buffer) => {
        body += chunk.toString();
        resolve({ status: res.statusCode!, body, close: () => req.destroy() });
      });
    });
    req.on('error', reject);
  });
}
