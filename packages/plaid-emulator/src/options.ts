import { isIsoDate, todayUtc } from './dates';
import type { RateLimitOverrides } from './rate-limits';

export type ScenarioName =
  'happy' | 'flaky' | 'slow' | 'not-ready' | 'login-required' | 'mutation-during-pagination';

export interface PlaidEmulatorOptions {
  /** 0 (the default) picks a free port. The server only ever binds 127.0.0.1. */
  port?: number;
  /** Everything the emulator invents derives from this. */
  seed?: number | string;
  /** Named presets layered on the defaults (see README, "Scenarios"). */
  scenario?: ScenarioName | ScenarioName[];
  /** The emulated business day, YYYY-MM-DD; defaults to the real current UTC date. */
  today?: string;
  clientId?: string;
  secret?: string;
  /** Per-Item and per-client 60 s windows; `false` turns them off, an object overrides numbers. */
  rateLimits?: boolean | RateLimitOverrides;
  /** What a removed Item's access token answers with (PLAID-NOTES §2.3 ⚠). */
  removedItemError?: 'ITEM_NOT_FOUND' | 'INVALID_ACCESS_TOKEN';
  /** How long a new Item answers NOT_READY from /transactions/sync (ms). Default 0. */
  itemReadyDelayMs?: number;
  /** Dashboard allow-list for redirect_uri; when unset any well-formed URI is accepted. */
  allowedRedirectUris?: string[];
  /** Items to create at start-up (demo mode, the CLI). */
  items?: Array<{ institutionId: string; username?: string; daysRequested?: number }>;
}

export interface ResolvedOptions {
  port: number;
  seed: string;
  scenarios: ScenarioName[];
  today: string;
  clientId: string;
  secret: string;
  rateLimits: boolean | RateLimitOverrides;
  removedItemError: 'ITEM_NOT_FOUND' | 'INVALID_ACCESS_TOKEN';
  itemReadyDelayMs: number;
  allowedRedirectUris: string[] | null;
  items: Array<{ institutionId: string; username?: string; daysRequested?: number }>;
}

export const DEFAULT_CLIENT_ID = 'emulator-client-id';
export const DEFAULT_SECRET = 'emulator-secret';

export function resolveOptions(options: PlaidEmulatorOptions): ResolvedOptions {
  const today = options.today ?? todayUtc();
  if (!isIsoDate(today)) throw new Error(`today must be an ISO date (YYYY-MM-DD), got ${today}`);
  const scenarios = options.scenario === undefined ? [] : [options.scenario].flat();
  return {
    port: options.port ?? 0,
    seed: String(options.seed ?? 1),
    scenarios,
    today,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    secret: options.secret ?? DEFAULT_SECRET,
    rateLimits: options.rateLimits ?? true,
    removedItemError: options.removedItemError ?? 'ITEM_NOT_FOUND',
    itemReadyDelayMs: options.itemReadyDelayMs ?? (scenarios.includes('not-ready') ? 3000 : 0),
    allowedRedirectUris: options.allowedRedirectUris ?? null,
    items: options.items ?? [],
  };
}
