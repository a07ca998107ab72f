import { describe, expect, it } from 'vitest';
import { withRetry } from '../../../src/main/plaid/retry';

const rateLimited = (retryAfter?: string) => ({
  isAxiosError: true,
  response: {
    status: 429,
    headers: retryAfter ? { 'retry-after': retryAfter } : {},
    data: {
      error_type: 'RATE_LIMIT_EXCEEDED',
      error_code: 'TRANSACTIONS_SYNC_LIMIT',
      error_message: 'slow down',
      display_message: null,
      request_id: 'r',
    },
  },
});

function recorder(random = 1) {
  const sleeps: number[] = [];
  return {
    sleeps,
    deps: { sleep: async (ms: number) => void sleeps.push(ms), random: () => random },
  };
}

describe('withRetry', () => {
  it('backs off exponentially (full jitter) and succeeds when the storm passes', async () => {
    const { sleeps, deps } = recorder(0.999999);
    let calls = 0;
    const value = await withRetry(
      async () => {
        if (++calls < 4) throw rateLimited();
        return 'ok';
      },
      { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 },
      deps,
    );
    expect(value).toBe('ok');
    expect(calls).toBe(4);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('caps the delay and gives up after the last attempt with the last failure', async () => {
    const { sleeps, deps } = recorder(0.999999);
    await expect(
      withRetry(
        async () => Promise.reject(rateLimited()),
        { attempts: 6, baseDelayMs: 100, maxDelayMs: 500 },
        deps,
      ),
    ).rejects.toMatchObject({ kind: 'rate-limit', code: 'TRANSACTIONS_SYNC_LIMIT' });
    expect(sleeps).toEqual([100, 200, 400, 500, 500]);
  });

  it('never waits less than Retry-After', async () => {
    const { sleeps, deps } = recorder(0);
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1) throw rateLimited('3');
        return 1;
      },
      { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
      deps,
    );
    expect(sleeps).toEqual([3000]);
  });

  it('does not retry what cannot heal by itself', async () => {
    const { sleeps, deps } = recorder();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw {
            isAxiosError: true,
            response: {
              status: 400,
              data: { error_type: 'ITEM_ERROR', error_code: 'ITEM_LOGIN_REQUIRED' },
            },
          };
        },
        { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 },
        deps,
      ),
    ).rejects.toMatchObject({ kind: 'login-required' });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });
});
