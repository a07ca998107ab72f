import { describe, expect, it } from 'vitest';
import { PlaidFailure, toPlaidFailure } from '../../../src/main/plaid/errors';

function axiosError(status: number, data: unknown, headers: Record<string, string> = {}) {
  return {
    isAxiosError: true,
    message: 'Request failed',
    config: { headers: { 'PLAID-SECRET': 'the-secret' } },
    response: { status, data, headers },
  };
}

const body = (error_type: string, error_code: string) => ({
  error_type,
  error_code,
  error_message: `message for ${error_code}`,
  display_message: null,
  request_id: 'req123',
});

describe('toPlaidFailure', () => {
  it.each([
    [429, body('RATE_LIMIT_EXCEEDED', 'TRANSACTIONS_SYNC_LIMIT'), 'rate-limit', true],
    [500, body('API_ERROR', 'INTERNAL_SERVER_ERROR'), 'server', true],
    [503, body('API_ERROR', 'PLANNED_MAINTENANCE'), 'server', true],
    [400, body('INSTITUTION_ERROR', 'INSTITUTION_DOWN'), 'institution', true],
    [400, body('INSTITUTION_ERROR', 'INSTITUTION_NOT_RESPONDING'), 'institution', true],
    [
      400,
      body('TRANSACTIONS_ERROR', 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION'),
      'mutation',
      false,
    ],
    [400, body('ITEM_ERROR', 'ITEM_LOGIN_REQUIRED'), 'login-required', false],
    [400, body('ITEM_ERROR', 'ITEM_NOT_FOUND'), 'item-gone', false],
    [400, body('INVALID_INPUT', 'INVALID_ACCESS_TOKEN'), 'item-gone', false],
    [400, body('INVALID_INPUT', 'USER_PERMISSION_REVOKED'), 'item-gone', false],
    [400, body('INVALID_INPUT', 'INVALID_API_KEYS'), 'invalid-keys', false],
    [400, body('INVALID_INPUT', 'INVALID_PUBLIC_TOKEN'), 'invalid-input', false],
    [400, body('ITEM_ERROR', 'NO_ACCOUNTS'), 'item-error', false],
    [400, body('INVALID_REQUEST', 'MISSING_FIELDS'), 'request', false],
    [502, '<html>bad gateway</html>', 'network', true],
    // A success whose body broke off: the client fails it with the status it had read.
    [200, '{"next_cursor":"abc","add', 'network', true],
    [404, '<html>not found</html>', 'request', false],
  ])('HTTP %i %j → %s (retryable %s)', (status, data, kind, retryable) => {
    const failure = toPlaidFailure(axiosError(status, data));
    expect(failure.kind).toBe(kind);
    expect(failure.retryable).toBe(retryable);
  });

  it('a transport error without a response is a retryable network failure', () => {
    const failure = toPlaidFailure({
      isAxiosError: true,
      code: 'ECONNRESET',
      message: 'socket hang up',
    });
    expect(failure).toMatchObject({ kind: 'network', code: 'ECONNRESET' });
    expect(failure.retryable).toBe(true);
  });

  it('keeps Plaid’s codes and request id, never the request’s secret', () => {
    const failure = toPlaidFailure(axiosError(400, body('ITEM_ERROR', 'ITEM_LOGIN_REQUIRED')));
    const shape = failure.toLedgerError().toShape();
    expect(shape).toMatchObject({
      code: 'PLAID',
      details: {
        plaidErrorCode: 'ITEM_LOGIN_REQUIRED',
        plaidErrorType: 'ITEM_ERROR',
        plaidRequestId: 'req123',
      },
    });
    expect(JSON.stringify(shape) + JSON.stringify(failure)).not.toContain('the-secret');
  });

  it('a public token Plaid refused is the caller’s error, in a sentence, with Plaid’s words kept', () => {
    const failure = toPlaidFailure(axiosError(400, body('INVALID_INPUT', 'INVALID_PUBLIC_TOKEN')));
    expect(failure.toLedgerError().toShape()).toMatchObject({
      code: 'VALIDATION',
      message: 'The bank sign-in took too long and has expired. Connect the bank again.',
      details: {
        plaidErrorCode: 'INVALID_PUBLIC_TOKEN',
        retryable: false,
        cause: 'message for INVALID_PUBLIC_TOKEN',
      },
    });
  });

  it('honours a Retry-After header in seconds', () => {
    const failure = toPlaidFailure(
      axiosError(429, body('RATE_LIMIT_EXCEEDED', 'ACCOUNTS_LIMIT'), { 'retry-after': '7' }),
    );
    expect(failure.details.retryAfterMs).toBe(7000);
    expect(failure).toBeInstanceOf(PlaidFailure);
  });
});
