import type { AccountsRepo } from './db/accounts-repo';
import type { BatchesRepo } from './db/batches-repo';
import type { ConnectionsRepo } from './db/connections-repo';
import type { Database } from './db/open';
import type { SettingsRepo } from './db/settings-repo';
import type { TransactionsRepo } from './db/transactions-repo';
import type { Clock } from './clock';
import type { LinkPageOptions } from './core';
import type { EventBus } from './events';
import type { Logger } from './log';
import type { PlaidCredentialsService } from './plaid/credentials';
import type { ProfileService } from './profiles/service';
import type { SecretStore } from './secrets/secret-store';
import type { PlaidApi } from 'plaid';
import type { PlaidEnvironment, PlaidSettings } from '../shared/model';
import type { ConnectionWritesRepo } from './db/connection-writes-repo';
import type { PlaidCredentials } from './plaid/credentials';
import type { RetryDeps, RetryPolicy } from './plaid/retry';
import type { SyncEngine } from './sync/engine';
import type { Scheduler } from './sync/scheduler';
import type { SyncStore } from './db/sync-store';
import type { InstitutionStatusPoller } from './institutions/status-poller';

/** What every handler may use; built once by `createCore`. */
export interface CoreContext {
  /** The Plaid environment this database belongs to. */
  environment: PlaidEnvironment;
  /** Closes this environment's database and opens the other's; answers with its Plaid settings. */
  switchEnvironment(environment: PlaidEnvironment): Promise<PlaidSettings>;
  /** Separate ledgers; the core's, shared by every ledger it opens. */
  profiles: ProfileService;
  db: Database;
  dataDir: string;
  databasePath: string;
  demoMode: boolean;
  linkPage: LinkPageOptions;
  version: string;
  clock: Clock;
  events: EventBus;
  log: Logger;
  secrets: SecretStore;
  plaid: PlaidCredentialsService;
  createPlaidApi: (credentials: PlaidCredentials) => PlaidApi;
  retry: { policy: RetryPolicy; deps: RetryDeps };
  syncStore: SyncStore;
  engine: SyncEngine;
  scheduler: Scheduler;
  /** Each connected bank's Plaid status, name, logo and colour, polled and kept. */
  institutionStatus: InstitutionStatusPoller;
  defaultSyncFrequency(): number;
  repos: {
    settings: SettingsRepo;
    connections: ConnectionsRepo;
    /** Linking, repair and disconnection: the writes that make or end a connection. */
    connectionWrites: ConnectionWritesRepo;
    accounts: AccountsRepo;
    transactions: TransactionsRepo;
    batches: BatchesRepo;
  };
}
