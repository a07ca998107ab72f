import { LedgerError } from '../../shared/errors';
import type { Connection } from '../../shared/model';
import { isoNow } from '../clock';
import type { CoreContext } from '../context';
import { toPlaidFailure } from '../plaid/errors';
import { refreshTransactions } from '../plaid/live-reads';
import { withRetry } from '../plaid/retry';
import { secretAccounts } from '../secrets/secret-store';
import type { HandlerGroup } from './types';

const DEFAULT_LOG_LIMIT = 50;

export function requireConnection(ctx: CoreContext, connectionId: string): Connection {
  const connection = ctx.repos.connections.get(connectionId);
  if (!connection)
    throw new LedgerError('NOT_FOUND', 'That connection is not in your ledger any more.');
  return connection;
}

export function connectionsHandlers(ctx: CoreContext): HandlerGroup<'connections'> {
  const { connections } = ctx.repos;
  return {
    'connections.list': async () => connections.list(),
    'connections.summary': async () => connections.summary(),
    'connections.logs': async ({ connectionId, limit }) => {
      requireConnection(ctx, connectionId);
      return connections.runs(connectionId, limit ?? DEFAULT_LOG_LIMIT);
    },
    'connections.health': async ({ connectionId }) => {
      requireConnection(ctx, connectionId);
      return connections.health(connectionId)!;
    },
    'connections.update': async ({ connectionId, ...patch }) => {
      const before = requireConnection(ctx, connectionId);
      const frequencyChanged =
        patch.syncFrequencyMinutes !== undefined &&
        patch.syncFrequencyMinutes !== before.syncFrequencyMinutes;
      const nextSyncAt =
        frequencyChanged && before.lastSyncAt
          ? new Date(
              Date.parse(before.lastSyncAt) + patch.syncFrequencyMinutes! * 60_000,
            ).toISOString()
          : undefined;
      connections.update(connectionId, { ...patch, nextSyncAt }, isoNow(ctx.clock));
      ctx.events.emit('connections.changed', { connectionId });
      return requireConnection(ctx, connectionId);
    },
    'connections.sync': async ({ connectionId }) => {
      if (connectionId) {
        const connection = requireConnection(ctx, connectionId);
        if (connection.status === 'DISCONNECTED') {
          throw new LedgerError('CONFLICT', 'This connection is disconnected.', { connectionId });
        }
        return { runIds: [ctx.engine.start(connectionId, 'manual')] };
      }
      return { runIds: syncAll(ctx) };
    },
    'connections.resync': async ({ connectionId }) => {
      const connection = requireConnection(ctx, connectionId);
      if (connection.status === 'DISCONNECTED') {
        throw new LedgerError('CONFLICT', 'This connection is disconnected.', { connectionId });
      }
      return { runId: ctx.engine.start(connectionId, 'resync') };
    },
    'connections.refresh': async ({ connectionId }) =>
      refreshTransactions(ctx, requireConnection(ctx, connectionId)),
    'connections.disconnect': async ({ connectionId, deleteData }) => {
      await disconnect(ctx, connectionId, deleteData ?? false);
      return requireConnection(ctx, connectionId);
    },
  };
}

/**
 * Sync now for every live connection: a running one is joined (its run id is returned), one in
 * its cooldown is left out; only when nothing at all could start is that an error.
 */
function syncAll(ctx: CoreContext): number[] {
  const runIds: number[] = [];
  let earliest: LedgerError | null = null;
  for (const connection of ctx.repos.connections.list()) {
    if (connection.status === 'DISCONNECTED') continue;
    try {
      runIds.push(ctx.engine.start(connection.id, 'manual'));
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      if (error.code === 'CONFLICT' && error.details?.runId !== undefined)
        runIds.push(error.details.runId);
      else if (error.code === 'TOO_EARLY') {
        const left = error.details?.retryAfterMs ?? 0;
        if (!earliest || left < (earliest.details?.retryAfterMs ?? Infinity)) earliest = error;
      } else throw error;
    }
  }
  if (runIds.length === 0 && earliest) throw earliest;
  return runIds;
}

/**
 * Gives the Item back to Plaid (one that Plaid no longer knows is fine), forgets the access
 * token, and keeps the ledger rows unless asked to delete them. If Plaid cannot be reached,
 * nothing changes and the error says so: a connection that still costs money must not vanish.
 */
async function disconnect(
  ctx: CoreContext,
  connectionId: string,
  deleteData: boolean,
): Promise<void> {
  const connection = requireConnection(ctx, connectionId);
  await ctx.engine.cancel(connectionId);
  const account = secretAccounts.accessToken(connectionId);
  const token = await ctx.secrets.get(account);
  if (token && connection.status !== 'DISCONNECTED') {
    const api = ctx.createPlaidApi(await ctx.plaid.forConnection(connectionId));
    try {
      await withRetry(
        () => api.itemRemove({ access_token: token }),
        ctx.retry.policy,
        ctx.retry.deps,
      );
    } catch (error) {
      const failure = toPlaidFailure(error);
      if (failure.kind !== 'item-gone') throw failure.toLedgerError();
    }
  }
  if (token) await ctx.secrets.delete(account);
  ctx.repos.connectionWrites.disconnect(connectionId, deleteData, isoNow(ctx.clock));
  ctx.log.info('connection disconnected', { connectionId, deleteData });
  ctx.events.emit('connections.changed', { connectionId });
}
