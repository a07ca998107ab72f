import { z } from 'zod';
import { channels, isChannel, type Channel, type InvokeResult } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import type { Handlers } from './handlers/types';
import type { Logger } from './log';
import { PlaidFailure } from './plaid/errors';
import { asSentence, describeIssue, type IssueFacts } from './validation-sentences';

export type Dispatch = (channel: string, input: unknown) => Promise<InvokeResult<unknown>>;

/**
 * The single entry point both bindings (Electron IPC, the HTTP host) call. It checks the channel,
 * parses the input against the contract, runs the handler, and turns every failure into the
 * contract's error shape. A handler never sees unparsed input; a caller never sees a stack trace.
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return failure(
        new LedgerError('NOT_FOUND', 'Ledgerlight does not know this request. Update Ledgerlight.'),
      );
    }
    // Issues the schema has no words for get ours; a schema's own message wins.
    const parsed = channels[channel].input.safeParse(input ?? {}, {
      error: (issue) => describeIssue(issue as IssueFacts),
    });
    if (!parsed.success) return failure(validationError(parsed.error));
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return failure(toLedgerError(error, channel, log));
    }
  };
}

function failure(error: LedgerError): InvokeResult<never> {
  return { ok: false, error: error.toShape() };
}

/**
 * A refused input as the person sees it: the first problems, each a sentence of its own. The
 * issues' paths stay in `details` for a form that marks the field; the message never names one.
 */
export function validationError(error: z.ZodError): LedgerError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: asSentence(issue.message),
  }));
  const sentences = [...new Set(issues.map((i) => i.message))].slice(0, 3);
  return new LedgerError('VALIDATION', sentences.join(' '), { issues });
}

/** A ZodError thrown inside a handler carries zod's own wording; ours replaces it. */
function rewordedZodError(error: z.ZodError): z.ZodError {
  return new z.ZodError(
    error.issues.map((issue) => ({ ...issue, message: describeIssue(issue as IssueFacts) })),
  );
}

function toLedgerError(error: unknown, channel: Channel, log: Logger): LedgerError {
  if (error instanceof LedgerError) return error;
  if (error instanceof PlaidFailure) return error.toLedgerError();
  if (error instanceof z.ZodError) return validationError(rewordedZodError(error));
  log.error('handler failed', { channel, error });
  return new LedgerError(
    'INTERNAL',
    'Something went wrong inside Ledgerlight. Nothing was changed; the details are in the log.',
  );
}
