import fs from 'node:fs';
import { protocol } from 'electron';
import { rendererSecurityHeaders } from '../security/csp';
import { resolveRendererFile } from '../security/renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ledgerlight';
/** Where the app window loads the built renderer from. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * Must run before `ready`: a standard, secure scheme gives the renderer a real origin (Plaid and
 * the web platform refuse file://) with fetch support.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** app://ledgerlight/… → the built renderer, with the traversal check and the CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request));
}

export function rendererResponse(rendererDir: string, request: Request): Response {
  const headers = rendererSecurityHeaders();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers });
  }
  const url = new URL(request.url);
  const found = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
  if (!found) return new Response('Not found', { status: 404, headers });
  return new Response(request.method === 'HEAD' ? null : fs.readFileSync(found.file), {
    headers: { ...headers, 'Content-Type': found.contentType },
  });
}
