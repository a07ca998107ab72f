import type { AccountBalance, AccountBase, ItemStatusNullable, ItemWithConsentFields } from 'plaid';
import {
  ACCOUNT_TEMPLATES,
  hasTransactions,
  type AccountKey,
  type AccountTemplate,
} from './data/accounts';
import type { InstitutionDef } from './data/institutions';
import { accountValueCents, holdingsOn, type HoldingsView } from './data/investments';
import { MORTGAGE, STUDENT_LOAN, loanPosition } from './data/loans';
import type { EventSchedule } from './data/events';
import { Timeline, type VisibleTxn, type WireTransaction } from './data/timeline';
import { addDays, lastDayOfMonthOnOrBefore, monthKey } from './dates';
import { PlaidApiError } from './errors';
import { plaidId, uuid } from './ids';
import { rngFor } from './prng';
import { SyncLog, type Change } from './sync-log';
import type { ProductName } from './plaid-enums';
import type { Wire } from './wire';

export type WireAccount = Wire<AccountBase>;
export type WireItem = Wire<ItemWithConsentFields>;

export interface ItemAccount {
  key: AccountKey;
  accountId: string;
  template: AccountTemplate;
}

export interface ItemBlueprint {
  seed: string;
  ordinal: number;
  institution: InstitutionDef;
  username: string;
  /** Accounts the user shared in Link; all of the institution's by default. */
  accountKeys?: readonly AccountKey[];
  today: string;
  daysRequested: number;
  /** Households' worth of everyday spending per day; 1 (the default) is the usual household. */
  transactionVolume?: number;
  products: readonly ProductName[];
  webhook: string | null;
  nowMs: number;
  readyAtMs: number;
}

export interface AdvanceSummary {
  itemId: string;
  today: string;
  added: number;
  modified: number;
  removed: number;
}

/** The accounts an Item will hold, known before it exists so Link can offer them for selection. */
export function plannedAccounts(
  seed: string,
  ordinal: number,
  institution: InstitutionDef,
): ItemAccount[] {
  const idSalt = `${seed}|item|${ordinal}`;
  return institution.accounts.map((key) => ({
    key,
    accountId: plaidId(rngFor(idSalt, 'account', key)),
    template: ACCOUNT_TEMPLATES[key],
  }));
}

/**
 * One linked Item: its accounts, its transaction timeline and the change log clients sync from,
 * plus the state Plaid keeps about it (errors, consent, readiness, removal).
 */
export class EmulatedItem {
  readonly itemId: string;
  readonly accessToken: string;
  readonly ordinal: number;
  readonly institution: InstitutionDef;
  readonly username: string;
  readonly accounts: ItemAccount[];
  readonly createdAtMs: number;
  readonly daysRequested: number;
  readonly transactionVolume: number;
  readonly historyStart: string;
  readonly log = new SyncLog();
  readonly dataSalt: string;
  readonly seed: string;
  products: ProductName[];
  webhook: string | null;
  today: string;
  error: PlaidApiError | null = null;
  consentExpiration: string | null = null;
  ready = true;
  readyAtMs: number;
  removed = false;
  lastSuccessfulUpdate: string | null = null;
  lastFailedUpdate: string | null = null;
  /** Scenario 'login-required': the login breaks once the first full sync has been delivered. */
  breakLoginAfterFirstSync = false;
  private timeline: Timeline;
  private readonly visible: Map<string, VisibleTxn>;
  private readonly openings = new Map<AccountKey, number>();
  /** Transactions a test wrote by hand (control.putTransaction); they win over the timeline's. */
  private readonly scripted = new Map<string, WireTransaction>();
  private createdCount = 0;

  constructor(blueprint: ItemBlueprint) {
    const { seed, ordinal, institution, username } = blueprint;
    const idSalt = `${seed}|item|${ordinal}`;
    this.seed = seed;
    this.dataSalt = `${seed}|${institution.id}|${username}`;
    this.ordinal = ordinal;
    this.institution = institution;
    this.username = username;
    this.itemId = plaidId(rngFor(idSalt, 'item'));
    this.accessToken = `access-sandbox-${uuid(rngFor(idSalt, 'access-token'))}`;
    const wanted = new Set(blueprint.accountKeys ?? institution.accounts);
    this.accounts = plannedAccounts(seed, ordinal, institution).filter((a) => wanted.has(a.key));
    if (this.accounts.length === 0) throw new PlaidApiError('NO_ACCOUNTS');
    this.createdAtMs = blueprint.nowMs;
    this.readyAtMs = blueprint.readyAtMs;
    this.products = [...blueprint.products];
    this.webhook = blueprint.webhook;
    this.today = blueprint.today;
    this.daysRequested = blueprint.daysRequested;
    this.transactionVolume = blueprint.transactionVolume ?? 1;
    this.historyStart = addDays(blueprint.today, -(blueprint.daysRequested - 1));
    // Every account the person holds has an opening balance, shared in Link or not (yet).
    for (const account of plannedAccounts(seed, ordinal, institution)) {
      const rng = rngFor(this.dataSalt, 'opening', account.key);
      const opening =
        account.key === 'checking'
          ? rng.int(2500, 6000) * 100
          : account.key === 'savings'
            ? rng.int(8000, 20000) * 100
            : rng.int(800, 1500) * 100;
      this.openings.set(account.key, opening);
    }
    this.timeline = this.buildTimeline();
    this.visible = this.timeline.stateAt(this.today);
    this.log.append([...this.visible.values()].map((v) => this.change(v, 'added')));
    this.lastSuccessfulUpdate = new Date(blueprint.nowMs).toISOString();
  }

  /** The timeline of the shared accounts (its ids depend only on the seed, never on sharing). */
  private buildTimeline(): Timeline {
    return new Timeline(
      this.dataSalt,
      `${this.seed}|item|${this.ordinal}`,
      this.institution.accounts,
      this.accounts
        .filter((a) => hasTransactions(a.template))
        .map((a) => ({ key: a.key, accountId: a.accountId, currency: a.template.currency })),
      this.historyStart,
      this.transactionVolume,
    );
  }

  /**
   * Update mode with account selection: the Item now shares exactly these of the person's
   * accounts. A newly shared account's history is logged as added, so the next
   * /transactions/sync brings it; an account no longer shared leaves /accounts/get, and its
   * transactions are logged as removed (a client keeps them only if it wants to).
   */
  shareAccounts(keys: readonly AccountKey[]): void {
    const wanted = plannedAccounts(this.seed, this.ordinal, this.institution).filter((a) =>
      keys.includes(a.key),
    );
    if (wanted.length === 0) throw new PlaidApiError('NO_ACCOUNTS');
    const before = new Set(this.accounts.map((a) => a.key));
    const dropped = new Set(this.accounts.filter((a) => !keys.includes(a.key)).map((a) => a.key));
    const droppedIds = new Set(
      this.accounts.filter((a) => dropped.has(a.key)).map((a) => a.accountId),
    );
    const removed: Change[] = [];
    for (const v of this.visible.values()) {
      if (dropped.has(v.event.account)) removed.push(this.change(v, 'removed'));
    }
    for (const t of this.scripted.values()) {
      if (droppedIds.has(t.account_id) && !this.visible.has(t.transaction_id)) {
        removed.push({ id: t.transaction_id, kind: 'removed', accountId: t.account_id });
      }
    }
    for (const change of removed) {
      this.visible.delete(change.id);
      this.scripted.delete(change.id);
    }
    this.accounts.splice(0, this.accounts.length, ...wanted);
    this.timeline = this.buildTimeline();
    const added = [...this.timeline.stateAt(this.today).values()].filter(
      (v) => !before.has(v.event.account) && !this.visible.has(v.id),
    );
    for (const v of added) this.visible.set(v.id, v);
    this.log.append([...removed, ...added.map((v) => this.change(v, 'added'))]);
  }

  isReady(nowMs: number): boolean {
    return this.ready && nowMs >= this.readyAtMs;
  }

  /** The error a data endpoint answers with, if any (consent expiry turns into login-required). */
  currentError(nowMs: number): PlaidApiError | null {
    if (
      !this.error &&
      this.consentExpiration !== null &&
      Date.parse(this.consentExpiration) <= nowMs
    ) {
      this.error = new PlaidApiError('ITEM_LOGIN_REQUIRED');
    }
    return this.error;
  }

  hasAccountType(type: AccountTemplate['type']): boolean {
    return this.accounts.some((a) => a.template.type === type);
  }

  accountById(accountId: string): ItemAccount | undefined {
    return this.accounts.find((a) => a.accountId === accountId);
  }

  transactionAccounts(): ItemAccount[] {
    return this.accounts.filter((a) => hasTransactions(a.template));
  }

  /** Move this Item's business day forward, one day at a time, logging each day's changes. */
  advance(days: number, nowMs: number): AdvanceSummary {
    const summary: AdvanceSummary = {
      itemId: this.itemId,
      today: this.today,
      added: 0,
      modified: 0,
      removed: 0,
    };
    for (let i = 0; i < days; i++) {
      const { added, modified, removed } = this.timeline.changesOnNextDay(this.today);
      for (const v of removed) this.visible.delete(v.id);
      for (const v of [...added, ...modified]) this.visible.set(v.id, v);
      // The timeline's own later change to a hand-written row is the bank's newer word.
      for (const v of [...added, ...modified, ...removed]) this.scripted.delete(v.id);
      this.log.append([
        ...added.map((v) => this.change(v, 'added')),
        ...modified.map((v) => this.change(v, 'modified')),
        ...removed.map((v) => this.change(v, 'removed')),
      ]);
      summary.added += added.length;
      summary.modified += modified.length;
      summary.removed += removed.length;
      this.today = addDays(this.today, 1);
    }
    summary.today = this.today;
    if (days > 0) this.lastSuccessfulUpdate = new Date(nowMs).toISOString();
    return summary;
  }

  /** A visible transaction as the wire shows it, or undefined when it is not (or no longer) there. */
  wireTransaction(id: string, includeOriginalDescription = false): WireTransaction | undefined {
    const scripted = this.scripted.get(id);
    if (scripted) return structuredClone(scripted);
    const visible = this.visible.get(id);
    return visible ? this.render(visible, includeOriginalDescription) : undefined;
  }

  /**
   * Writes one transaction as the bank now reports it: new ids are logged `added`, known ones
   * `modified` unless `kind` says otherwise (a bank that re-sends a removed id, say). The next
   * /transactions/sync reports it like any other change.
   */
  putTransaction(transaction: WireTransaction, kind?: 'added' | 'modified'): void {
    const known =
      this.scripted.has(transaction.transaction_id) || this.visible.has(transaction.transaction_id);
    this.scripted.set(transaction.transaction_id, structuredClone(transaction));
    this.log.append([
      {
        id: transaction.transaction_id,
        kind: kind ?? (known ? 'modified' : 'added'),
        accountId: transaction.account_id,
      },
    ]);
  }

  /** A fresh transaction id for /sandbox/transactions/create, the same on every run of a seed. */
  nextCreatedId(): string {
    this.createdCount++;
    return plaidId(rngFor(this.dataSalt, 'sandbox-created', this.createdCount));
  }

  /** Removes one transaction, as a bank dropping a hold or a renumbered id would. */
  removeTransaction(id: string): void {
    const current = this.wireTransaction(id);
    if (!current) throw new Error(`transaction ${id} is not visible on this item`);
    this.scripted.delete(id);
    this.visible.delete(id);
    this.log.append([{ id, kind: 'removed', accountId: current.account_id }]);
  }

  render(v: VisibleTxn, includeOriginalDescription = false): WireTransaction {
    return this.timeline.render(v, includeOriginalDescription);
  }

  /** Every current transaction as Plaid presents it, newest first. */
  transactions(): WireTransaction[] {
    return [
      ...[...this.visible.values()]
        .filter((v) => !this.scripted.has(v.id))
        .map((v) => this.render(v)),
      ...[...this.scripted.values()].map((t) => structuredClone(t)),
    ].sort((a, b) =>
      a.date === b.date
        ? a.transaction_id.localeCompare(b.transaction_id)
        : a.date < b.date
          ? 1
          : -1,
    );
  }

  holdings(): HoldingsView {
    return holdingsOn(this.seed, this.dataSalt, this.institution.id, this.accounts, this.today);
  }

  accountViews(options: { lastUpdated: string | null }): WireAccount[] {
    const posted = new Map<AccountKey, number>();
    const pending = new Map<AccountKey, number>();
    for (const v of this.visible.values()) {
      const amount = v.variant === 'pending' ? v.event.pendingAmountCents : v.event.amountCents;
      const bucket = v.variant === 'pending' ? pending : posted;
      bucket.set(v.event.account, (bucket.get(v.event.account) ?? 0) + amount);
    }
    const holdings = this.hasAccountType('investment') ? this.holdings() : null;
    return this.accounts.map((account) => {
      const t = account.template;
      let balances: Wire<AccountBalance>;
      const currency = { iso_currency_code: t.currency, unofficial_currency_code: null };
      if (t.type === 'depository') {
        const current = (this.openings.get(account.key) ?? 0) - (posted.get(account.key) ?? 0);
        const holds = Math.max(0, pending.get(account.key) ?? 0);
        balances = {
          available: (current - holds) / 100,
          current: current / 100,
          limit: null,
          ...currency,
        };
      } else if (t.type === 'credit') {
        const current = this.cardBalanceCents();
        const limit = t.limitCents ?? 0;
        const holds = Math.max(0, pending.get(account.key) ?? 0);
        balances = {
          available: (limit - current - holds) / 100,
          current: current / 100,
          limit: limit / 100,
          ...currency,
        };
      } else if (t.type === 'loan') {
        const terms = account.key === 'mortgage' ? MORTGAGE : STUDENT_LOAN;
        balances = {
          available: null,
          current: loanPosition(terms, this.today).balanceCents / 100,
          limit: null,
          ...currency,
        };
      } else {
        const value = holdings
          ? accountValueCents(holdings, account.accountId)
          : { total: 0, cash: 0 };
        balances = {
          available: value.cash / 100,
          current: value.total / 100,
          limit: null,
          ...currency,
        };
      }
      balances.last_updated_datetime = options.lastUpdated;
      return {
        account_id: account.accountId,
        balances,
        mask: t.mask,
        name: t.name,
        official_name: t.officialName,
        type: t.type,
        subtype: t.subtype,
        holder_category: 'personal',
      };
    });
  }

  /**
   * What is owed on the card: everything charged since the start of the month whose statement the
   * last autopay did not cover. Computed from the schedule so it does not depend on how much
   * history the Item was granted.
   */
  cardBalanceCents(): number {
    const lastPayment = lastDayOfMonthOnOrBefore(this.today, 26);
    const from = `${monthKey(lastPayment)}-01`;
    let total = 0;
    for (let day = from; day <= this.today; day = addDays(day, 1)) {
      for (const e of this.timeline.statement.on(day)) {
        if (e.account !== 'card' || !e.cardStatementItem || e.vanishes) continue;
        if (e.postDate > this.today) continue;
        if (e.removeOn !== null && e.removeOn <= this.today) continue;
        total += e.amountCents;
      }
    }
    return total;
  }

  get schedule(): EventSchedule {
    return this.timeline.statement;
  }

  itemView(): WireItem {
    return {
      item_id: this.itemId,
      institution_id: this.institution.id,
      institution_name: this.institution.name,
      webhook: this.webhook,
      auth_method: null,
      error: this.error ? this.error.itemError() : null,
      available_products: this.institution.products.filter((p) => !this.products.includes(p)),
      billed_products: [...this.products],
      products: [...this.products],
      consented_products: [...this.products],
      consent_expiration_time: this.consentExpiration,
      update_type: 'background',
      created_at: new Date(this.createdAtMs).toISOString(),
    };
  }

  statusView(): Wire<ItemStatusNullable> {
    const status = {
      last_successful_update: this.lastSuccessfulUpdate,
      last_failed_update: this.lastFailedUpdate,
    };
    return {
      transactions: status,
      investments: this.products.includes('investments') ? status : null,
      last_webhook: null,
    };
  }

  private change(v: VisibleTxn, kind: Change['kind']): Change {
    const account = this.accounts.find((a) => a.key === v.event.account);
    return { id: v.id, kind, accountId: account?.accountId ?? '' };
  }
}
