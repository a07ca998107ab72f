import path from 'node:path';
import type { PlaidApi } from 'plaid';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { AccountsRepo } from './db/accounts-repo';
import { BatchesRepo } from './db/batches-repo';
import { ConnectionWritesRepo } from './db/connection-writes-repo';
import { ConnectionsRepo } from './db/connections-repo';
import { openDatabase } from './db/open';
import { SettingsRepo } from './db/settings-repo';
import { TransactionsRepo } from './db/transactions-repo';
import { createDispatch, validationError, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { databaseFileName, EnvironmentFile } from './environment-file';
import { linkOutcomeSchema, type InvokeResult } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import type { PlaidEnvironment, PlaidSettings } from '../shared/model';
import { createHandlers } from './handlers';
import { defaultSyncFrequency } from './handlers/settings';
import type { Handlers } from './handlers/types';
import { LinkService } from './linking/link-service';
import { LinkSessions } from './linking/link-sessions';
import { createFileLogger, type Logger } from './log';
import { createPlaidApi } from './plaid/client';
import { PlaidCredentialsService, type PlaidCredentials } from './plaid/credentials';
import { DEFAULT_RETRY, realRetryDeps, type RetryDeps, type RetryPolicy } from './plaid/retry';
import type { SecretStore } from './secrets/secret-store';
import { SyncEngine } from './sync/engine';
import { Scheduler, type TimerApi } from './sync/scheduler';
import { SyncStore } from './db/sync-store';

export interface CoreOptions {
  /** Where the database, its backups and the logs live. */
  dataDir: string;
  secrets: SecretStore;
  /**
   * Where new Plaid requests go instead of Plaid's host (the emulator, demo mode, tests): from the
   * launch environment only, never from the window. Each connection keeps the address it was made
   * through.
   */
  plaidBaseUrl?: string | null;
  clock?: Clock;
  log?: Logger;
  /** A better_sqlite3.node for this runtime; the Electron shell passes its Electron build. */
  sqliteNativeBinding?: string;
  demoMode?: boolean;
  /** What the binding (desktop shell or browser host) offers Link; see LinkPageOptions. */
  linkPage?: Partial<LinkPageOptions>;
  version?: string;
  /** Sync on start-up and on a timer (default true); tests of single runs turn it off. */
  schedule?: boolean;
  // Seams for tests: how Plaid is reached, how retries wait, how many runs at once.
  createPlaidApi?: (credentials: PlaidCredentials) => PlaidApi;
  retry?: { policy?: RetryPolicy; deps?: RetryDeps };
  syncConcurrency?: number;
  manualCooldownMs?: number;
  timers?: TimerApi;
}

/** How a binding completes Link's flows outside the app window. */
export interface LinkPageOptions {
  /** Where Hosted Link sends the browser when it ends (`ledgerlight://link-complete`). */
  hostedCompletionUri: string | null;
  /** The loopback address this binding receives OAuth redirects on, to show for registering. */
  loopbackRedirectUri: string | null;
}

export interface Core {
  /** Validates and runs one request; what both bindings call. */
  invoke: Dispatch;
  /**
   * The Link page's report of how a session ended (validated against `linkOutcomeSchema`):
   * what the Link window's one call and the browser host's Link endpoint hand over.
   */
  finishLink(outcome: unknown): Promise<InvokeResult<null>>;
  /** The Hosted Link page of a session this core opened, or null. */
  hostedLinkUrl(linkToken: string): string | null;
  events: EventBus;
  /** Syncs every connection that fell due while the machine slept (the shell calls it on resume). */
  wake(): void;
  /** Resolves when no sync is running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Everything of one Plaid environment: its database, engine, scheduler and handlers. */
interface Ledger {
  environment: PlaidEnvironment;
  handlers: Handlers;
  invoke: Dispatch;
  linkSessions: LinkSessions;
  wake(): void;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition root: everything the app does, in plain Node, with no `electron` import. It
 * holds the ledger of the current Plaid environment and swaps it when the user changes
 * environment, so Sandbox and Production data live in separate files and never mix.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const events = new EventBus();
  const log =
    options.log ?? createFileLogger(path.join(options.dataDir, 'logs', 'ledgerlight.log'));
  const environmentFile = new EnvironmentFile(options.dataDir);
  // Requests wait while the ledger is being swapped.
  let switching: Promise<void> = Promise.resolve();

  const switchEnvironment = async (environment: PlaidEnvironment): Promise<PlaidSettings> => {
    let next: { ledger: Ledger; ctx: CoreContext } | undefined;
    switching = (async () => {
      await current.ledger.close();
      environmentFile.write(environment);
      next = await openLedger({ ...options, log }, environment, events, switchEnvironment);
      current = next;
      log.info('plaid environment switched', { environment });
    })();
    await switching;
    return next!.ctx.plaid.describe();
  };

  let current = await openLedger(
    { ...options, log },
    environmentFile.read(),
    events,
    switchEnvironment,
  );
  let closed = false;
  return {
    invoke: async (channel, input) => {
      await switching;
      return current.ledger.invoke(channel, input);
    },
    finishLink: async (outcome) => {
      await switching;
      const parsed = linkOutcomeSchema.safeParse(outcome);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error).toShape() };
      try {
        await current.ledger.linkSessions.finish(parsed.data);
        return { ok: true, value: null };
      } catch (error) {
        if (error instanceof LedgerError) return { ok: false, error: error.toShape() };
        throw error;
      }
    },
    hostedLinkUrl: (linkToken) => current.ledger.linkSessions.hostedLinkUrl(linkToken),
    events,
    wake: () => current.ledger.wake(),
    idle: async () => {
      await switching;
      await current.ledger.idle();
    },
    async close() {
      if (closed) return;
      closed = true;
      await switching;
      await current.ledger.close();
      events.clear();
      log.info('core stopped');
    },
  };
}

async function openLedger(
  options: CoreOptions & { log: Logger },
  environment: PlaidEnvironment,
  events: EventBus,
  switchEnvironment: CoreContext['switchEnvironment'],
): Promise<{ ledger: Ledger; ctx: CoreContext }> {
  const { log } = options;
  const databasePath = path.join(options.dataDir, databaseFileName(environment));
  const clock = options.clock ?? systemClock;
  const db = await openDatabase({
    file: databasePath,
    ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
  });
  const settings = new SettingsRepo(db);
  const connections = new ConnectionsRepo(db);
  const plaid = new PlaidCredentialsService(
    environment,
    options.secrets,
    options.plaidBaseUrl ?? null,
    (id) => connections.plaidBaseUrl(id),
  );
  const createApi = options.createPlaidApi ?? createPlaidApi;
  const retry = {
    policy: { ...DEFAULT_RETRY, ...options.retry?.policy },
    deps: options.retry?.deps ?? realRetryDeps,
  };
  const syncStore = new SyncStore(db);
  syncStore.failInterruptedRuns(clock.now().toISOString());
  const engine = new SyncEngine({
    store: syncStore,
    events,
    log,
    clock,
    secrets: options.secrets,
    plaid,
    createApi,
    frequencyMinutes: (id) => connections.get(id)?.syncFrequencyMinutes ?? null,
    retry,
    ...(options.syncConcurrency ? { concurrency: options.syncConcurrency } : {}),
    ...(options.manualCooldownMs !== undefined
      ? { manualCooldownMs: options.manualCooldownMs }
      : {}),
  });
  const scheduler = new Scheduler(connections, engine, clock, log, options.timers);

  const ctx: CoreContext = {
    environment,
    switchEnvironment,
    db,
    dataDir: options.dataDir,
    databasePath,
    demoMode: options.demoMode ?? false,
    linkPage: {
      hostedCompletionUri: options.linkPage?.hostedCompletionUri ?? null,
      loopbackRedirectUri: options.linkPage?.loopbackRedirectUri ?? null,
    },
    version: options.version ?? '0.0.0',
    clock,
    events,
    log,
    secrets: options.secrets,
    plaid,
    createPlaidApi: createApi,
    retry,
    syncStore,
    engine,
    scheduler,
    defaultSyncFrequency: () => defaultSyncFrequency(ctx),
    repos: {
      settings,
      connections,
      connectionWrites: new ConnectionWritesRepo(db),
      accounts: new AccountsRepo(db),
      transactions: new TransactionsRepo(db),
      batches: new BatchesRepo(db),
    },
  };
  const linkSessions = new LinkSessions(ctx, new LinkService(ctx));
  const handlers = createHandlers(ctx, linkSessions);
  const scheduling = options.schedule ?? true;
  let unsubscribe: () => void = () => undefined;
  if (scheduling) {
    // Any change to a connection or the end of a run can move the next due time.
    unsubscribe = events.subscribe((event) => {
      if (event.name !== 'sync.progress' && event.name !== 'sync.started') scheduler.reschedule();
    });
    scheduler.runDue('startup');
  }
  log.info('ledger opened', { environment, databasePath });

  const ledger: Ledger = {
    environment,
    handlers,
    invoke: createDispatch(handlers, log),
    linkSessions,
    wake: () => {
      if (scheduling) scheduler.runDue('wake');
    },
    idle: async () => {
      for (const connection of connections.list()) await engine.settled(connection.id);
    },
    async close() {
      unsubscribe();
      scheduler.stop();
      await engine.close();
      db.close();
      log.info('ledger closed', { environment });
    },
  };
  return { ledger, ctx };
}
