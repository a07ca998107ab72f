import type { PlaidError } from 'plaid';
import type { Wire } from './wire';

/**
 * Plaid's error catalogue (PLAID-NOTES §3): each code has one error_type and one HTTP status.
 * Messages follow plaid.com/docs/errors; display_message is only set where Plaid shows the text
 * to the end user.
 */

export type PlaidErrorBody = Wire<PlaidError>;

interface ErrorSpec {
  type: PlaidErrorBody['error_type'];
  status: number;
  message: string;
  display: string | null;
  doc: string;
}

const DOC_SECTION: Record<string, string> = {
  INVALID_REQUEST: 'invalid-request',
  INVALID_INPUT: 'invalid-input',
  ITEM_ERROR: 'item',
  TRANSACTIONS_ERROR: 'transactions',
  INSTITUTION_ERROR: 'institution',
  API_ERROR: 'api',
  RATE_LIMIT_EXCEEDED: 'rate-limit-exceeded',
};

const INSTITUTION_UNAVAILABLE_DISPLAY =
  'This financial institution is not currently responding to requests. We apologize for the inconvenience.';

const SPECS = {
  // INVALID_REQUEST
  MISSING_FIELDS: spec('INVALID_REQUEST', 400, 'the following required fields are missing', null),
  UNKNOWN_FIELDS: spec(
    'INVALID_REQUEST',
    400,
    'the following fields are not recognized by this endpoint',
    null,
  ),
  INVALID_FIELD: spec('INVALID_REQUEST', 400, 'one or more of the request fields is invalid', null),
  INVALID_BODY: spec('INVALID_REQUEST', 400, 'body could not be parsed as JSON', null),
  NOT_FOUND: spec('INVALID_REQUEST', 404, 'not found', null),
  // INVALID_INPUT
  INVALID_API_KEYS: spec('INVALID_INPUT', 400, 'invalid client_id or secret provided', null),
  INVALID_ACCESS_TOKEN: spec(
    'INVALID_INPUT',
    400,
    'provided access token is in an invalid format. expected format: access-<environment>-<identifier>',
    null,
  ),
  INVALID_PUBLIC_TOKEN: spec(
    'INVALID_INPUT',
    400,
    'provided public token is expired. Public tokens expire 30 minutes after creation at which point they can no longer be exchanged',
    null,
  ),
  INVALID_LINK_TOKEN: spec('INVALID_INPUT', 400, 'provided link token is invalid or expired', null),
  INVALID_INSTITUTION: spec('INVALID_INPUT', 400, 'invalid institution_id provided', null),
  INVALID_PRODUCT: spec('INVALID_INPUT', 400, 'invalid product provided', null),
  INVALID_ACCOUNT_ID: spec('INVALID_INPUT', 400, 'one or more of the account IDs is invalid', null),
  // ITEM_ERROR
  ITEM_LOGIN_REQUIRED: spec(
    'ITEM_ERROR',
    400,
    "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
    null,
  ),
  ITEM_NOT_FOUND: spec(
    'ITEM_ERROR',
    400,
    'the Item you requested cannot be found. This Item does not exist, has been previously removed via /item/remove, or has had access removed by the user',
    null,
  ),
  PRODUCT_NOT_READY: spec(
    'ITEM_ERROR',
    400,
    'the requested product is not yet ready. please provide a webhook or try the request again later',
    null,
  ),
  INVALID_CREDENTIALS: spec(
    'ITEM_ERROR',
    400,
    'the provided credentials were not correct',
    'The credentials you provided were incorrect. Check that your credentials are correct and try again.',
  ),
  NO_ACCOUNTS: spec(
    'ITEM_ERROR',
    400,
    'no valid accounts were found for this item',
    "No valid accounts were found at the financial institution. Please visit your financial institution's website to confirm accounts are available.",
  ),
  NO_INVESTMENT_ACCOUNTS: spec(
    'ITEM_ERROR',
    400,
    'no investment accounts were found for this item',
    null,
  ),
  NO_LIABILITY_ACCOUNTS: spec(
    'ITEM_ERROR',
    400,
    'no liability accounts were found for this item',
    null,
  ),
  PRODUCTS_NOT_SUPPORTED: spec(
    'ITEM_ERROR',
    400,
    'the requested products are not supported by this item',
    null,
  ),
  // TRANSACTIONS_ERROR
  TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION: spec(
    'TRANSACTIONS_ERROR',
    400,
    'Underlying transaction data changed since last page was fetched. Please restart pagination from last update.',
    null,
  ),
  // INSTITUTION_ERROR
  INSTITUTION_DOWN: spec(
    'INSTITUTION_ERROR',
    400,
    'this institution is not currently responding to this request. please try again soon',
    INSTITUTION_UNAVAILABLE_DISPLAY,
  ),
  INSTITUTION_NOT_RESPONDING: spec(
    'INSTITUTION_ERROR',
    400,
    'this institution is not currently responding to this request. please try again soon',
    INSTITUTION_UNAVAILABLE_DISPLAY,
  ),
  // API_ERROR
  INTERNAL_SERVER_ERROR: spec(
    'API_ERROR',
    500,
    'an unexpected error occurred',
    'An unexpected error occurred. Please try again later.',
  ),
  PLANNED_MAINTENANCE: spec(
    'API_ERROR',
    503,
    'the Plaid API is undergoing planned maintenance. please try again later',
    'This financial institution is undergoing scheduled maintenance. Please try again later.',
  ),
  // RATE_LIMIT_EXCEEDED (PLAID-NOTES §5): one code per endpoint.
  ACCOUNTS_LIMIT: rate('/accounts/get'),
  BALANCE_LIMIT: rate('/accounts/balance/get'),
  ITEM_GET_LIMIT: rate('/item/get'),
  INSTITUTIONS_GET_BY_ID_LIMIT: rate('/institutions/get_by_id'),
  TRANSACTIONS_SYNC_LIMIT: rate('/transactions/sync'),
  TRANSACTIONS_REFRESH_LIMIT: rate('/transactions/refresh'),
  INVESTMENT_HOLDINGS_GET_LIMIT: rate('/investments/holdings/get'),
  RATE_LIMIT: rate('this endpoint'),
} satisfies Record<string, ErrorSpec>;

export type PlaidErrorCode = keyof typeof SPECS;
/** Every code the emulator can answer with, for tests that walk all of them. */
export const PLAID_ERROR_CODES = Object.keys(SPECS) as PlaidErrorCode[];

function spec(
  type: PlaidErrorBody['error_type'],
  status: number,
  message: string,
  display: string | null,
): ErrorSpec {
  return { type, status, message, display, doc: DOC_SECTION[type] ?? 'errors' };
}

function rate(endpoint: string): ErrorSpec {
  return spec('RATE_LIMIT_EXCEEDED', 429, `rate limit exceeded for ${endpoint}`, null);
}

export function isPlaidErrorCode(code: string): code is PlaidErrorCode {
  return Object.prototype.hasOwnProperty.call(SPECS, code);
}

export function errorSpec(code: PlaidErrorCode): ErrorSpec {
  return SPECS[code];
}

/**
 * Thrown anywhere below the server; the server turns it into the HTTP status and PlaidError body.
 * `detail` replaces the generic message when Plaid's message names the offending field.
 */
export class PlaidApiError extends Error {
  readonly code: PlaidErrorCode;
  readonly status: number;
  readonly type: PlaidErrorBody['error_type'];
  readonly displayMessage: string | null;

  constructor(code: PlaidErrorCode, detail?: string) {
    const s = SPECS[code];
    super(detail ?? s.message);
    this.code = code;
    this.status = s.status;
    this.type = s.type;
    this.displayMessage = s.display;
  }

  body(requestId: string): PlaidErrorBody {
    return {
      error_type: this.type,
      error_code: this.code,
      error_message: this.message,
      display_message: this.displayMessage,
      request_id: requestId,
      documentation_url: documentationUrl(this.code),
      suggested_action: null,
    };
  }

  /** The shape /item/get shows in item.error: no request_id of its own. */
  itemError(): PlaidErrorBody {
    return {
      error_type: this.type,
      error_code: this.code,
      error_message: this.message,
      display_message: this.displayMessage,
      documentation_url: documentationUrl(this.code),
      suggested_action: null,
    };
  }
}

export function documentationUrl(code: PlaidErrorCode): string {
  return `https://plaid.com/docs/errors/${SPECS[code].doc}/#${code.toLowerCase()}`;
}
