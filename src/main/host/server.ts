import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { linkPageRequestSchema } from '../../shared/contract';
import type { Core } from '../core';
import type { Logger } from '../log';
import type { LinkPageServer } from '../link-page/server';
import { rendererSecurityHeaders } from '../security/csp';
import { resolveRendererFile } from '../security/renderer-files';
import { assertStrongToken, bearerToken, hasAllowedHost, hasValidToken } from './auth';
import { MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES, readBody } from './body';
import { HTTP_STATUS } from './http-errors';
import { sendError, sendJson } from './respond';
import { openEventStream } from './sse';
import { DEFAULT_STREAM_LIMITS, StreamCounter, type StreamLimits } from './stream-limits';

export interface HostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
  log: Logger;
  /** Where Plaid Link runs, on an origin of its own (see startLinkPageServer). */
  linkPage?: LinkPageServer;
  /** Caps on open event streams (tests lower them). */
  streamLimits?: StreamLimits;
}

export interface Host {
  port: number;
  url: string;
  /** The address to open in a browser: the token travels in the fragment, never to the server. */
  openUrl: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
/** Sockets at once: the event streams' cap is well below it, so API calls always get through. */
const MAX_CONNECTIONS = 64;

/**
 * The headless host: the same core and the same built renderer as the desktop app, over HTTP on
 * 127.0.0.1 only. It adds no logic of its own: requests go to `core.invoke`, events to SSE.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  assertStrongToken(options.token);
  let port = options.port ?? 0;
  const securityHeaders = rendererSecurityHeaders();
  const streams = new Set<ServerResponse>();
  const streamCounter = new StreamCounter(options.streamLimits ?? DEFAULT_STREAM_LIMITS);

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
      const release = streamCounter.acquire(bearerToken(req) ?? '');
      if (!release) {
        return sendError(
          res,
          429,
          'TOO_EARLY',
          'Too many Ledgerlight tabs are open. Close one, then reload this page.',
        );
      }
      return openEventStream(req, res, options.core.events, streams, release);
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, 'VALIDATION', 'Use POST for API calls.');
    }
    if (name === 'link/open' || name === 'link/hosted') return openLink(req, res, name);
    const body = await readBody(
      req,
      name.startsWith('import.') ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES,
    );
    if (body.kind === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendError(res, 413, 'VALIDATION', 'The request is too large for Ledgerlight.');
    }
    let input: unknown = {};
    if (body.text.length > 0) {
      try {
        input = JSON.parse(body.text);
      } catch {
        return sendError(res, 400, 'VALIDATION', 'The request body is not valid JSON.');
      }
    }
    const result = await options.core.invoke(name, input);
    if (result.ok) return sendJson(res, 200, result.value ?? null);
    return sendJson(res, HTTP_STATUS[result.error.code], { error: result.error });
  }

  /**
   * Where the page should open Link: the Link page on its own origin, or a Hosted Link page.
   * The page opens it itself (a browser only lets a page open windows); the address comes from
   * here so that it is always ours or Plaid's.
   */
  async function openLink(req: IncomingMessage, res: ServerResponse, name: string) {
    const body = await readBody(req);
    let input: unknown = null;
    try {
      input = body.kind === 'ok' ? JSON.parse(body.text) : null;
    } catch {
      // answered below
    }
    const parsed = linkPageRequestSchema.safeParse(input);
    if (!parsed.success) return sendError(res, 400, 'VALIDATION', 'A link token is required.');
    const { linkToken } = parsed.data;
    if (name === 'link/hosted') {
      const url = options.core.hostedLinkUrl(linkToken);
      if (!url) return sendError(res, 404, 'NOT_FOUND', 'This is not a Hosted Link session.');
      return sendJson(res, 200, { url });
    }
    if (!options.linkPage) {
      return sendError(res, 404, 'NOT_FOUND', 'Plaid Link is not available here.');
    }
    return sendJson(res, 200, { url: options.linkPage.pageUrl(linkToken) });
  }

  server.maxConnections = MAX_CONNECTIONS;
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
