/**
 * The shapes the core hands to the renderer. Money is an integer in minor units with its ISO
 * currency code; dates are `YYYY-MM-DD`; times are UTC ISO-8601 strings.
 *
 * Sign convention: Ledgerlight amounts are positive for money in and negative for money out. Plaid
 * uses the opposite sign; the conversion happens once, where Plaid data enters the core.
 */

import type { RuleSuggestion } from './rules';

export type PlaidEnvironment = 'sandbox' | 'production';
export type ConnectionStatus = 'ACTIVE' | 'LOGIN_REQUIRED' | 'ERROR' | 'DISCONNECTED';

export interface PlaidSettings {
  environment: PlaidEnvironment;
  /**
   * The Plaid API address the app was started with instead of Plaid's own (the emulator, demo
   * mode); null for Plaid's own. Set by the launch environment, never from the window.
   */
  baseUrl: string | null;
  clientIdSet: boolean;
  secretSet: boolean;
  /** The client id with all but its last four characters hidden; never the secret. */
  clientIdMasked: string | null;
}

export interface AppSettings {
  dataDir: string;
  databasePath: string;
  defaultSyncFrequencyMinutes: number;
  demoMode: boolean;
  /**
   * Where Plaid sends the user back after a bank's own sign-in page (OAuth), as registered in
   * Plaid's dashboard; null when Link handles OAuth in a pop-up window (no set-up needed).
   */
  oauthRedirectUri: string | null;
  /** The loopback address this app can receive that redirect on, for the user to register. */
  loopbackRedirectUri: string | null;
  version: string;
}

export interface Institution {
  id: string;
  name: string;
  /** A `data:image/png;base64,…` URL, or null. */
  logo: string | null;
  primaryColor: string | null;
  url: string | null;
  /** What Plaid last said about the bank's health; null until Ledgerlight has asked. */
  status?: InstitutionStatus | null;
}

/** Plaid's health of a bank for one product: HEALTHY, DEGRADED or DOWN. */
export type InstitutionHealth = 'HEALTHY' | 'DEGRADED' | 'DOWN';

/** Plaid's status of a bank (/institutions/get_by_id), for the products Ledgerlight uses. */
export interface InstitutionStatus {
  /** The worse of the two below. */
  overall: InstitutionHealth;
  /** New transactions arriving (Plaid's `transactions_updates`). */
  transactions: InstitutionHealth | null;
  /** Signing in to the bank (Plaid's `item_logins`). */
  logins: InstitutionHealth | null;
  /** When the worse product last changed status, as Plaid says. */
  changedAt: string | null;
  /** Plaid's title of the open incident, if any. */
  incident: string | null;
  /** When Ledgerlight last asked Plaid. */
  checkedAt: string;
}

export interface ConnectionError {
  code: string;
  message: string;
}

export interface Connection {
  id: string;
  environment: PlaidEnvironment;
  institution: Institution | null;
  displayName: string;
  status: ConnectionStatus;
  syncing: boolean;
  paused: boolean;
  syncFrequencyMinutes: number;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  nextSyncAt: string | null;
  consentExpiresAt: string | null;
  error: ConnectionError | null;
  accountCount: number;
  createdAt: string;
}

export interface ConnectionsSummary {
  total: number;
  active: number;
  /** Whether any sync is running now (the API we follow defines it as a boolean). */
  syncing: boolean;
  /** How many connections are syncing now. */
  runningCount: number;
  lastSyncAt: string | null;
  nextSyncAt: string | null;
  errorCount: number;
}

export interface ConnectionHealth {
  connectionId: string;
  status: ConnectionStatus;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  consentExpiresAt: string | null;
  lastError: ConnectionError | null;
}

/** Balances just read from the bank, now stored, and when. */
export interface LiveBalances {
  accounts: Account[];
  checkedAt: string;
}

export interface Balances {
  current: number | null;
  available: number | null;
  limit: number | null;
}

/** Who keeps an account's or a row's bank facts: Plaid's feed, a file, or the person by hand. */
export type AccountSource = 'plaid' | 'manual';
export type TransactionSource = 'plaid' | 'file' | 'manual';

export interface Account {
  id: string;
  /** The Plaid connection it syncs through; null for an account the person keeps by hand. */
  connectionId: string | null;
  source: AccountSource;
  /** When the person closed it (a manual account); its history stays. */
  closedAt: string | null;
  /** What the account is called here: the person's name for it, else the bank's. */
  name: string;
  /** The bank's own name for it, which a rename never changes. */
  bankName: string;
  /** The bank it is at, so three "Plaid Checking ••0000" can be told apart. */
  institutionName: string | null;
  /** The person hid it from the account lists (its data stays). */
  hidden: boolean;
  officialName: string | null;
  type: string;
  subtype: string | null;
  mask: string | null;
  currency: string;
  balances: Balances;
  balanceUpdatedAt: string | null;
}

export interface Transaction {
  id: string;
  accountId: string;
  /** null for a row in an account kept by hand. */
  connectionId: string | null;
  /** Who keeps its bank facts (date, amount, text): Plaid, a file, or the person. */
  source: TransactionSource;
  date: string;
  authorizedDate: string | null;
  name: string;
  merchantName: string | null;
  category: string | null;
  categoryDetailed: string | null;
  amount: number;
  currency: string;
  pending: boolean;
  pendingTransactionId: string | null;
  removed: boolean;
  paymentChannel: string | null;
  batchId: number | null;
  /** The user's own fields: the feed never writes them (see `TransactionUserFields`). */
  user: TransactionUserFields;
  /** The person's tags on this row, by name, sorted (case-insensitively). */
  tags: string[];
  /** The parts the person split this row into (they add up to `amount`); empty when not split. */
  splits: TransactionSplit[];
}

/** One part of a split transaction: minor units, same currency as the row. */
export interface TransactionSplit {
  amount: number;
  category: string | null;
  notes: string | null;
}

/** A tag in use, with how many transactions in view carry it. */
export interface TagCount {
  name: string;
  count: number;
}

/** The fields a person sets on a transaction. null / false = not set. */
export interface TransactionUserFields {
  /** The payee the person named; shown instead of the bank's merchant or raw text. */
  payee: string | null;
  /** The person's category; shown instead of Plaid's. */
  category: string | null;
  notes: string | null;
  /** Left out of spending and totals. */
  excluded: boolean;
  reviewed: boolean;
  /** Why this row wants a look (e.g. the bank changed the amount of an edited row), or null. */
  needsReview: string | null;
  /** The user fields the person set themselves, which automation leaves alone. */
  locked: UserField[];
}

export const USER_FIELDS = ['payee', 'category', 'notes', 'excluded', 'reviewed'] as const;
export type UserField = (typeof USER_FIELDS)[number];

/**
 * What a row's history can name: a user field, its tags, or its split; for a row the person
 * owns (typed in or imported from a file), also its date, amount, description and deletion.
 */
export type HistoryField =
  UserField | 'tags' | 'splits' | 'date' | 'amount' | 'description' | 'deleted';

/**
 * One change in a transaction's history. For `tags` the value is the names joined by ", " and
 * for `splits` how many parts ("3 parts"); null when the row had none.
 */
export interface TransactionChange {
  field: HistoryField;
  before: string | boolean | null;
  after: string | boolean | null;
  at: string;
  undone: boolean;
  /** Who made the change: the person, or one of their rules (named, while it exists). */
  by: 'you' | 'rule';
  ruleName: string | null;
}

export interface TransactionDetail {
  transaction: Transaction;
  accountName: string;
  institutionName: string | null;
  /** Other Plaid ids this row has had (its pending id once posted). */
  formerIds: string[];
  /** The other side, when the person confirmed this row as a transfer between their accounts. */
  transfer: ConfirmedTransfer | null;
  history: TransactionChange[];
}

/** What an edit or an undo changed, so the UI can offer to undo it and say what it did. */
export interface EditResult {
  /** The undo group this edit made; null when nothing changed. */
  editId: number | null;
  changedRows: number;
  /** After a recategorization: the person did this for the same payee before; offer a rule. */
  ruleSuggestion?: RuleSuggestion | null;
}

export interface BalanceSnapshot {
  date: string;
  current: number | null;
  available: number | null;
  /**
   * True for a day rebuilt backwards from a known balance and the transactions between; false
   * for a balance the bank reported (or the person recorded) that day.
   */
  derived: boolean;
}

export interface AccountDetail {
  account: Account;
  transactionCount: number;
  recentTransactions: Transaction[];
  balanceHistory: BalanceSnapshot[];
}

/** The sums of a filtered set of rows in one currency (rows left out of reports not counted). */
export interface TransactionTotals {
  currency: string;
  /** Minor units: money in (≥ 0), money out (≤ 0), and their sum. */
  moneyIn: number;
  moneyOut: number;
  net: number;
  count: number;
}

/** One page of the list; how many rows match in all comes from `transactions.count`. */
export interface TransactionPage {
  items: Transaction[];
  nextCursor: string | null;
}

export interface SyncRun {
  id: number;
  connectionId: string;
  trigger: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  added: number;
  modified: number;
  removed: number;
  quarantined: number;
  errorCode: string | null;
  errorMessage: string | null;
  /** The request id that names the run: the failing call's, or its last call's. */
  plaidRequestId: string | null;
  /** Every Plaid request id of the run, in call order (what Plaid support asks for). */
  plaidRequestIds: string[];
  batchId: number | null;
}

export const IMPORT_METHODS = ['PLAID', 'CSV', 'OFX', 'QIF', 'MANUAL', 'API'] as const;
export type ImportMethod = (typeof IMPORT_METHODS)[number];

/**
 * One sync run or one import: what it brought, where it went, and where its rows stand. A row's
 * batch is where it first came from; later changes a run makes to rows of other batches are
 * counted as that run's `modified` / `removed` without moving the rows.
 */
export interface ImportBatch {
  /** `importBatchId` of the API we follow. */
  id: number;
  importMethod: ImportMethod;
  connectionId: string | null;
  runId: number | null;
  /** The account a file or hand entries went into (null for a sync, which spans accounts). */
  accountId: string | null;
  accountName: string | null;
  fileName: string | null;
  /** When the batch was made (`firstCreated`). */
  createdAt: string;
  /** Every row of the batch: the ones it added and the ones it found already here. */
  count: number;
  minDate: string | null;
  maxDate: string | null;
  /** Rows it added that matched nothing already here. */
  unmatched: number;
  /** Rows that were the same money as a row already here, so nothing was added for them. */
  matched: number;
  /** Rows the person confirmed: reviewed, or a suggested match they settled. */
  confirmed: number;
  /** Rows left out of reports, or deleted by the person. */
  excluded: number;
  /** Rows that may be the same as another; waiting for the person to choose. */
  suggested: number;
  added: number;
  modified: number;
  removed: number;
  /** When the person reverted this import (its rows are gone); null otherwise. */
  revertedAt: string | null;
}

export type BatchRowStatus = 'unmatched' | 'matched' | 'confirmed' | 'excluded' | 'suggested';

/** A row of a batch, as the drill-down shows it. */
export interface BatchRow {
  transaction: Transaction;
  status: BatchRowStatus;
  /** Who the money went to or came from, as shown: payee, else merchant, else the bank's text. */
  counterparty: string;
  match: BatchRowMatch | null;
}

export interface BatchRowMatch {
  /** How it was found: the file's own id, the same amount a few days apart, or the person. */
  how: 'id' | 'amount-date' | 'person';
  /** The batch the row already here came from (for a matched row). */
  otherBatchId: number | null;
  /** For a suggestion: the rows it may be the same as. */
  candidates: TransferSide[];
}

export interface BatchDetail {
  batch: ImportBatch;
  items: BatchRow[];
  /** Pass back for the next page; null on the last. */
  nextCursor: string | null;
}

export interface LinkToken {
  linkToken: string;
  expiration: string;
  /** Set when the token was made for Hosted Link: the page to open in the user's browser. */
  hostedLinkUrl: string | null;
}

export interface LinkResult {
  connectionId: string;
  accounts: Account[];
}

/** One cell of the spending report: money out in one month, category and currency. */
export interface SpendingRow {
  /** `YYYY-MM`. */
  month: string;
  /** Plaid's primary personal-finance category, or null when Plaid gave none. */
  category: string | null;
  currency: string;
  /** Minor units spent, as a positive number. */
  amount: number;
  count: number;
}

/**
 * Money out by month and category. Transfers between the user's own accounts and credit-card
 * payments are left out: the purchases behind them are counted where they happened.
 */
export interface SpendingReport {
  /** Every month of the report, oldest first, `YYYY-MM`, including months without spending. */
  months: string[];
  rows: SpendingRow[];
}

export interface CategoryCount {
  category: string;
  count: number;
}

/** A row Plaid sent that could not be applied, kept with its reason (never its raw payload). */
export interface QuarantinedItem {
  id: number;
  connectionId: string | null;
  runId: number | null;
  kind: string;
  plaidId: string | null;
  reason: string;
  createdAt: string;
}

/** One side of a transfer between the person's own accounts. */
export interface TransferSide {
  /** The Plaid transaction id, as in `Transaction.id`. */
  id: string;
  date: string;
  /** What the row is called here: the person's payee, else the merchant, else the bank's text. */
  name: string;
  /** Minor units; negative on the side money left, positive on the side it arrived. */
  amount: number;
  currency: string;
  accountId: string;
  /** The account's name as shown here (the person's name for it, else the bank's). */
  accountName: string;
}

/** A transfer the person confirmed, seen from one of its rows. */
export interface ConfirmedTransfer {
  outId: string;
  inId: string;
  /** The row on the other side, even when the bank has since removed it. */
  other: TransferSide & { removed: boolean };
}

/** Money that left one of the person's accounts and arrived in another, as far as we can tell. */
export interface TransferSuggestion {
  out: TransferSide;
  in: TransferSide;
  /** Days between the two dates (0–4). */
  daysApart: number;
}

/** What the person decided about a pair; `none` once a confirmation is taken back. */
export interface TransferDecision {
  outId: string;
  inId: string;
  status: 'confirmed' | 'rejected' | 'none';
}

/** Net worth on one day in one currency: what is owned, what is owed (positive), and the net. */
export interface NetWorthPoint {
  date: string;
  assets: number;
  liabilities: number;
  net: number;
  /** Some balance that day was rebuilt from transactions rather than reported. */
  derived: boolean;
}

/** Net worth over time in one currency; currencies are never added together. */
export interface NetWorthSeries {
  currency: string;
  points: NetWorthPoint[];
}

/** One separate ledger: its own data files and its own keychain entries. */
export interface Profile {
  id: string;
  name: string;
  createdAt: string;
  /** The ledger Ledgerlight had before profiles existed: its files stay where they always were. */
  isDefault: boolean;
  current: boolean;
}

/** Every profile, in the order they were made, and which one is open. */
export interface ProfileList {
  currentId: string;
  profiles: Profile[];
}

/** What deleting a profile did about its banks at Plaid. */
export interface ProfileDeletion {
  profiles: ProfileList;
  /** Connections given back to Plaid (/item/remove). */
  itemsRemoved: number;
  /** Connections Plaid could not be asked about (unreachable, no keys): still linked there. */
  itemsLeftLinked: number;
  /** What happened, as a sentence for the person. */
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Investments, liabilities and recurring streams, as the banks report them through Plaid

/** One position: what the bank says the account holds of one security. Money in minor units. */
export interface HoldingRow {
  accountId: string;
  securityId: string;
  /** The security's name and ticker, when the bank gives them. */
  name: string | null;
  ticker: string | null;
  /** Plaid's security type: equity, etf, mutual fund, cash, fixed income, … */
  type: string | null;
  quantity: number;
  /** The last close price per unit, when known (minor units, rounded to the cent). */
  price: number | null;
  value: number | null;
  costBasis: number | null;
  /** value − cost basis, only when both are known. */
  gain: number | null;
  currency: string;
}

/** Sums of holdings in one currency; cost basis and gain only over holdings that report one. */
export interface HoldingsTotal {
  currency: string;
  value: number;
  costBasis: number | null;
  gain: number | null;
}

export interface InvestmentAccountHoldings {
  accountId: string;
  accountName: string;
  institutionName: string | null;
  mask: string | null;
  holdings: HoldingRow[];
  totals: HoldingsTotal[];
  updatedAt: string | null;
}

export interface SecurityInfo {
  id: string;
  name: string | null;
  ticker: string | null;
  type: string | null;
  price: number | null;
  currency: string | null;
}

export interface PortfolioHoldings {
  accounts: InvestmentAccountHoldings[];
  /** Every account together, per currency. */
  totals: HoldingsTotal[];
  securities: SecurityInfo[];
}

/** A buy, sale, dividend, contribution or fee; `amount` is cash into the account positive. */
export interface InvestmentActivity {
  id: string;
  accountId: string;
  date: string;
  name: string;
  type: string;
  subtype: string | null;
  securityId: string | null;
  securityName: string | null;
  ticker: string | null;
  quantity: number;
  /** Per unit, in major units of `currency` (may be a fraction of a cent). */
  price: number | null;
  amount: number;
  fees: number | null;
  currency: string;
}

export interface InvestmentActivityPage {
  items: InvestmentActivity[];
  total: number;
}

/** One interest rate of a card (purchases, cash advances, …). */
export interface CardApr {
  type: string;
  percentage: number;
  balanceSubjectToApr: number | null;
}

interface LiabilityBase {
  accountId: string;
  accountName: string;
  institutionName: string | null;
  mask: string | null;
  currency: string;
  /** What is owed now (the account's current balance), when the bank reports it. */
  balance: number | null;
  nextPaymentDueDate: string | null;
  lastPaymentDate: string | null;
  lastPaymentAmount: number | null;
  isOverdue: boolean | null;
  updatedAt: string;
}

export interface CardLiability extends LiabilityBase {
  kind: 'credit';
  aprs: CardApr[];
  minimumPayment: number | null;
  lastStatementBalance: number | null;
  lastStatementDate: string | null;
}

export interface LoanLiability extends LiabilityBase {
  kind: 'student' | 'mortgage';
  loanName: string | null;
  interestRatePercentage: number | null;
  /** fixed or variable, for a mortgage. */
  interestRateType: string | null;
  /** "30 year", or the months from origination to the expected payoff. */
  term: string | null;
  originationDate: string | null;
  originationPrincipal: number | null;
  payoffDate: string | null;
  nextPaymentAmount: number | null;
  escrowBalance: number | null;
  ytdInterestPaid: number | null;
  ytdPrincipalPaid: number | null;
  pastDueAmount: number | null;
  repaymentPlan: string | null;
}

export type Liability = CardLiability | LoanLiability;

export type RecurringFrequency =
  'WEEKLY' | 'BIWEEKLY' | 'SEMI_MONTHLY' | 'MONTHLY' | 'ANNUALLY' | 'UNKNOWN';
export type RecurringStatus = 'MATURE' | 'EARLY_DETECTION' | 'TOMBSTONED' | 'UNKNOWN';

/** A bill, subscription or pay Plaid saw recur; amounts are money in positive, like transactions. */
export interface RecurringStream {
  id: string;
  accountId: string;
  accountName: string;
  institutionName: string | null;
  direction: 'inflow' | 'outflow';
  description: string;
  merchantName: string | null;
  frequency: RecurringFrequency;
  status: RecurringStatus;
  isActive: boolean;
  firstDate: string;
  lastDate: string;
  predictedNextDate: string | null;
  averageAmount: number | null;
  lastAmount: number | null;
  currency: string;
  /** Plaid's personal finance category, primary and detailed. */
  category: string | null;
  categoryDetailed: string | null;
  transactionCount: number;
}
