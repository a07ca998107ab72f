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
  /**
   * How many households' worth of everyday spending every new Item's days hold (a whole number,
   * default 1): a long, dense history for benchmarks. 85 gives ≈ 100,000 transactions over 730
   * days at First Platypus Bank. Ids, pending → posted, enrichment and removals are unchanged.
   */
  transactionVolume?: number;
  /** Items to create at start-up (demo mode, the CLI). */
  items?: StartupItem[];
}

export interface StartupItem {
  institutionId: string;
  username?: string;
  daysRequested?: number;
  /** This Item's transaction volume, overriding the emulator's. */
  transactionVolume?: number;
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
  transactionVolume: number;
  items: StartupItem[];
}

export const DEFAULT_CLIENT_ID = 'emulator-client-id';
export const DEFAULT_SECRET = 'emulator-secret';

export function resolveOptions(options: PlaidEmulatorOptions): ResolvedOptions {
  const today = options.today ?? todayUtc();
  if (!isIsoDate(today)) throw new Error(`today must be an ISO date (YYYY-MM-DD), got ${today}`);
  const scenarios = options.scenario === undefined ? [] : [options.scenario].flat();
  const volume = options.transactionVolume ?? 1;
  if (!Number.isInteger(volume) || volume < 1)
    throw new Error(`transactionVolume must be a whole number from 1, got ${volume}`);
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
    transactionVolume: volume,
    items: options.items ?? [],
  };
}
