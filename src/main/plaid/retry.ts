import { PlaidFailure, toPlaidFailure } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

export interface RetryDeps {
  sleep(ms: number): Promise<void>;
  /** In [0, 1); tests pass a fixed one. */
  random(): number;
  onRetry?(failure: PlaidFailure, attempt: number, delayMs: number): void;
}

export const realRetryDeps: RetryDeps = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Calls Plaid, retrying what can heal by itself (429, 5xx, institution down, network) with
 * exponential backoff and full jitter, never sooner than a Retry-After. Anything else, or the last
 * attempt's failure, is thrown as a PlaidFailure.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  deps: RetryDeps = realRetryDeps,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = toPlaidFailure(error);
      if (!failure.retryable || attempt >= policy.attempts) throw failure;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.max(
        Math.round(deps.random() * ceiling),
        failure.details.retryAfterMs ?? 0,
      );
      deps.onRetry?.(failure, attempt, delay);
      await deps.sleep(delay);
    }
  }
}
