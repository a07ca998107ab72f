import type { LinkExitError } from './contract';

/**
 * Plaid's error as Link reports it (Link's onExit and /link/token/get alike, in snake_case), as
 * a Link report carries it. A module of its own so that the Link page, which runs Plaid's
 * script, bundles this and not the contract's schemas.
 */
export function linkExitError(error: {
  error_type: string;
  error_code: string;
  error_message: string;
  display_message?: string | null;
}): LinkExitError {
  return {
    errorType: error.error_type,
    errorCode: error.error_code,
    errorMessage: error.error_message,
    displayMessage: error.display_message || null,
  };
}
