import { LedgerError } from '../../shared/errors';
import type { Connection } from '../../shared/model';
import { isoNow } from '../clock';
import type { CoreContext } from '../context';
import { notYetAvailable } from './not-yet';
import type { HandlerGroup } from './types';

const DEFAULT_LOG_LIMIT = 50;

export function requireConnection(ctx: CoreContext, connectionId: string): Connection {
  const connection = ctx.repos.connections.get(connectionId);
  if (!connection) throw new LedgerError('NOT_FOUND', `No connection ${connectionId}.`);
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
    'connections.sync': notYetAvailable('Syncing'),
    'connections.disconnect': notYetAvailable('Disconnecting'),
  };
}
