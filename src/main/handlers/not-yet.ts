import { LedgerError } from '../../shared/errors';

/** The answer of a channel whose feature is not in this build yet: clear, and changes nothing. */
export function notYetAvailable(what: string): () => Promise<never> {
  return async () => {
    throw new LedgerError(
      'NOT_CONFIGURED',
      `${what} is not available in this version of Ledgerlight yet.`,
    );
  };
}
