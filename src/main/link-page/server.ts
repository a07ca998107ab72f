import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { InvokeResult } from '../../shared/contract';
import { readBody } from '../host/body';
import { HTTP_STATUS } from '../host/http-errors';
import { sendError, sendJson } from '../host/respond';
import type { Logger } from '../log';
import { linkPageSecurityHeaders } from '../security/csp';
import { resolveRendererFile } from '../security/renderer-files';

/** The Link page's HTML inside the built renderer. */
export const LINK_PAGE_FILE = 'link.html';
/** A Link report is a token, a public token and a few accounts: small. */
const MAX_RESULT_BYTES = 64 * 1024;

export interface LinkPageServerOptions {
  /** The built renderer (out/renderer), which holds link.html and its assets. */
  rendererDir: string;
  /** 0 picks a free port; an OAuth redirect registered at Plaid needs a fixed one. */
  port: number;
  /** The name the page is opened under: OAuth redirects must come back to the same origin. */
  hostname?: 'localhost' | '127.0.0.1';
  /** The path of a registered loopback OAuth redirect (`/oauth`). */
  oauthPath?: string;
  /** Demo mode: the emulator's Link script instead of Plaid's. */
  linkScriptUrl?: string | null;
  /**
   * The browser host: where the page reports how Link ended (POST /result), its one endpoint.
   * The desktop app leaves it out: there the Link window's preload is the only way back.
   */
  onResult?: (outcome: unknown) => Promise<InvokeResult<null>>;
  /**
   * The desktop app: an OAuth redirect that arrived in some other browser (GET on the redirect
   * path); the app resumes Link in its own window. Without it, the redirect path serves the page
   * itself, which resumes Link where it is (the browser host's pop-up).
   */
  onOAuthRedirect?: (redirectUrl: string) => void;
  /** The browser host: Hosted Link finished and sent the browser here (GET /hosted-complete). */
  onHostedComplete?: () => void;
  log: Logger;
}

export interface LinkPageServer {
  origin: string;
  port: number;
  /** The page for a token, and for an OAuth session coming back with its redirect. */
  pageUrl(linkToken: string, receivedRedirectUri?: string): string;
  /** Where Hosted Link should send the browser when it ends (browser host). */
  hostedCompletionUrl: string;
  close(): Promise<void>;
}

/** The port a registered OAuth redirect needs is taken; the message is for the user. */
export class LinkPortInUseError extends Error {
  constructor(port: number) {
    super(
      `Another program is using port ${port}, which Ledgerlight needs for your bank's sign-in page. Close it, or register another redirect address in Settings.`,
    );
    this.name = 'LinkPortInUseError';
  }
}

const PLAIN_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * Serves Plaid Link's page on a loopback origin of its own, apart from the app: Plaid's script
 * runs there and can read nothing of the app window (the desktop app's ledger bridge, or the
 * browser host's API token). It serves link.html and its assets, the page's small config, and
 * the callbacks Link's flows need (OAuth redirect, Hosted Link completion, the browser host's
 * result); nothing else, and no data.
 */
export async function startLinkPageServer(options: LinkPageServerOptions): Promise<LinkPageServer> {
  const hostname = options.hostname ?? 'localhost';
  const headers = linkPageSecurityHeaders({
    linkScriptOrigin: options.linkScriptUrl ? new URL(options.linkScriptUrl).origin : null,
  });
  let port = options.port;
  const origin = () => `http://${hostname}:${port}`;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error('link page request failed', { error });
      if (!res.headersSent) sendText(res, 500, 'The request could not be handled.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host;
    // The same DNS-rebinding guard as the host: only our literal loopback names.
    if (host !== `localhost:${port}` && host !== `127.0.0.1:${port}`) {
      return sendText(res, 403, 'This host name is not allowed.');
    }
    const url = new URL(req.url ?? '/', origin());
    if (req.method === 'POST' && url.pathname === '/result' && options.onResult) {
      return receiveResult(req, res, options.onResult);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed.');
    }
    if (url.pathname === '/config.json') {
      return sendJson(res, 200, { linkScriptUrl: options.linkScriptUrl ?? null });
    }
    if (options.oauthPath && url.pathname === options.oauthPath) {
      if (options.onOAuthRedirect) {
        options.onOAuthRedirect(`${origin()}${url.pathname}${url.search}`);
        return sendPlainPage(
          res,
          'Back to Ledgerlight',
          'Your bank sent you back. Return to Ledgerlight to finish connecting it; you can close this tab.',
        );
      }
      return sendFile(req, res, path.join(options.rendererDir, LINK_PAGE_FILE));
    }
    if (url.pathname === '/hosted-complete' && options.onHostedComplete) {
      options.onHostedComplete();
      return sendPlainPage(
        res,
        'Done',
        'Plaid is done. Return to Ledgerlight to see your bank; you can close this tab.',
      );
    }
    if (url.pathname === '/' || url.pathname === `/${LINK_PAGE_FILE}`) {
      return sendFile(req, res, path.join(options.rendererDir, LINK_PAGE_FILE));
    }
    if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
      const found = resolveRendererFile(options.rendererDir, url.pathname);
      if (found && path.extname(found.file) !== '') {
        return sendFile(req, res, found.file, found.contentType);
      }
    }
    return sendText(res, 404, 'Not found.');
  }

  function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    contentType = 'text/html; charset=utf-8',
  ): void {
    if (!fs.existsSync(file)) return sendText(res, 404, 'Not found.');
    res.writeHead(200, { ...headers, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new LinkPortInUseError(port) : error);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Each opening is a new document: a URL that differed only in its #fragment would not reload.
  let openings = 0;

  return {
    origin: origin(),
    port,
    pageUrl(linkToken, receivedRedirectUri) {
      const hash = new URLSearchParams({ token: linkToken });
      if (receivedRedirectUri) hash.set('redirect', receivedRedirectUri);
      openings += 1;
      return `${origin()}/?opening=${openings}#${hash.toString()}`;
    },
    hostedCompletionUrl: `${origin()}/hosted-complete`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function receiveResult(
  req: IncomingMessage,
  res: ServerResponse,
  onResult: (outcome: unknown) => Promise<InvokeResult<null>>,
): Promise<void> {
  const body = await readBody(req, MAX_RESULT_BYTES);
  if (body.kind === 'too-large') {
    res.setHeader('Connection', 'close');
    return sendError(res, 413, 'VALIDATION', 'The report is too large.');
  }
  let outcome: unknown;
  try {
    outcome = JSON.parse(body.text);
  } catch {
    return sendError(res, 400, 'VALIDATION', 'The report is not JSON.');
  }
  const result = await onResult(outcome);
  if (result.ok) {
    res.writeHead(204, { 'Cache-Control': 'no-store' });
    return void res.end();
  }
  return sendJson(res, HTTP_STATUS[result.error.code], { error: result.error });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/** A page with no script at all, for a browser tab the user should simply close. */
function sendPlainPage(res: ServerResponse, title: string, text: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PLAIN_PAGE_CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>` +
      `<body style="font:16px system-ui;margin:15vh auto;max-width:32em;text-align:center">` +
      `<h1>${title}</h1><p>${text}</p></body></html>`,
  );
}
