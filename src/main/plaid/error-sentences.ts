import type { PlaidFailureKind } from './errors';

/**
 * Plaid's errors in the words of the app. Plaid's own error_message is written for developers
 * (lower case, field names, no full stop), so a person reads these instead; Plaid's text stays
 * in the error's details and in the log.
 */
const BY_CODE: Record<string, string> = {
  INVALID_API_KEYS:
    'Plaid did not accept the client id and secret. Check them on the Keys page of the Plaid Dashboard.',
  INVALID_ACCESS_TOKEN: 'Plaid no longer knows this connection. Connect the bank again.',
  ITEM_NOT_FOUND: 'Plaid no longer knows this connection. Connect the bank again.',
  USER_PERMISSION_REVOKED:
    'Access to this bank was withdrawn at the bank or at Plaid. Connect the bank again to keep it up to date.',
  ACCESS_NOT_GRANTED:
    'The bank was not given permission to share this. Connect the bank again and allow it.',
  INVALID_PUBLIC_TOKEN: 'The bank sign-in took too long and has expired. Connect the bank again.',
  INVALID_LINK_TOKEN: 'This Plaid Link session has expired. Start connecting the bank again.',
  INVALID_INSTITUTION: 'Plaid does not know this bank.',
  INVALID_PRODUCT:
    'Your Plaid account is not enabled for this. You can ask Plaid to enable it in the Plaid Dashboard.',
  PRODUCT_NOT_ENABLED:
    'Your Plaid account is not enabled for this. You can ask Plaid to enable it in the Plaid Dashboard.',
  INVALID_ACCOUNT_ID: 'Plaid does not know one of these accounts any more. Sync the bank first.',
  ITEM_LOGIN_REQUIRED: 'The bank needs you to sign in again. Choose Fix connection to do it.',
  PENDING_EXPIRATION:
    'The bank’s permission to share your data ends soon. Choose Fix connection to renew it.',
  ITEM_CONSENT_EXPIRED:
    'The bank’s permission to share your data has ended. Choose Fix connection to renew it.',
  PRODUCT_NOT_READY: 'The bank has not sent this to Plaid yet. It usually arrives within minutes.',
  INVALID_CREDENTIALS: 'The bank did not accept the username or password.',
  NO_ACCOUNTS: 'The bank has no accounts that Plaid can read for this sign-in.',
  NO_INVESTMENT_ACCOUNTS: 'The bank has no investment accounts for this sign-in.',
  NO_LIABILITY_ACCOUNTS: 'The bank has no credit card or loan accounts for this sign-in.',
  PRODUCTS_NOT_SUPPORTED: 'This bank does not offer that through Plaid.',
  PRODUCT_NOT_SUPPORTED: 'This bank does not offer that through Plaid.',
  TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION:
    'The bank changed its transactions while they were being read, so reading starts over.',
  INSTITUTION_DOWN: 'The bank is not answering Plaid right now.',
  INSTITUTION_NOT_RESPONDING: 'The bank is not answering Plaid right now.',
  INSTITUTION_NOT_AVAILABLE: 'The bank is not available through Plaid right now.',
  INTERNAL_SERVER_ERROR: 'Plaid had a problem on its side.',
  PLANNED_MAINTENANCE: 'Plaid is down for planned maintenance.',
};

const BY_KIND: Record<PlaidFailureKind, string> = {
  'rate-limit': 'Plaid is asked too often just now and refused this time. Wait a minute first.',
  server: 'Plaid had a problem on its side.',
  institution: 'The bank is not answering Plaid right now.',
  network: 'Plaid could not be reached. Check the internet connection.',
  mutation: 'The bank changed its transactions while they were being read, so reading starts over.',
  'login-required': 'The bank needs you to sign in again. Choose Fix connection to do it.',
  'item-gone': 'Plaid no longer knows this connection. Connect the bank again.',
  'item-error': 'Plaid reports a problem with this bank connection.',
  'invalid-keys':
    'Plaid did not accept the client id and secret. Check them on the Keys page of the Plaid Dashboard.',
  'invalid-input': 'Plaid refused what it was given. Start again.',
  request: 'Plaid refused a request from Ledgerlight. The details are in the log.',
};

/** The sentence for one of Plaid's error codes, or for its kind when the code is not known here. */
export function plaidErrorSentence(code: string, kind: PlaidFailureKind): string {
  return (kind === 'rate-limit' ? undefined : BY_CODE[code]) ?? BY_KIND[kind];
}
