import path from 'node:path';
import { systemClock, type Clock } from './clock';
import { AccountsRepo } from './db/accounts-repo';
import { BatchesRepo } from './db/batches-repo';
import { ConnectionsRepo } from './db/connections-repo';
import { openDatabase } from './db/open';
import { SettingsRepo } from './db/settings-repo';
import { TransactionsRepo } from './db/transactions-repo';
import { createDispatch, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { createHandlers } from './handlers';
import type { Handlers } from './handlers/types';
import { createFileLogger, type Logger } from './log';
import { PlaidCredentialsService } from './plaid/credentials';
import type { SecretStore } from './secrets/secret-store';
import type { CoreContext } from './context';

export interface CoreOptions {
  /** Where the database, its backups and the logs live. */
  dataDir: string;
  secrets: SecretStore;
  /** A custom Plaid API base URL (the emulator, a proxy); wins over the one in settings. */
  plaidBaseUrl?: string | null;
  clock?: Clock;
  log?: Logger;
  /** A better_sqlite3.node for this runtime; the Electron shell passes its Electron build. */
  sqliteNativeBinding?: string;
  demoMode?: boolean;
  version?: string;
}

export interface Core {
  handlers: Handlers;
  /** Validates and runs one request; what both bindings call. */
  invoke: Dispatch;
  events: EventBus;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'ledgerlight.sqlite';

/** The composition root: everything the app does, in plain Node, with no `electron` import. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const databasePath = path.join(options.dataDir, DATABASE_FILE);
  const log =
    options.log ?? createFileLogger(path.join(options.dataDir, 'logs', 'ledgerlight.log'));
  const db = await openDatabase({
    file: databasePath,
    ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
  });
  const settings = new SettingsRepo(db);
  const events = new EventBus();
  const ctx: CoreContext = {
    db,
    dataDir: options.dataDir,
    databasePath,
    demoMode: options.demoMode ?? false,
    version: options.version ?? '0.0.0',
    clock: options.clock ?? systemClock,
    events,
    log,
    secrets: options.secrets,
    plaid: new PlaidCredentialsService(settings, options.secrets, options.plaidBaseUrl ?? null),
    repos: {
      settings,
      connections: new ConnectionsRepo(db),
      accounts: new AccountsRepo(db),
      transactions: new TransactionsRepo(db),
      batches: new BatchesRepo(db),
    },
  };
  const handlers = createHandlers(ctx);
  log.info('core started', { databasePath });

  let closed = false;
  return {
    handlers,
    invoke: createDispatch(handlers, log),
    events,
    async close() {
      if (closed) return;
      closed = true;
      events.clear();
      db.close();
      log.info('core stopped');
    },
  };
}
