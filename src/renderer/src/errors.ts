import { LedgerError } from '../../shared/errors';

/**
 * Anything thrown by the client or by our own code, as the contract's one error type. A stray
 * exception's own text ("Failed to fetch", a TypeError) is no sentence for a person: it is kept
 * as the cause, and the person reads what happened.
 */
export function asLedgerError(error: unknown): LedgerError {
  if (error instanceof LedgerError) return error;
  const cause = error instanceof Error ? error.message : String(error);
  return new LedgerError(
    'INTERNAL',
    'Something went wrong in this window. Try again, or restart Ledgerlight.',
    cause ? { cause } : undefined,
  );
}
