import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The shortest token the host accepts: guessing it must be hopeless. */
export const MIN_TOKEN_LENGTH = 32;

/** The bearer token a request carries, if any. */
export function bearerToken(req: IncomingMessage): string | null {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/** Compares the request's bearer token with ours in constant time (digests have equal length). */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const given = bearerToken(req);
  if (given === null) return false;
  const givenDigest = crypto.createHash('sha256').update(given).digest();
  const expected = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(givenDigest, expected);
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

/**
 * The token is all that keeps other programs and web pages on this computer out of the ledger,
 * so one given in LEDGERLIGHT_TOKEN must be long enough not to be guessed.
 */
export function assertStrongToken(token: string): void {
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `LEDGERLIGHT_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters long; it is ${token.length}. ` +
        'Leave it unset and Ledgerlight makes a random one each time it starts.',
    );
  }
}
