import { LedgerError } from '../../shared/errors';

/** Anything thrown by the client or by our own code, as the contract's one error type. */
export function asLedgerError(error: unknown): LedgerError {
  if (error instanceof LedgerError) return error;
  return new LedgerError('INTERNAL', error instanceof Error ? error.message : String(error));
}
