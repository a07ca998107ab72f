import { DAY_MS, dateToMs } from './dates';

/**
 * The emulator's wall clock. It starts at noon UTC on the configured `today` and then
 * runs in real time; tests move it with advanceTime() (token lifetimes, rate-limit windows) and
 * advance({ days }) (a new business day). Real time never has to pass for an expiry to be tested.
 */
export class Clock {
  private readonly startedReal = Date.now();
  private readonly startedAt: number;
  private offsetMs = 0;

  constructor(today: string) {
    // Noon keeps a run far from midnight, so "today" does not roll over while tests run.
    this.startedAt = dateToMs(today) + DAY_MS / 2;
  }

  nowMs(): number {
    return this.startedAt + (Date.now() - this.startedReal) + this.offsetMs;
  }

  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('the clock only moves forward');
    this.offsetMs += ms;
  }

  advanceDays(days: number): void {
    this.advance(days * DAY_MS);
  }
}
