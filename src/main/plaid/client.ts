import { Configuration, PlaidApi } from 'plaid';
import type { PlaidCredentials } from './credentials';

const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The official SDK pointed at the credentials' API address (Plaid's host, or the emulator). Keys travel in headers; the SDK's error objects carry those headers, which
 * is why nothing but `describePlaidError` output may ever be logged (see errors.ts).
 */
export function createPlaidApi(credentials: PlaidCredentials): PlaidApi {
  const basePath = credentials.baseUrl.replace(/\/+$/, '');
  return new PlaidApi(
    new Configuration({
      basePath,
      baseOptions: {
        timeout: REQUEST_TIMEOUT_MS,
        headers: { 'PLAID-CLIENT-ID': credentials.clientId, 'PLAID-SECRET': credentials.secret },
      },
    }),
  );
}
