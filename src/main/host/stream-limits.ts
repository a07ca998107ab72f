import crypto from 'node:crypto';

export interface StreamLimits {
  /** Event streams one token may hold open at once (one per open tab of the app). */
  perToken: number;
  /** Event streams of every token together. */
  total: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perToken: 8, total: 16 };

/**
 * Counts open Server-Sent Event streams. Each holds a connection for as long as a tab is open,
 * so without a cap a page (or a stuck client) opening many would starve the API calls.
 */
export class StreamCounter {
  private readonly byToken = new Map<string, number>();
  private open = 0;

  constructor(private readonly limits: StreamLimits) {}

  /** Takes a place for one stream, or answers null when the caps are reached. */
  acquire(token: string): (() => void) | null {
    const key = crypto.createHash('sha256').update(token).digest('hex');
    const mine = this.byToken.get(key) ?? 0;
    if (mine >= this.limits.perToken || this.open >= this.limits.total) return null;
    this.byToken.set(key, mine + 1);
    this.open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
      const left = (this.byToken.get(key) ?? 1) - 1;
      if (left === 0) this.byToken.delete(key);
      else this.byToken.set(key, left);
    };
  }
}
