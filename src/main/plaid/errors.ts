import { LedgerError } from '../../shared/errors';
import { plaidErrorSentence } from './error-sentences';

/** What kind of failure a Plaid call had, which decides retrying and the connection's status. */
export type PlaidFailureKind =
  | 'rate-limit' // 429: back off
  | 'server' // 5xx, planned maintenance: back off
  | 'institution' // the bank is down or not answering: back off, then later
  | 'network' // no answer, a dropped connection or a garbled body: back off
  | 'mutation' // the Item changed mid-pagination: restart the loop from its first cursor
  | 'login-required' // the user must sign in again (Link update mode)
  | 'item-gone' // the Item was removed or revoked at Plaid
  | 'item-error' // another Item problem the user must fix
  | 'invalid-keys' // the client id or secret is wrong
  | 'invalid-input' // the caller gave us something Plaid refused (a spent public token)
  | 'request'; // we sent something Plaid would not take

/** Plaid's error, reduced to what is safe to keep: never the request, its headers or tokens. */
export class PlaidFailure extends Error {
  constructor(
    readonly kind: PlaidFailureKind,
    readonly code: string,
    message: string,
    readonly details: {
      errorType?: string;
      requestId?: string;
      displayMessage?: string | null;
      httpStatus?: number;
      retryAfterMs?: number;
      /** Plaid's own error_message, for the log and a developer: never a person's message. */
      plaidMessage?: string;
    } = {},
  ) {
    super(message);
    this.name = 'PlaidFailure';
  }

  get retryable(): boolean {
    return (
      this.kind === 'rate-limit' ||
      this.kind === 'server' ||
      this.kind === 'institution' ||
      this.kind === 'network'
    );
  }

  toLedgerError(): LedgerError {
    // The caller's own mistake is a bad request (HTTP 400), not Plaid failing us (502).
    const code = this.kind === 'invalid-input' ? 'VALIDATION' : 'PLAID';
    return new LedgerError(code, this.message, {
      plaidErrorCode: this.code,
      ...(this.details.errorType ? { plaidErrorType: this.details.errorType } : {}),
      ...(this.details.requestId ? { plaidRequestId: this.details.requestId } : {}),
      displayMessage: this.details.displayMessage ?? null,
      retryable: this.retryable,
      ...(this.details.retryAfterMs !== undefined
        ? { retryAfterMs: this.details.retryAfterMs }
        : {}),
      ...(this.details.plaidMessage ? { cause: this.details.plaidMessage } : {}),
    });
  }
}

const LOGIN_REQUIRED = new Set([
  'ITEM_LOGIN_REQUIRED',
  'PENDING_EXPIRATION',
  'ITEM_CONSENT_EXPIRED',
]);
const ITEM_GONE = new Set([
  'ITEM_NOT_FOUND',
  'INVALID_ACCESS_TOKEN',
  'USER_PERMISSION_REVOKED',
  'ACCESS_NOT_GRANTED',
]);
/** Plaid refused a value the caller handed us, not one we made: the caller's error. */
const CALLER_INPUT = new Set(['INVALID_PUBLIC_TOKEN']);
const INSTITUTION = new Set([
  'INSTITUTION_DOWN',
  'INSTITUTION_NOT_RESPONDING',
  'INSTITUTION_NOT_AVAILABLE',
]);

interface PlaidErrorBody {
  error_type?: unknown;
  error_code?: unknown;
  error_message?: unknown;
  display_message?: unknown;
  request_id?: unknown;
}

interface AxiosLike {
  isAxiosError?: boolean;
  code?: string;
  message?: string;
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
}

/**
 * Turns whatever the SDK threw into a PlaidFailure. Branches on Plaid's error_code (as Plaid
 * asks), then on the HTTP status, then on the transport error. The axios error itself, whose
 * config holds the secret, goes no further than this function.
 */
export function toPlaidFailure(error: unknown): PlaidFailure {
  if (error instanceof PlaidFailure) return error;
  const axios = error as AxiosLike;
  const response = axios?.response;
  if (!axios?.isAxiosError || !response) {
    const code = typeof axios?.code === 'string' ? axios.code : 'NETWORK_ERROR';
    return new PlaidFailure('network', code, plaidErrorSentence(code, 'network'));
  }
  return fromPlaidErrorBody(response.data, response.status ?? 0, response.headers);
}

/** Classifies a PlaidError body (from an HTTP error, or `item.error` of /item/get). */
export function fromPlaidErrorBody(
  data: unknown,
  status: number,
  headers?: Record<string, unknown>,
): PlaidFailure {
  const body = (typeof data === 'object' && data !== null ? data : {}) as PlaidErrorBody;
  const code = typeof body.error_code === 'string' ? body.error_code : `HTTP_${status}`;
  const type = typeof body.error_type === 'string' ? body.error_type : undefined;
  const details = {
    ...(type ? { errorType: type } : {}),
    ...(typeof body.request_id === 'string' ? { requestId: body.request_id } : {}),
    displayMessage: typeof body.display_message === 'string' ? body.display_message : null,
    httpStatus: status,
    ...retryAfter(headers),
  };
  const plaidMessage =
    typeof body.error_message === 'string' ? body.error_message : `HTTP ${status}`;
  const kind = failureKind(body, code, type, status);
  return new PlaidFailure(kind, code, plaidErrorSentence(code, kind), { ...details, plaidMessage });
}

function failureKind(
  body: PlaidErrorBody,
  code: string,
  type: string | undefined,
  status: number,
): PlaidFailureKind {
  // No Plaid error body: a proxy's page, a truncated answer. A server-side status retries, and
  // so does a success whose body broke off on the way (the client fails it with status 200).
  if (typeof body.error_code !== 'string') {
    return status >= 500 || status < 300 ? 'network' : 'request';
  }
  if (status === 429 || type === 'RATE_LIMIT_EXCEEDED') return 'rate-limit';
  if (code === 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION') return 'mutation';
  if (INSTITUTION.has(code) || type === 'INSTITUTION_ERROR') return 'institution';
  if (status >= 500 || type === 'API_ERROR') return 'server';
  if (LOGIN_REQUIRED.has(code)) return 'login-required';
  if (ITEM_GONE.has(code)) return 'item-gone';
  if (code === 'INVALID_API_KEYS') return 'invalid-keys';
  if (CALLER_INPUT.has(code)) return 'invalid-input';
  if (type === 'ITEM_ERROR') return 'item-error';
  return 'request';
}

function retryAfter(headers: Record<string, unknown> | undefined): { retryAfterMs?: number } {
  const value = headers?.['retry-after'];
  if (typeof value !== 'string') return {};
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: seconds * 1000 };
  const date = Date.parse(value);
  return Number.isNaN(date) ? {} : { retryAfterMs: Math.max(0, date - Date.now()) };
}

/** A successful call must carry a JSON object; a truncated or garbled body is a network failure. */
export function expectObject<T>(data: T): T {
  if (typeof data !== 'object' || data === null) {
    throw new PlaidFailure('network', 'MALFORMED_RESPONSE', 'Plaid sent an incomplete answer.');
  }
  return data;
}
