import type { PlaidApi } from 'plaid';
import type { SyncTrigger } from '../../shared/contract';
import { LedgerError } from '../../shared/errors';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { PlaidCredentialsService } from '../plaid/credentials';
import { DEFAULT_RETRY, realRetryDeps, type RetryDeps, type RetryPolicy } from '../plaid/retry';
import { secretAccounts, type SecretStore } from '../secrets/secret-store';
import { performRun, type RunOutcome } from './run';
import type { SyncStore } from '../db/sync-store';

export interface SyncEngineOptions {
  store: SyncStore;
  events: EventBus;
  log: Logger;
  clock: Clock;
  secrets: SecretStore;
  plaid: PlaidCredentialsService;
  createApi: (credentials: Awaited<ReturnType<PlaidCredentialsService['require']>>) => PlaidApi;
  /** The connection's sync frequency, for the next scheduled run. */
  frequencyMinutes: (connectionId: string) => number | null;
  /** How many connections sync at once. */
  concurrency?: number;
  /** Minimum time between two manual syncs of one connection. */
  manualCooldownMs?: number;
  retry?: { policy?: RetryPolicy; deps?: RetryDeps };
}

export const DEFAULT_CONCURRENCY = 3;
export const DEFAULT_MANUAL_COOLDOWN_MS = 60_000;
/** A fresh Item's data is usually ready within minutes. */
const NOT_READY_RETRY_MS = 5 * 60_000;
const FAILURE_BACKOFF_MS = 15 * 60_000;

interface ActiveRun {
  runId: number;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Runs syncs: at most one per connection, at most `concurrency` at once, each reported as events
 * and as a sync_runs row. A second request for a running connection gets CONFLICT with the
 * running run's id.
 */
export class SyncEngine {
  private readonly active = new Map<string, ActiveRun>();
  private readonly waiting: (() => void)[] = [];
  private runningCount = 0;
  private closed = false;
  private readonly concurrency: number;
  private readonly cooldownMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly retryDeps: RetryDeps;

  constructor(private readonly options: SyncEngineOptions) {
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.cooldownMs = options.manualCooldownMs ?? DEFAULT_MANUAL_COOLDOWN_MS;
    this.retryPolicy = options.retry?.policy ?? DEFAULT_RETRY;
    this.retryDeps = options.retry?.deps ?? realRetryDeps;
  }

  isRunning(connectionId: string): boolean {
    return this.active.has(connectionId);
  }

  /** Starts a run and returns its id at once; the run goes on in the background. */
  start(connectionId: string, trigger: SyncTrigger): number {
    if (this.closed) throw new LedgerError('CONFLICT', 'Ledgerlight is shutting down.');
    const running = this.active.get(connectionId);
    if (running) {
      throw new LedgerError('CONFLICT', 'This connection is syncing already.', {
        connectionId,
        runId: running.runId,
      });
    }
    if (trigger === 'manual') this.checkCooldown(connectionId);
    const { store, clock, events } = this.options;
    const runId = store.startRun(connectionId, trigger, clock.now().toISOString());
    const abort = new AbortController();
    const entry: ActiveRun = { runId, abort, done: Promise.resolve() };
    this.active.set(connectionId, entry);
    events.emit('sync.started', { connectionId, runId, trigger });
    events.emit('connections.changed', { connectionId });
    entry.done = this.execute(connectionId, runId, trigger, abort.signal).finally(() => {
      this.active.delete(connectionId);
      events.emit('connections.changed', { connectionId });
    });
    return runId;
  }

  /** Resolves when the connection's current run (if any) has ended. */
  async settled(connectionId: string): Promise<void> {
    await this.active.get(connectionId)?.done;
  }

  /** Stops a running sync without applying anything, and waits for it. */
  async cancel(connectionId: string): Promise<void> {
    const run = this.active.get(connectionId);
    if (!run) return;
    run.abort.abort();
    await run.done;
  }

  async close(): Promise<void> {
    this.closed = true;
    const runs = [...this.active.values()];
    for (const run of runs) run.abort.abort();
    for (const release of this.waiting.splice(0)) release();
    await Promise.all(runs.map((r) => r.done));
  }

  private checkCooldown(connectionId: string): void {
    const last = this.options.store.lastManualRunStart(connectionId);
    if (!last) return;
    const left = Date.parse(last) + this.cooldownMs - this.options.clock.now().getTime();
    if (left > 0) {
      throw new LedgerError(
        'TOO_EARLY',
        `This connection synced moments ago. Try again in ${seconds(left)}.`,
        {
          connectionId,
          retryAfterMs: left,
        },
      );
    }
  }

  private async slot(): Promise<() => void> {
    while (this.runningCount >= this.concurrency && !this.closed) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.runningCount++;
    return () => {
      this.runningCount--;
      this.waiting.shift()?.();
    };
  }

  private async execute(
    connectionId: string,
    runId: number,
    trigger: SyncTrigger,
    signal: AbortSignal,
  ) {
    const release = await this.slot();
    const { store, events, clock, log } = this.options;
    const started = clock.now().getTime();
    let outcome: RunOutcome;
    const requestIds: string[] = [];
    try {
      outcome = await this.runOnce(connectionId, runId, trigger, signal, requestIds);
    } catch (error) {
      // performRun reports Plaid's failures itself; this is for ours (keychain, missing keys).
      const e =
        error instanceof LedgerError
          ? error
          : new LedgerError('INTERNAL', 'The sync failed unexpectedly.');
      if (!(error instanceof LedgerError))
        log.error('sync crashed', { connectionId, runId, error });
      outcome = {
        kind: 'failed',
        failure: {
          code: e.code,
          message: e.message,
          retryable: e.code !== 'NOT_CONFIGURED',
          status: null,
          requestId: null,
        },
      };
    } finally {
      release();
    }

    const now = clock.now();
    const iso = now.toISOString();
    if (outcome.kind === 'succeeded') {
      store.recordRequestIds(runId, requestIds);
      events.emit('sync.completed', {
        connectionId,
        runId,
        added: outcome.counts.added,
        modified: outcome.counts.modified,
        removed: outcome.counts.removed,
        duplicatesSkipped: outcome.counts.duplicatesSkipped,
        quarantined: outcome.counts.quarantined,
        pages: outcome.pages,
        resumedPages: outcome.resumedPages,
        durationMs: now.getTime() - started,
      });
      return;
    }
    const { failure } = outcome;
    const frequency = this.options.frequencyMinutes(connectionId);
    if (failure.requestId && !requestIds.includes(failure.requestId)) {
      requestIds.push(failure.requestId);
    }
    store.db.transaction(() => {
      store.failRun(runId, failure.code, failure.message, failure.requestId, iso);
      store.recordRequestIds(runId, requestIds, failure.requestId);
      if (failure.code === 'CANCELLED') return;
      store.markFailed(connectionId, failure, iso, (failures) => {
        const backoff = Math.min(
          (frequency ?? 60) * 60_000,
          FAILURE_BACKOFF_MS * 2 ** (failures - 1),
        );
        return frequency === null ? null : new Date(now.getTime() + backoff).toISOString();
      });
    })();
    events.emit('sync.failed', {
      connectionId,
      runId,
      code: failure.code,
      message: failure.message,
      retryable: failure.retryable,
    });
  }

  private async runOnce(
    connectionId: string,
    runId: number,
    trigger: SyncTrigger,
    signal: AbortSignal,
    requestIds: string[],
  ) {
    const credentials = await this.options.plaid.forConnection(connectionId);
    const accessToken = await this.options.secrets.get(secretAccounts.accessToken(connectionId));
    if (!accessToken) {
      return {
        kind: 'failed' as const,
        failure: {
          code: 'ACCESS_TOKEN_MISSING',
          message: 'The keychain has no access token for this connection. Connect the bank again.',
          retryable: false,
          status: 'ERROR' as const,
          requestId: null,
        },
      };
    }
    return performRun(
      {
        api: this.options.createApi(credentials),
        accessToken,
        store: this.options.store,
        events: this.options.events,
        log: this.options.log,
        clock: this.options.clock,
        retry: { policy: this.retryPolicy, deps: abortable(this.retryDeps, signal) },
        signal,
        requestIds,
        commit: ({ counts, pages, resumedPages, dataReady }) => {
          const now = this.options.clock.now();
          const frequency = this.options.frequencyMinutes(connectionId);
          const next = !dataReady
            ? new Date(now.getTime() + NOT_READY_RETRY_MS).toISOString()
            : frequency === null
              ? null
              : new Date(now.getTime() + frequency * 60_000).toISOString();
          this.options.store.finishRun(runId, counts, pages, now.toISOString(), resumedPages);
          // With the run's rows, so a crash after the commit still leaves the run's ids on record;
          // the calls after it (holdings, liabilities) are added when the run ends.
          this.options.store.recordRequestIds(runId, requestIds);
          this.options.store.markSucceeded(connectionId, now.toISOString(), next);
        },
      },
      { connectionId, runId, trigger },
    );
  }
}

/** Retry sleeps end early when the run is cancelled, so closing the app never waits on a backoff. */
function abortable(deps: RetryDeps, signal: AbortSignal): RetryDeps {
  return {
    ...deps,
    sleep: (ms) =>
      signal.aborted
        ? Promise.resolve()
        : Promise.race([
            deps.sleep(ms),
            new Promise<void>((resolve) =>
              signal.addEventListener('abort', () => resolve(), { once: true }),
            ),
          ]),
  };
}

/** A wait in whole seconds, in words. */
function seconds(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 1000));
  return n === 1 ? '1 second' : `${n} seconds`;
}
