import type { ErrorCode, ErrorDetails, LedgerErrorShape } from './contract';

/**
 * The one error type of the core. Its message is shown to the user, so it never holds a secret,
 * a token or a raw upstream request.
 */
export class LedgerError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
    this.details = details;
  }

  toShape(): LedgerErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromShape(shape: LedgerErrorShape): LedgerError {
    return new LedgerError(shape.code, shape.message, shape.details);
  }
}

export function isLedgerError(error: unknown): error is LedgerError {
  return error instanceof LedgerError;
}
