import { Clock } from './clock';
import type { AccountKey } from './data/accounts';
import { findInstitution, type InstitutionDef, type InstitutionHealth } from './data/institutions';
import { PlaidApiError } from './errors';
import { requestId, token, tokenEnvironment, tokenKind, uuid, type TokenKind } from './ids';
import { EmulatedItem } from './items';
import type { ResolvedOptions } from './options';
import type { ProductName } from './plaid-enums';
import { rngFor, type Rng } from './prng';
import { RateLimiter } from './rate-limits';
import { Scenarios } from './scenarios';
import { CursorCodec } from './sync-log';
import { CallLog } from './calls';
import { InstitutionOverrides } from './institution-overrides';

const PUBLIC_TOKEN_LIFETIME_MS = 30 * 60_000;

interface PublicTokenRecord {
  itemId: string;
  createdAtMs: number;
  used: boolean;
}

export interface NewItemParams {
  institution: InstitutionDef;
  username: string;
  accountKeys?: readonly AccountKey[];
  daysRequested: number;
  /** Defaults to the emulator's `transactionVolume` option. */
  transactionVolume?: number;
  products: readonly ProductName[];
  webhook: string | null;
  /** Reserved earlier when Link showed this Item's accounts before creating it. */
  ordinal?: number;
}

/** Everything the emulator remembers, in memory only. */
export class EmulatorState {
  readonly clock: Clock;
  readonly cursors: CursorCodec;
  readonly scenarios: Scenarios;
  readonly rateLimiter: RateLimiter;
  readonly calls = new CallLog();
  /** Run-time changes to institutions: details, unsupported products, health per product. */
  readonly institutionOverrides = new InstitutionOverrides();
  /** Products this client's keys are not enabled for (Plaid answers INVALID_PRODUCT). */
  readonly disabledProducts = new Set<ProductName>();
  removedItemError: ResolvedOptions['removedItemError'];
  /** The emulator's business day; new Items start on it. */
  date: string;
  private readonly ids: Rng;
  private readonly items = new Map<string, EmulatedItem>();
  private readonly byAccessToken = new Map<string, EmulatedItem>();
  private readonly publicTokens = new Map<string, PublicTokenRecord>();
  private readonly health = new Map<string, InstitutionHealth>();
  private nextOrdinal = 0;

  constructor(readonly options: ResolvedOptions) {
    this.clock = new Clock(options.today);
    this.date = options.today;
    this.ids = rngFor(options.seed, 'ids');
    this.cursors = new CursorCodec(`cursor|${options.seed}`);
    this.scenarios = new Scenarios(rngFor(options.seed, 'scenarios'));
    this.rateLimiter = new RateLimiter(options.rateLimits);
    this.removedItemError = options.removedItemError;
  }

  get seed(): string {
    return this.options.seed;
  }

  newRequestId(): string {
    return requestId(this.ids);
  }

  newToken(kind: TokenKind): string {
    return token(kind, this.ids);
  }

  newUuid(): string {
    return uuid(this.ids);
  }

  reserveOrdinal(): number {
    return this.nextOrdinal++;
  }

  institutionHealth(institution: InstitutionDef): InstitutionHealth {
    return this.health.get(institution.id) ?? institution.health;
  }

  setInstitutionHealth(institutionId: string, health: InstitutionHealth): void {
    if (!findInstitution(institutionId)) throw new Error(`unknown institution ${institutionId}`);
    this.health.set(institutionId, health);
    this.institutionOverrides.clearProductHealth(institutionId);
  }

  createItem(params: NewItemParams): EmulatedItem {
    const nowMs = this.clock.nowMs();
    const item = new EmulatedItem({
      seed: this.seed,
      ordinal: params.ordinal ?? this.reserveOrdinal(),
      institution: params.institution,
      username: params.username,
      accountKeys: params.accountKeys,
      today: this.date,
      daysRequested: params.daysRequested,
      transactionVolume: params.transactionVolume ?? this.options.transactionVolume,
      products: params.products,
      webhook: params.webhook,
      nowMs,
      readyAtMs: nowMs + this.options.itemReadyDelayMs,
    });
    item.breakLoginAfterFirstSync = this.options.scenarios.includes('login-required');
    this.items.set(item.itemId, item);
    this.byAccessToken.set(item.accessToken, item);
    return item;
  }

  allItems(): EmulatedItem[] {
    return [...this.items.values()];
  }

  item(itemId: string): EmulatedItem {
    const item = this.items.get(itemId);
    if (!item) throw new Error(`no item ${itemId}`);
    return item;
  }

  /** Without throwing: used to attribute a call to an Item before it is validated. */
  peekItem(accessToken: unknown): EmulatedItem | null {
    return typeof accessToken === 'string' ? (this.byAccessToken.get(accessToken) ?? null) : null;
  }

  /** The Item behind an access token, or the error Plaid answers for this token. */
  resolveAccessToken(accessToken: string): EmulatedItem {
    if (tokenKind(accessToken) !== 'access') {
      throw new PlaidApiError('INVALID_ACCESS_TOKEN');
    }
    if (tokenEnvironment(accessToken) !== 'sandbox') {
      throw new PlaidApiError(
        'INVALID_ACCESS_TOKEN',
        `provided access token is for the ${tokenEnvironment(accessToken)} environment, but this is sandbox`,
      );
    }
    const item = this.byAccessToken.get(accessToken);
    if (!item)
      throw new PlaidApiError('INVALID_ACCESS_TOKEN', 'could not find matching access token');
    if (item.removed) {
      throw this.removedItemError === 'ITEM_NOT_FOUND'
        ? new PlaidApiError('ITEM_NOT_FOUND')
        : new PlaidApiError('INVALID_ACCESS_TOKEN', 'provided access token has been revoked');
    }
    return item;
  }

  issuePublicToken(item: EmulatedItem): string {
    const publicToken = this.newToken('public');
    this.publicTokens.set(publicToken, {
      itemId: item.itemId,
      createdAtMs: this.clock.nowMs(),
      used: false,
    });
    return publicToken;
  }

  /** Single use and 30 minutes, as in Plaid (PLAID-NOTES §1). */
  exchangePublicToken(publicToken: string): EmulatedItem {
    if (tokenKind(publicToken) !== 'public') {
      throw new PlaidApiError(
        'INVALID_PUBLIC_TOKEN',
        'provided public token is in an invalid format. expected format: public-<environment>-<identifier>',
      );
    }
    const record = this.publicTokens.get(publicToken);
    if (!record)
      throw new PlaidApiError('INVALID_PUBLIC_TOKEN', 'could not find matching public token');
    if (record.used)
      throw new PlaidApiError(
        'INVALID_PUBLIC_TOKEN',
        'provided public token has already been exchanged',
      );
    if (this.clock.nowMs() - record.createdAtMs > PUBLIC_TOKEN_LIFETIME_MS) {
      throw new PlaidApiError('INVALID_PUBLIC_TOKEN');
    }
    const item = this.items.get(record.itemId);
    if (!item || item.removed)
      throw new PlaidApiError('INVALID_PUBLIC_TOKEN', 'could not find matching public token');
    record.used = true;
    return item;
  }
}
