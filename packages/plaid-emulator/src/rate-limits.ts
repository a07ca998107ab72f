import type { PlaidErrorCode } from './errors';

/**
 * Plaid's Sandbox limits per 60 seconds (PLAID-NOTES §5), kept as sliding windows per Item and
 * per client. A refused call does not count, so a client that backs off recovers on schedule.
 */

export interface EndpointLimit {
  perItem?: number;
  perClient?: number;
  code: PlaidErrorCode;
}

export type RateLimitOverrides = Record<string, Partial<Omit<EndpointLimit, 'code'>>>;

export const SANDBOX_LIMITS: Record<string, EndpointLimit> = {
  '/transactions/sync': { perItem: 50, perClient: 1000, code: 'TRANSACTIONS_SYNC_LIMIT' },
  '/accounts/balance/get': { perItem: 25, perClient: 100, code: 'BALANCE_LIMIT' },
  '/accounts/get': { perItem: 100, perClient: 5000, code: 'ACCOUNTS_LIMIT' },
  '/item/get': { perItem: 40, perClient: 5000, code: 'ITEM_GET_LIMIT' },
  '/institutions/get_by_id': { perClient: 400, code: 'INSTITUTIONS_GET_BY_ID_LIMIT' },
  '/transactions/refresh': { perItem: 2, perClient: 100, code: 'TRANSACTIONS_REFRESH_LIMIT' },
  '/investments/holdings/get': {
    perItem: 100,
    perClient: 1000,
    code: 'INVESTMENT_HOLDINGS_GET_LIMIT',
  },
};

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private limits: Record<string, EndpointLimit> | null;

  constructor(setting: boolean | RateLimitOverrides) {
    this.limits = null;
    this.configure(setting);
  }

  configure(setting: boolean | RateLimitOverrides): void {
    if (setting === false) {
      this.limits = null;
      return;
    }
    const limits: Record<string, EndpointLimit> = {};
    for (const [endpoint, limit] of Object.entries(SANDBOX_LIMITS)) limits[endpoint] = { ...limit };
    if (typeof setting === 'object') {
      for (const [endpoint, override] of Object.entries(setting)) {
        const base = limits[endpoint];
        if (!base) throw new Error(`no rate limit is defined for ${endpoint}`);
        limits[endpoint] = { ...base, ...override };
      }
    }
    this.limits = limits;
  }

  reset(): void {
    this.hits.clear();
  }

  /** The error code to answer with, or null after counting the call. */
  check(
    endpoint: string,
    clientId: string,
    itemId: string | null,
    nowMs: number,
  ): PlaidErrorCode | null {
    const limit = this.limits?.[endpoint];
    if (!limit) return null;
    const keys: Array<[string, number]> = [];
    if (limit.perItem !== undefined && itemId !== null)
      keys.push([`item:${itemId}:${endpoint}`, limit.perItem]);
    if (limit.perClient !== undefined)
      keys.push([`client:${clientId}:${endpoint}`, limit.perClient]);
    for (const [key, max] of keys) {
      if (this.recent(key, nowMs).length >= max) return limit.code;
    }
    for (const [key] of keys) this.recent(key, nowMs).push(nowMs);
    return null;
  }

  codeFor(endpoint: string): PlaidErrorCode {
    return SANDBOX_LIMITS[endpoint]?.code ?? 'RATE_LIMIT';
  }

  private recent(key: string, nowMs: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => t > nowMs - WINDOW_MS);
    this.hits.set(key, list);
    return list;
  }
}
