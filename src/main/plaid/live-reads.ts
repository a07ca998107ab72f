import type { AccountsBalanceGetRequest, PlaidApi } from 'plaid';
import { LedgerError } from '../../shared/errors';
import type { Connection, LiveBalances } from '../../shared/model';
import type { CoreContext } from '../context';
import type { LiveBalance } from '../db/accounts-repo';
import { secretAccounts } from '../secrets/secret-store';
import { convertAccount } from './convert';
import { expectObject, toPlaidFailure } from './errors';
import { explainRefusal, type LiveRead } from './refusals';

/**
 * Reads from Plaid now, next to the cached reads of a sync: live balances and "get the latest
 * transactions". Each is one call, never retried: a refusal (Plaid's rate limit above all) is
 * told to the person at once, since retrying would only spend the next allowance.
 */

async function apiFor(
  ctx: CoreContext,
  connection: Connection,
): Promise<{ api: PlaidApi; accessToken: string }> {
  if (connection.status === 'DISCONNECTED') {
    throw new LedgerError('CONFLICT', 'This connection is disconnected.', {
      connectionId: connection.id,
    });
  }
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

async function once<T>(read: LiveRead, call: () => Promise<{ data: T }>): Promise<T> {
  try {
    return expectObject((await call()).data);
  } catch (error) {
    throw explainRefusal(toPlaidFailure(error), read);
  }
}

/**
 * Live balances (/accounts/balance/get) of one connection, or of some of its accounts; they
 * replace the stored balances and become today's. Returns the accounts as now stored.
 */
export async function checkBalances(
  ctx: CoreContext,
  connection: Connection,
  accountIds?: string[],
): Promise<LiveBalances> {
  const { api, accessToken } = await apiFor(ctx, connection);
  const request: AccountsBalanceGetRequest = {
    access_token: accessToken,
    ...(accountIds ? { options: { account_ids: accountIds } } : {}),
  };
  const answer = await once('balance', () => api.accountsBalanceGet(request));
  const balances: LiveBalance[] = [];
  for (const raw of answer.accounts ?? []) {
    const converted = convertAccount(raw);
    if (!converted.ok) {
      ctx.log.warn('live balance skipped', { connectionId: connection.id, why: converted.reason });
      continue;
    }
    const { id, currency, current, available, limit } = converted.row;
    balances.push({ id, currency, current, available, limit });
  }
  const now = ctx.clock.now().toISOString();
  const updated = ctx.repos.accounts.saveLiveBalances(
    connection.id,
    balances,
    now,
    now.slice(0, 10),
  );
  ctx.log.info('live balances checked', {
    connectionId: connection.id,
    accounts: updated.length,
    requestId: answer.request_id,
  });
  ctx.events.emit('connections.changed', { connectionId: connection.id });
  const wanted = new Set(accountIds ?? updated);
  return {
    accounts: ctx.repos.accounts.list(connection.id).filter((a) => wanted.has(a.id)),
    checkedAt: now,
  };
}

/**
 * "Get latest transactions": asks Plaid to look for new data now (/transactions/refresh), then
 * syncs; the run brings what the bank had. Returns the run's id.
 */
export async function refreshTransactions(
  ctx: CoreContext,
  connection: Connection,
): Promise<{ runId: number }> {
  if (ctx.engine.isRunning(connection.id)) {
    throw new LedgerError(
      'CONFLICT',
      'This connection is syncing already. Its latest transactions arrive when it finishes.',
      { connectionId: connection.id },
    );
  }
  const { api, accessToken } = await apiFor(ctx, connection);
  const answer = await once('refresh', () =>
    api.transactionsRefresh({ access_token: accessToken }),
  );
  ctx.log.info('transactions refresh asked', {
    connectionId: connection.id,
    requestId: answer.request_id,
  });
  return { runId: ctx.engine.start(connection.id, 'refresh') };
}
