import type { SyncTrigger } from '../../shared/contract';
import type { Clock } from '../clock';
import type { ConnectionsRepo } from '../db/connections-repo';
import type { Logger } from '../log';
import type { SyncEngine } from './engine';

/** Never sleep longer than this, so a changed clock or a missed timer heals within the hour. */
const MAX_WAIT_MS = 60 * 60_000;
const MIN_WAIT_MS = 1_000;

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Polls, since a desktop app gets no webhooks: on start-up every due connection syncs, then one
 * timer wakes for the next `next_sync_at`. Paused, disconnected and broken connections have no
 * next sync and are skipped until repaired. `stop()` leaves no timer behind.
 */
export class Scheduler {
  private timer: unknown = null;
  private stopped = false;

  constructor(
    private readonly connections: ConnectionsRepo,
    private readonly engine: SyncEngine,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly timers: TimerApi = realTimers,
  ) {}

  /** Syncs everything due, then sets the timer. The shell also calls this on wake from sleep. */
  runDue(trigger: SyncTrigger): number[] {
    if (this.stopped) return [];
    const now = this.clock.now().toISOString();
    const due = this.connections.dueIds(now);
    const runIds: number[] = [];
    for (const id of due) {
      if (this.engine.isRunning(id)) continue;
      try {
        runIds.push(this.engine.start(id, trigger));
      } catch (error) {
        this.log.warn('scheduled sync not started', { connectionId: id, error });
      }
    }
    this.reschedule();
    return runIds;
  }

  /** Sets the one timer for the earliest next sync. Call after anything that changes schedules. */
  reschedule(): void {
    if (this.stopped) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    const next = this.connections.nextSyncAt();
    const wait = next ? Date.parse(next) - this.clock.now().getTime() : MAX_WAIT_MS;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        this.runDue('scheduled');
      },
      Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, wait)),
    );
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
