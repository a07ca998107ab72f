import type { IncomingHttpHeaders } from 'node:http';
import { PlaidApiError } from './errors';

/**
 * Plaid takes the keys from the JSON body or from the PLAID-CLIENT-ID / PLAID-SECRET headers
 * (Node lower-cases header names, which makes the header match case-insensitive). The body wins
 * when both are present, as it is the more specific of the two.
 */
export function authenticate(
  headers: IncomingHttpHeaders,
  body: Record<string, unknown>,
  expected: { clientId: string; secret: string },
): string {
  const header = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const clientId = typeof body.client_id === 'string' ? body.client_id : header('plaid-client-id');
  const secret = typeof body.secret === 'string' ? body.secret : header('plaid-secret');
  if (clientId !== expected.clientId || secret !== expected.secret) {
    throw new PlaidApiError('INVALID_API_KEYS');
  }
  return clientId;
}
