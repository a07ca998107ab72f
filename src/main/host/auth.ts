import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Compares the request's bearer token with ours in constant time (digests have equal length). */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) return false;
  const given = crypto.createHash('sha256').update(match[1]!).digest();
  const expected = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(given, expected);
}

/**
 * DNS-rebinding guard: a page on an attacker's domain that resolves to 127.0.0.1 still sends its
 * own Host header, so only our literal loopback names are served.
 */
export function hasAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}
