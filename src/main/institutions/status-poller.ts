import type { PlaidApi } from 'plaid';
import type { Institution } from '../../shared/model';
import type { Clock } from '../clock';
import type { InstitutionsRepo } from '../db/institutions-repo';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { PlaidCredentials, PlaidCredentialsService } from '../plaid/credentials';
import { expectObject, toPlaidFailure } from '../plaid/errors';
import { withRetry, type RetryDeps, type RetryPolicy } from '../plaid/retry';
import type { TimerApi } from '../sync/scheduler';
import { CountryCode } from '../plaid/sdk-values';
import { readInstitution } from './plaid-status';

/**
 * How often each connected bank's status is asked: one /institutions/get_by_id per bank every
 * half hour is far inside Plaid's 400 a minute per client, and soon enough to warn before the
 * next scheduled sync.
 */
export const STATUS_POLL_INTERVAL_MS = 30 * 60_000;
const COUNTRY_CODES = [CountryCode.Us, CountryCode.Ca];

const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface StatusPollerDeps {
  institutions: InstitutionsRepo;
  plaid: PlaidCredentialsService;
  createApi: (credentials: PlaidCredentials) => PlaidApi;
  retry: { policy: RetryPolicy; deps: RetryDeps };
  events: EventBus;
  log: Logger;
  clock: Clock;
  timers?: TimerApi;
}

/**
 * Keeps each connected bank's name, logo, colour and Plaid status fresh: on start, then every
 * half hour, one call per distinct bank (with the keys and address of a connection to it).
 * A bank Plaid cannot be asked about keeps what was last stored. `stop()` waits for a poll under
 * way and leaves no timer behind.
 */
export class InstitutionStatusPoller {
  private timer: unknown = null;
  private stopped = false;
  private polling: Promise<Institution[]> | null = null;
  private unsubscribe: () => void = () => undefined;
  /** Banks this poller has asked Plaid about since it started. */
  private readonly asked = new Set<string>();
  private readonly timers: TimerApi;

  constructor(private readonly deps: StatusPollerDeps) {
    this.timers = deps.timers ?? realTimers;
  }

  /**
   * Polls now and then on the interval; a bank connected meanwhile is asked about at once
   * (once per run of the app, so a bank Plaid will not answer for is not asked on every event).
   */
  start(): void {
    void this.checkNow().catch(() => undefined);
    this.unsubscribe = this.deps.events.subscribe((event) => {
      if (event.name !== 'connections.changed' || this.stopped) return;
      const fresh = this.deps.institutions.unchecked().filter((id) => !this.asked.has(id));
      if (fresh.length > 0) void this.checkNow().catch(() => undefined);
    });
  }

  /** Asks Plaid about every connected bank now (joining a poll already under way). */
  checkNow(): Promise<Institution[]> {
    if (this.stopped) return Promise.resolve([]);
    this.polling ??= this.poll().finally(() => {
      this.polling = null;
      this.schedule();
    });
    return this.polling;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.polling?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.checkNow().catch(() => undefined);
    }, STATUS_POLL_INTERVAL_MS);
  }

  private async poll(): Promise<Institution[]> {
    const { institutions, log, clock, events } = this.deps;
    const checked: Institution[] = [];
    for (const { institutionId, connectionId } of institutions.toPoll()) {
      if (this.stopped) break;
      this.asked.add(institutionId);
      try {
        const api = this.deps.createApi(await this.deps.plaid.forConnection(connectionId));
        const answer = await withRetry(
          async () =>
            expectObject(
              (
                await api.institutionsGetById({
                  institution_id: institutionId,
                  country_codes: COUNTRY_CODES,
                  options: { include_optional_metadata: true, include_status: true },
                })
              ).data,
            ),
          this.deps.retry.policy,
          this.deps.retry.deps,
        );
        if (this.stopped) break;
        const changed = institutions.saveAnswer(
          readInstitution(answer.institution),
          clock.now().toISOString(),
        );
        const saved = institutions.get(institutionId);
        if (saved) checked.push(saved);
        if (changed) {
          log.info('institution status changed', {
            institutionId,
            status: saved?.status?.overall ?? null,
          });
          for (const id of institutions.connectionIds(institutionId))
            events.emit('connections.changed', { connectionId: id });
        }
      } catch (error) {
        // Keys not saved, Plaid unreachable: the last stored status stays until the next poll.
        log.warn('institution status not checked', {
          institutionId,
          code:
            error instanceof Error && 'code' in error
              ? String(error.code)
              : toPlaidFailure(error).code,
        });
        const saved = institutions.get(institutionId);
        if (saved) checked.push(saved);
      }
    }
    return checked;
  }
}
