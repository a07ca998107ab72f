import { LedgerError } from '../../shared/errors';
import type { PlaidFailure } from './errors';

/** The live reads a person asks for, each with the words for what it does. */
export type LiveRead = 'balance' | 'refresh';

const WHAT: Record<LiveRead, { asking: string; limit: string; cached: string }> = {
  balance: {
    asking: 'Checking the balance with the bank',
    limit: 'Plaid allows only a few live balance checks a minute for each bank connection.',
    cached: 'The balances shown are the ones from the last sync.',
  },
  refresh: {
    asking: 'Asking the bank for the latest transactions',
    limit: 'Plaid allows only two requests a minute for the latest transactions of a connection.',
    cached: 'Your scheduled syncs still bring new transactions as the bank reports them.',
  },
};

/** Plaid's 60-second windows: a refused call may be tried again once the minute has passed. */
const RATE_WINDOW_MS = 60_000;

/**
 * Plaid's refusal of a live read, told to the person in sentences: what Plaid refused, why, and
 * what to do (when to try again, or that this bank or these keys cannot do it).
 */
export function explainRefusal(failure: PlaidFailure, read: LiveRead): LedgerError {
  const what = WHAT[read];
  const plaid = {
    plaidErrorCode: failure.code,
    ...(failure.details.errorType ? { plaidErrorType: failure.details.errorType } : {}),
    ...(failure.details.requestId ? { plaidRequestId: failure.details.requestId } : {}),
    retryable: failure.retryable,
  };
  if (failure.kind === 'rate-limit') {
    const retryAfterMs = failure.details.retryAfterMs ?? RATE_WINDOW_MS;
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const when = seconds >= 55 ? 'in about a minute' : `in ${seconds} seconds`;
    return new LedgerError('TOO_EARLY', `${what.limit} Try again ${when}. ${what.cached}`, {
      ...plaid,
      retryAfterMs,
    });
  }
  if (failure.code === 'PRODUCTS_NOT_SUPPORTED' || failure.code === 'PRODUCT_NOT_SUPPORTED') {
    return new LedgerError(
      'PLAID',
      `This bank does not offer that through Plaid, so ${what.asking.toLowerCase()} is not possible. ${what.cached}`,
      plaid,
    );
  }
  if (failure.code === 'INVALID_PRODUCT' || failure.code === 'PRODUCT_NOT_ENABLED') {
    return new LedgerError(
      'PLAID',
      `Your Plaid account is not enabled for this, so ${what.asking.toLowerCase()} is not possible. You can ask Plaid to enable it in the Plaid Dashboard. ${what.cached}`,
      plaid,
    );
  }
  if (failure.kind === 'login-required') {
    return new LedgerError(
      'PLAID',
      `The bank needs you to sign in again before it answers. Choose Repair on its card, then try again.`,
      plaid,
    );
  }
  if (failure.kind === 'institution') {
    return new LedgerError(
      'PLAID',
      `The bank is not answering right now. Try again later. ${what.cached}`,
      plaid,
    );
  }
  if (failure.kind === 'item-gone') {
    return new LedgerError(
      'PLAID',
      'Plaid no longer knows this connection. Connect the bank again to keep it up to date.',
      plaid,
    );
  }
  if (failure.kind === 'network' || failure.kind === 'server') {
    return new LedgerError(
      'PLAID',
      `Plaid could not be reached just now. Try again in a few minutes. ${what.cached}`,
      plaid,
    );
  }
  return new LedgerError(
    'PLAID',
    `Plaid refused the request. ${what.asking} did not work this time. ${what.cached}`,
    plaid,
  );
}
