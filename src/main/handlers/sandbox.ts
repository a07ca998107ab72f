import type { PlaidApi } from 'plaid';
import { LedgerError } from '../../shared/errors';
import type { Connection } from '../../shared/model';
import { isoNow } from '../clock';
import type { CoreContext } from '../context';
import { expectObject, toPlaidFailure } from '../plaid/errors';
import { secretAccounts } from '../secrets/secret-store';
import { requireConnection } from './connections';
import type { HandlerGroup } from './types';

/** What a Sandbox reset leaves on the card until the person repairs it. */
const RESET_MESSAGE = 'Plaid Sandbox reset this login. Repair the connection to sign in again.';

/**
 * Plaid Sandbox's test switches for one connection: break its login (to try Repair) and make new
 * transactions at the bank. They exist only in Sandbox, so a Production connection is refused
 * before anything is sent.
 */
export function sandboxHandlers(ctx: CoreContext): HandlerGroup<'sandbox'> {
  return {
    'sandbox.resetLogin': async ({ connectionId }) => {
      const connection = requireSandbox(ctx, connectionId);
      const { api, accessToken } = await sandboxApi(ctx, connection);
      await ctx.engine.cancel(connectionId);
      await once(null, () => api.sandboxItemResetLogin({ access_token: accessToken }));
      ctx.repos.connectionWrites.markLoginRequired(
        connectionId,
        'ITEM_LOGIN_REQUIRED',
        RESET_MESSAGE,
        isoNow(ctx.clock),
      );
      ctx.log.info('sandbox login reset', { connectionId });
      ctx.events.emit('connections.changed', { connectionId });
      return requireConnection(ctx, connectionId);
    },
    'sandbox.createTransactions': async ({ connectionId, transactions }) => {
      const connection = requireSandbox(ctx, connectionId);
      const { api, accessToken } = await sandboxApi(ctx, connection);
      const currency = ctx.repos.accounts.list(connectionId)[0]?.currency ?? 'USD';
      await once(CREATE_REFUSED, () =>
        api.sandboxTransactionsCreate({
          access_token: accessToken,
          transactions: transactions.map((t) => ({
            date_transacted: t.date,
            date_posted: t.date,
            // Plaid counts money going out as positive; the ledger as negative.
            amount: -t.amount / 100,
            description: t.description,
            iso_currency_code: currency,
          })),
        }),
      );
      let runId: number | null = null;
      try {
        if (connection.status === 'ACTIVE') runId = ctx.engine.start(connectionId, 'manual');
      } catch (error) {
        // Syncing already, or synced moments ago: the new rows come with the next sync.
        if (!(error instanceof LedgerError)) throw error;
      }
      return { created: transactions.length, runId };
    },
  };
}

function requireSandbox(ctx: CoreContext, connectionId: string): Connection {
  const connection = requireConnection(ctx, connectionId);
  if (connection.environment !== 'sandbox') {
    throw new LedgerError(
      'VALIDATION',
      'Sandbox tools work only for connections made with Plaid Sandbox keys, and this one uses Production.',
      { connectionId },
    );
  }
  if (connection.status === 'DISCONNECTED') {
    throw new LedgerError('CONFLICT', 'This connection is disconnected.', { connectionId });
  }
  return connection;
}

async function sandboxApi(
  ctx: CoreContext,
  connection: Connection,
): Promise<{ api: PlaidApi; accessToken: string }> {
  const accessToken = await ctx.secrets.get(secretAccounts.accessToken(connection.id));
  if (!accessToken) {
    throw new LedgerError(
      'CONFLICT',
      'Ledgerlight no longer holds the key to this connection. Connect the bank again.',
      { connectionId: connection.id },
    );
  }
  return { api: ctx.createPlaidApi(await ctx.plaid.forConnection(connection.id)), accessToken };
}

/** What Plaid's refusal of /sandbox/transactions/create means for the person. */
const CREATE_REFUSED =
  'Plaid Sandbox adds transactions only to a bank connected with the test user user_transactions_dynamic, dated today or up to 14 days back.';

/**
 * One call, not retried: a test switch that fails should say so at once. Plaid's INVALID_FIELD
 * names request fields, so it is told as `invalidSentence` instead.
 */
async function once<T>(
  invalidSentence: string | null,
  call: () => Promise<{ data: T }>,
): Promise<T> {
  try {
    return expectObject((await call()).data);
  } catch (error) {
    const failure = toPlaidFailure(error);
    if (invalidSentence && failure.code === 'INVALID_FIELD') {
      throw new LedgerError('VALIDATION', invalidSentence, {
        plaidErrorCode: failure.code,
        ...(failure.details.requestId ? { plaidRequestId: failure.details.requestId } : {}),
      });
    }
    throw failure.toLedgerError();
  }
}
