import { ACCOUNT_TEMPLATES, type AccountKey } from './data/accounts';
import { findInstitution, type InstitutionHealth } from './data/institutions';
import type { InstitutionDetails, StatusProduct } from './institution-overrides';
import type { WireTransaction } from './data/timeline';
import { PlaidApiError, isPlaidErrorCode, type PlaidErrorCode } from './errors';
import type { AdvanceSummary, WireAccount } from './items';
import type { LinkAccountView, LinkService } from './link-sessions';
import type { RateLimitOverrides } from './rate-limits';
import type { InjectionHandle, InjectionRule } from './scenarios';
import type { CallRecord } from './calls';
import type { ProductName } from './plaid-enums';
import type { EmulatorState } from './state';
import { addDays } from './dates';

export interface ItemSummary {
  itemId: string;
  accessToken: string;
  institutionId: string;
  institutionName: string;
  username: string;
  today: string;
  ready: boolean;
  removed: boolean;
  errorCode: string | null;
  consentExpirationTime: string | null;
  accounts: Array<{
    accountId: string;
    name: string;
    mask: string;
    type: string;
    subtype: string;
    currency: string;
  }>;
}

export interface CreateItemOptions {
  institutionId: string;
  /** user_good (default) or user_transactions_dynamic. */
  username?: string;
  /** Days of history; 730 by default here (Plaid's own default is 90). */
  daysRequested?: number;
  products?: ProductName[];
  /** Subset of the institution's accounts by mask, e.g. ['0000', '3333']. */
  accountMasks?: string[];
  /** Households' worth of everyday spending per day (whole number); the emulator's by default. */
  transactionVolume?: number;
}

export interface CompleteLinkOptions {
  /** New-Item tokens only; default First Platypus Bank (ins_109508). */
  institutionId?: string;
  username?: string;
  password?: string;
  /** Accounts to share; all offered by default. */
  accountIds?: string[];
}

export interface CompletedLink {
  publicToken: string;
  itemId: string;
  linkSessionId: string;
  accounts: LinkAccountView[];
}

export interface EmulatorControl {
  readonly clientId: string;
  readonly secret: string;
  readonly seed: string;
  /** The emulator's business day, or one Item's. */
  today(itemId?: string): string;
  items(): ItemSummary[];
  createItem(options: CreateItemOptions): { itemId: string; accessToken: string };
  /** The Item's current transactions exactly as /transactions/sync presents them, newest first. */
  groundTruth(itemId: string): WireTransaction[];
  /** The Item's accounts with current balances, as /accounts/get presents them. */
  accounts(itemId: string): WireAccount[];
  /**
   * Writes a transaction as the bank now reports it (a new id is `added`, a known one `modified`,
   * or `kind` to force one), for scenarios the timeline does not produce: a posted row without
   * `pending_transaction_id`, a renumbered id, a removed id sent again.
   */
  putTransaction(itemId: string, transaction: WireTransaction, kind?: 'added' | 'modified'): void;
  /** Removes one transaction from the Item's feed (reported in `removed`). */
  removeTransaction(itemId: string, transactionId: string): void;
  /** Move the business day: all Items (and the wall clock) or just one Item's feed. */
  advance(options: { days: number; itemId?: string }): AdvanceSummary[];
  /** Move the wall clock only (token lifetimes, rate-limit windows, consent expiry). */
  advanceTime(ms: number): void;
  setReady(itemId: string, ready: boolean): void;
  resetLogin(itemId: string): void;
  /** Put an Item into (or out of) an error state, e.g. 'ITEM_LOGIN_REQUIRED'. */
  setItemError(itemId: string, code: PlaidErrorCode | null): void;
  setConsentExpiration(itemId: string, isoDateTime: string | null): void;
  /** The bank's health for every product, or (with `product`) for that one product alone. */
  setInstitutionStatus(
    institutionId: string,
    status: InstitutionHealth,
    product?: StatusProduct,
  ): void;
  /** Renames the bank or changes its colour, address or whether it has a logo. */
  setInstitutionDetails(institutionId: string, details: InstitutionDetails): void;
  /** Products the bank does not offer (Plaid answers PRODUCTS_NOT_SUPPORTED), e.g. 'balance'. */
  setUnsupportedProducts(institutionId: string, products: ProductName[]): void;
  /** Products these keys are not enabled for (Plaid answers INVALID_PRODUCT). */
  setDisabledProducts(products: ProductName[]): void;
  setRemovedItemError(code: 'ITEM_NOT_FOUND' | 'INVALID_ACCESS_TOKEN'): void;
  inject(rule: InjectionRule): InjectionHandle;
  clearInjections(): void;
  setRateLimits(setting: boolean | RateLimitOverrides): void;
  resetRateLimits(): void;
  calls(filter?: { endpoint?: string; itemId?: string }): CallRecord[];
  resetCalls(): void;
  /** Finish a Link session for this token without a browser (how Hosted Link completion is simulated). */
  completeLink(linkToken: string, options?: CompleteLinkOptions): CompletedLink;
  /** Record a session the user abandoned, optionally after an error. */
  exitLink(
    linkToken: string,
    options?: { status?: string; errorCode?: PlaidErrorCode },
  ): { linkSessionId: string };
}

export function createControl(state: EmulatorState, link: LinkService): EmulatorControl {
  const item = (itemId: string) => state.item(itemId);
  return {
    clientId: state.options.clientId,
    secret: state.options.secret,
    seed: state.seed,
    today: (itemId) => (itemId ? item(itemId).today : state.date),
    items: () =>
      state.allItems().map((i) => ({
        itemId: i.itemId,
        accessToken: i.accessToken,
        institutionId: i.institution.id,
        institutionName: i.institution.name,
        username: i.username,
        today: i.today,
        ready: i.isReady(state.clock.nowMs()),
        removed: i.removed,
        errorCode: i.currentError(state.clock.nowMs())?.code ?? null,
        consentExpirationTime: i.consentExpiration,
        accounts: i.accounts.map((a) => ({
          accountId: a.accountId,
          name: a.template.name,
          mask: a.template.mask,
          type: a.template.type,
          subtype: a.template.subtype,
          currency: a.template.currency,
        })),
      })),
    createItem: (options) => {
      const institution = findInstitution(options.institutionId);
      if (!institution) throw new Error(`unknown institution ${options.institutionId}`);
      const masks = options.accountMasks;
      const accountKeys: AccountKey[] | undefined = masks
        ? institution.accounts.filter((key) => masks.includes(ACCOUNT_TEMPLATES[key].mask))
        : undefined;
      const created = state.createItem({
        institution,
        username: options.username ?? 'user_good',
        accountKeys,
        daysRequested: options.daysRequested ?? 730,
        transactionVolume: options.transactionVolume,
        products: options.products ?? ['transactions'],
        webhook: null,
      });
      return { itemId: created.itemId, accessToken: created.accessToken };
    },
    groundTruth: (itemId) => item(itemId).transactions(),
    accounts: (itemId) => item(itemId).accountViews({ lastUpdated: null }),
    putTransaction: (itemId, transaction, kind) => item(itemId).putTransaction(transaction, kind),
    removeTransaction: (itemId, transactionId) => item(itemId).removeTransaction(transactionId),
    advance: ({ days, itemId }) => {
      if (!Number.isInteger(days) || days < 0)
        throw new Error('advance: days must be a non-negative integer');
      const now = () => state.clock.nowMs();
      if (itemId) return [item(itemId).advance(days, now())];
      state.date = addDays(state.date, days);
      state.clock.advanceDays(days);
      return state.allItems().map((i) => i.advance(days, now()));
    },
    advanceTime: (ms) => state.clock.advance(ms),
    setReady: (itemId, ready) => {
      const i = item(itemId);
      i.ready = ready;
      if (ready) i.readyAtMs = 0;
    },
    resetLogin: (itemId) => {
      item(itemId).error = new PlaidApiError('ITEM_LOGIN_REQUIRED');
    },
    setItemError: (itemId, code) => {
      if (code !== null && !isPlaidErrorCode(code))
        throw new Error(`unknown error code ${String(code)}`);
      item(itemId).error = code === null ? null : new PlaidApiError(code);
    },
    setConsentExpiration: (itemId, iso) => {
      if (iso !== null && Number.isNaN(Date.parse(iso)))
        throw new Error('setConsentExpiration: not an ISO date-time');
      item(itemId).consentExpiration = iso === null ? null : new Date(iso).toISOString();
    },
    setInstitutionStatus: (institutionId, status, product) =>
      product
        ? state.institutionOverrides.setProductHealth(institutionId, product, status)
        : state.setInstitutionHealth(institutionId, status),
    setInstitutionDetails: (institutionId, details) =>
      state.institutionOverrides.setDetails(institutionId, details),
    setUnsupportedProducts: (institutionId, products) =>
      state.institutionOverrides.setUnsupported(institutionId, products),
    setDisabledProducts: (products) => {
      state.disabledProducts.clear();
      for (const product of products) state.disabledProducts.add(product);
    },
    setRemovedItemError: (code) => {
      state.removedItemError = code;
    },
    inject: (rule) => state.scenarios.inject(rule),
    clearInjections: () => state.scenarios.clear(),
    setRateLimits: (setting) => state.rateLimiter.configure(setting),
    resetRateLimits: () => state.rateLimiter.reset(),
    calls: (filter) => state.calls.list(filter),
    resetCalls: () => state.calls.reset(),
    completeLink: (linkToken, options = {}) => {
      const view = link.start(linkToken, null);
      const sessionId = view.link_session_id;
      try {
        const institutionId =
          view.institution?.institution_id ?? options.institutionId ?? 'ins_109508';
        const institution = findInstitution(institutionId);
        if (!institution) throw new PlaidApiError('INVALID_INSTITUTION');
        const updateItemId = link.getToken(linkToken).config.updateItemId;
        const updateItem = updateItemId ? state.item(updateItemId) : null;
        const username = options.username ?? updateItem?.username ?? 'user_good';
        const accounts = institution.oauth
          ? link.authorizeOAuth(sessionId, institutionId).accounts
          : link.submitCredentials(
              sessionId,
              institutionId,
              username,
              options.password ?? (username === 'user_good' ? 'pass_good' : 'any-password'),
            );
        const result = link.finish(sessionId, options.accountIds ?? accounts.map((a) => a.id));
        return {
          publicToken: result.publicToken,
          itemId: result.item.itemId,
          linkSessionId: sessionId,
          accounts: result.accounts,
        };
      } catch (error) {
        if (error instanceof PlaidApiError)
          link.exit(sessionId, 'requires_credentials', error.code);
        throw error;
      }
    },
    exitLink: (linkToken, options = {}) => {
      const view = link.start(linkToken, null);
      link.exit(
        view.link_session_id,
        options.status ?? 'institution_not_found',
        options.errorCode ?? null,
      );
      return { linkSessionId: view.link_session_id };
    },
  };
}
