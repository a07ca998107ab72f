import fs from 'node:fs';
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
import { orphanCandidates, sweepOrphanedItems } from './linking/orphans';
import { createFileLogger, type Logger } from './log';
import { createPlaidApi } from './plaid/client';
import { PlaidCredentialsService, type PlaidCredentials } from './plaid/credentials';
import { DEFAULT_RETRY, realRetryDeps, type RetryDeps, type RetryPolicy } from './plaid/retry';
import type { SecretStore } from './secrets/secret-store';
import { PrefixedSecretStore, profileAccountPrefix } from './secrets/prefixed-store';
import { profileDir } from './profiles/paths';
import { DEFAULT_PROFILE_ID, ProfileRegistry } from './profiles/registry';
import { ProfileService, type RemovedItems } from './profiles/service';
import { SyncEngine } from './sync/engine';
import { Scheduler, type TimerApi } from './sync/scheduler';
import { SyncStore } from './db/sync-store';
import { InstitutionsRepo } from './db/institutions-repo';
import { InstitutionStatusPoller } from './institutions/status-poller';

export interface CoreOptions {
  /**
   * Where the data lives: the log, the profile list, the first profile's databases and backups,
   * and every other profile's folder under `profiles/`.
   */
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

/** Everything of one Plaid environment of one profile: its database, engine, scheduler and handlers. */
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
 * holds the ledger of the open profile in its current Plaid environment and swaps it when the
 * user changes environment or profile, so Sandbox and Production, and one profile and another,
 * live in separate files and keychain entries and never mix.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const events = new EventBus();
  const log =
    options.log ?? createFileLogger(path.join(options.dataDir, 'logs', 'ledgerlight.log'));
  const registry = new ProfileRegistry(options.dataDir);
  let profileId = registry.read().currentId;
  // Requests wait while the ledger is being swapped.
  let switching: Promise<void> = Promise.resolve();

  /** A profile's folder and its view of the keychain. */
  const scope = (id: string): Pick<CoreOptions, 'dataDir' | 'secrets'> => ({
    dataDir: profileDir(options.dataDir, id),
    secrets:
      id === DEFAULT_PROFILE_ID
        ? options.secrets
        : new PrefixedSecretStore(options.secrets, profileAccountPrefix(id)),
  });
  const environmentFile = (id: string) => new EnvironmentFile(scope(id).dataDir);

  /** Closes the open ledger (its syncs stopped) and opens another; the old one comes back on failure. */
  const swap = async (open: () => Promise<OpenedLedger>): Promise<OpenedLedger> => {
    let next: OpenedLedger | undefined;
    // One swap at a time: a profile switch and an environment switch never close the same ledger.
    const previous = switching;
    const work = (async () => {
      await previous;
      await current.ledger.close();
      try {
        next = await open();
      } catch (error) {
        current = await openProfile(profileId);
        throw error;
      }
      current = next;
    })();
    switching = work.catch(() => undefined);
    await work;
    return next!;
  };

  const switchEnvironment = async (environment: PlaidEnvironment): Promise<PlaidSettings> => {
    const next = await swap(async () => {
      environmentFile(profileId).write(environment);
      return openProfile(profileId, environment);
    });
    log.info('plaid environment switched', { environment });
    return next.ctx.plaid.describe();
  };

  const openProfile = (
    id: string,
    environment: PlaidEnvironment = environmentFile(id).read(),
    bus: EventBus = events,
    schedule: boolean | undefined = options.schedule,
  ): Promise<OpenedLedger> =>
    openLedger(
      { ...options, ...scope(id), log, ...(schedule === undefined ? {} : { schedule }) },
      environment,
      bus,
      switchEnvironment,
      profiles,
    );

  /**
   * Before a closed profile's files go: every live connection in each of its databases is given
   * back to Plaid, through a ledger of its own whose events reach no window.
   */
  const removeItems = async (id: string): Promise<RemovedItems> => {
    let removed = 0;
    let leftLinked = 0;
    let unreadable = false;
    for (const environment of ['sandbox', 'production'] as const) {
      const file = path.join(scope(id).dataDir, databaseFileName(environment));
      if (!fs.existsSync(file)) continue;
      let opened: OpenedLedger;
      try {
        opened = await openProfile(id, environment, new EventBus(), false);
      } catch (error) {
        // A damaged file must not keep the profile from going; the person is told.
        log.warn('profile database unreadable before delete', { profileId: id, error });
        unreadable = true;
        continue;
      }
      const { ledger, ctx } = opened;
      try {
        for (const connection of ctx.repos.connections.list()) {
          if (connection.status === 'DISCONNECTED') continue;
          const result = await ledger.invoke('connections.disconnect', {
            connectionId: connection.id,
          });
          if (result.ok) removed += 1;
          else leftLinked += 1;
        }
      } finally {
        await ledger.close();
      }
    }
    return { removed, leftLinked, unreadable };
  };

  const profiles = new ProfileService({
    dataDir: options.dataDir,
    registry,
    secrets: options.secrets,
    clock: options.clock ?? systemClock,
    log,
    events,
    open: async (id) => {
      await swap(() => openProfile(id));
      profileId = id;
    },
    removeItems,
  });

  let current = await openProfile(profileId);
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

type OpenedLedger = { ledger: Ledger; ctx: CoreContext };

async function openLedger(
  options: CoreOptions & { log: Logger },
  environment: PlaidEnvironment,
  events: EventBus,
  switchEnvironment: CoreContext['switchEnvironment'],
  profiles: ProfileService,
): Promise<OpenedLedger> {
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
  const institutionStatus = new InstitutionStatusPoller({
    institutions: new InstitutionsRepo(db),
    plaid,
    createApi,
    retry,
    events,
    log,
    clock,
    ...(options.timers ? { timers: options.timers } : {}),
  });

  const ctx: CoreContext = {
    environment,
    switchEnvironment,
    profiles,
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
    institutionStatus,
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
  // In the background, so the ready line does not wait on Plaid; what to look at is read now,
  // before any request is served (see orphans.ts).
  let closing = false;
  const orphans = sweepOrphanedItems(ctx, orphanCandidates(ctx), () => closing).catch(
    (error: unknown) =>
      log.warn('orphaned Items not checked', {
        reason: error instanceof Error ? error.message : String(error),
      }),
  );
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
    institutionStatus.start();
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
      await orphans;
      for (const connection of connections.list()) await engine.settled(connection.id);
    },
    async close() {
      closing = true;
      unsubscribe();
      scheduler.stop();
      await institutionStatus.stop();
      await engine.close();
      db.close();
      log.info('ledger closed', { environment });
    },
  };
  return { ledger, ctx };
}
