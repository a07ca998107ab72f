import { createRequire } from 'node:module';
import type * as PlaidSdk from 'plaid';
import type { PlaidApi } from 'plaid';
import type { PlaidCredentials } from './credentials';

const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The SDK, loaded the first time a client is made rather than when the app starts: loading its
 * generated code was most of the host's start (see sdk-values.ts for the values used before).
 */
let sdk: typeof PlaidSdk | undefined;
function loadSdk(): typeof PlaidSdk {
  sdk ??= createRequire(import.meta.url)('plaid') as typeof PlaidSdk;
  return sdk;
}

/**
 * The official SDK pointed at the credentials' API address (Plaid's host, or the emulator). Keys travel in headers; the SDK's error objects carry those headers, which
 * is why nothing but `describePlaidError` output may ever be logged (see errors.ts).
 */
export function createPlaidApi(credentials: PlaidCredentials): PlaidApi {
  const { Configuration, PlaidApi } = loadSdk();
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
