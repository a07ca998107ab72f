import type { Rng } from './prng';

/** Plaid's identifier shapes (PLAID-NOTES §1): tokens are <kind>-sandbox-<uuid>, ids 37 base62. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[Math.floor(rng.next() * 62)];
  return out;
}

/** Item, account and transaction ids. */
export function plaidId(rng: Rng): string {
  return base62(rng, 37);
}

/**
 * An id drawn from two streams, so from 64 bits of seed rather than one stream's 32: a dense
 * history holds 10^5 ids and more, where 32-bit seeds would already repeat (two transactions under
 * one id, or a posted row naming another row as its pending one).
 */
export function wideId(first: Rng, second: Rng): string {
  return base62(first, 18) + base62(second, 19);
}

/** 15 alphanumerics, like the request_id in Plaid's documentation. */
export function requestId(rng: Rng): string {
  return base62(rng, 15);
}

export function uuid(rng: Rng): string {
  const hex = (n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(rng.next() * 16).toString(16);
    return out;
  };
  const variant = (8 + Math.floor(rng.next() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

export type TokenKind = 'link' | 'public' | 'access';

export function token(kind: TokenKind, rng: Rng): string {
  return `${kind}-sandbox-${uuid(rng)}`;
}

const TOKEN_PATTERN =
  /^(link|public|access)-(sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The kind of a well-formed token, or null when it is not one at all. */
export function tokenKind(value: string): TokenKind | null {
  const match = TOKEN_PATTERN.exec(value);
  return match ? (match[1] as TokenKind) : null;
}

export function tokenEnvironment(value: string): string | null {
  const match = TOKEN_PATTERN.exec(value);
  return match ? (match[2] ?? null) : null;
}
