import type { ErrorCode, LedgerErrorShape } from '../../shared/contract';

/** The HTTP status each contract error travels with; the body always holds the contract shape. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_EARLY: 429,
  NOT_CONFIGURED: 412,
  KEYCHAIN_UNAVAILABLE: 503,
  PLAID: 502,
  INTERNAL: 500,
};

export function errorBody(code: ErrorCode, message: string): { error: LedgerErrorShape } {
  return { error: { code, message } };
}
