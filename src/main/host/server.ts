import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode } from '../../shared/contract';
import type { Core } from '../core';
import type { Logger } from '../log';
import { rendererSecurityHeaders, type CspOptions } from '../security/csp';
import { resolveRendererFile } from '../security/renderer-files';
import { hasAllowedHost, hasValidToken } from './auth';
import { errorBody, HTTP_STATUS } from './http-errors';
import { openEventStream } from './sse';

export interface HostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
  log: Logger;
  csp?: CspOptions;
}

export interface Host {
  port: number;
  url: string;
  /** The address to open in a browser: the token travels in the fragment, never to the server. */
  openUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const API_PREFIX = '/api/';

/**
 * The headless host: the same core and the same built renderer as the desktop app, over HTTP on
 * 127.0.0.1 only. It adds no logic of its own: requests go to `core.invoke`, events to SSE.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  let port = options.port ?? 0;
  const securityHeaders = rendererSecurityHeaders(options.csp);
  const streams = new Set<ServerResponse>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error('host request failed', { error });
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'The request could not be handled.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hasAllowedHost(req, port)) {
      return sendError(res, 403, 'VALIDATION', 'This host name is not allowed.');
    }
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (pathname === '/api' || pathname.startsWith(API_PREFIX))
      return handleApi(req, res, pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'VALIDATION', 'Method not allowed.');
    }
    const found = resolveRendererFile(options.rendererDir, pathname);
    if (!found) return sendError(res, 404, 'NOT_FOUND', 'Not found.');
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': found.contentType,
      'Cache-Control': found.file.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(found.file).pipe(res);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (!hasValidToken(req, options.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'VALIDATION', 'A valid bearer token is required.');
    }
    const name = pathname.slice(API_PREFIX.length);
    if (name === 'events') {
      if (req.method !== 'GET') return sendError(res, 405, 'VALIDATION', 'Use GET for events.');
      return openEventStream(req, res, options.core.events, streams);
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, 'VALIDATION', 'Use POST for API calls.');
    }
    const body = await readBody(req);
    if (body === 'too-large')
      return sendError(res, 413, 'VALIDATION', 'The request body is too large.');
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body);
      } catch {
        return sendError(res, 400, 'VALIDATION', 'The request body is not valid JSON.');
      }
    }
    const result = await options.core.invoke(name, input);
    if (result.ok) return sendJson(res, 200, result.value ?? null);
    return sendJson(res, HTTP_STATUS[result.error.code], { error: result.error });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  return {
    port,
    url,
    openUrl: `${url}#token=${encodeURIComponent(options.token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve('too-large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, errorBody(code, message));
}
